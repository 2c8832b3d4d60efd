import { useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import { LANGUAGE_NAMES, useLanguage, useTexts } from '../../i18n/language.tsx'
import { CorrectionItems, correctionContent, type CorrectionRow } from '../../ui/correction-items.tsx'
import { fileSha256 } from '../../ui/file-hash.ts'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { usePublishedPolicy } from '../../ui/published-policy.ts'
import { useAction } from '../../ui/use-action.ts'
import { useConsoleSession } from '../session.tsx'
import { EdsSignatureFields, edsSignatureBody, type EdsFiles } from './eds-signature-fields.tsx'
import { CHANNEL_TEXTS, KIND_TEXTS, REGISTERED_CHANNELS, SIGNATURE_TEXTS } from './request-texts.ts'

const TEXTS = {
  title: { kk: 'Өтінішті тіркеу', ru: 'Регистрация обращения', en: 'Register a request' },
  why: {
    kk: 'Қағаз, пошта, курьер немесе электрондық пошта арқылы келген өтініш. Мерзім алынған күннен бастап есептеледі.',
    ru: 'Обращение, поступившее на бумаге, почтой, курьером или по электронной почте. Срок считается с даты получения.',
    en: 'A request that arrived on paper, by post, courier or e-mail. The deadline counts from the day it was received.',
  },
  back: { kk: 'Барлық өтініштер', ru: 'Все обращения', en: 'All requests' },
  kind: { kk: 'Не сұралады', ru: 'Что просят', en: 'What is asked' },
  channel: { kk: 'Қалай келді', ru: 'Как поступило', en: 'How it arrived' },
  receivedAt: { kk: 'Алынған уақыты', ru: 'Когда получено', en: 'Received at' },
  language: { kk: 'Жауап тілі', ru: 'Язык ответа', en: 'Language of the answer' },
  subject: { kk: 'Субъект (белгілі болса)', ru: 'Субъект (если известен)', en: 'The subject (if known)' },
  identifierKind: { kk: 'Сәйкестендіргіш', ru: 'Идентификатор', en: 'Identifier' },
  identifierValue: { kk: 'Мәні', ru: 'Значение', en: 'Value' },
  requestedBy: { kk: 'Кім жіберді', ru: 'Кто обратился', en: 'Sent by' },
  requesterEmail: { kk: 'Жауап жіберілетін e-mail', ru: 'E-mail для ответа', en: 'E-mail for the answer' },
  requesterPostal: { kk: 'Жауап жіберілетін пошта мекенжайы', ru: 'Почтовый адрес для ответа', en: 'Postal address for the answer' },
  proof: { kk: 'Жеке басын растау (ESP-9)', ru: 'Подтверждение личности (ESP-9)', en: 'Identity proof (ESP-9)' },
  number: { kk: 'Жеке куәлік нөмірі', ru: 'Номер удостоверения личности', en: 'ID document number' },
  issued: { kk: 'Берілген күні', ru: 'Дата выдачи', en: 'Date of issue' },
  issuer: { kk: 'Кім берді', ru: 'Кем выдано', en: 'Issued by' },
  signature: { kk: 'Қолтаңба', ru: 'Подпись', en: 'Signature' },
  none: { kk: '— жоқ —', ru: '— нет —', en: '— none —' },
  scan: { kk: 'Өтініштің сканы (тек хэші сақталады)', ru: 'Скан обращения (хранится только хэш)', en: 'Scan of the request (only its hash is kept)' },
  postal: { kk: 'Хаттың немесе жөнелтімнің нөмірі', ru: 'Номер письма или отправления', en: 'Registered letter or consignment number' },
  text: { kk: 'Өтініш мәтіні', ru: 'Текст обращения', en: 'The request’s text' },
  corrections: { kk: 'Не түзетіледі немесе толықтырылады', ru: 'Что исправить или дополнить', en: 'What to correct or supplement' },
  register: { kk: 'Тіркеу', ru: 'Зарегистрировать', en: 'Register' },
}

const REQUESTED_BY = {
  subject: { kk: 'Субъектінің өзі', ru: 'Сам субъект', en: 'The subject' },
  representative: { kk: 'Өкілі', ru: 'Представитель', en: 'A representative' },
  authorised_body: { kk: 'Уәкілетті орган', ru: 'Уполномоченный орган', en: 'The authorised body' },
}
const IDENTIFIERS = { iin: 'ИИН / ЖСН / IIN', phone: 'Телефон / Phone', email: 'E-mail', id_document: 'ID' }

/** Staff register a request received outside the API (issue 4 §2): receipt date, channel, scan hash, postal reference, identity proof. */
export default function RegisterRequestPage() {
  const { call, operatorId } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const navigate = useNavigate()
  const { items } = usePublishedPolicy(operatorId)
  const [form, setForm] = useState({
    kind: 'information', channel: 'written', receivedAt: '', answerLanguage: language, identifierKind: 'iin', identifierValue: '', requestedBy: 'subject',
    email: '', postal: '', number: '', issued: '', issuer: '', signature: '', postalReference: '', text: '',
  })
  const [scan, setScan] = useState<File | null>(null)
  const [eds, setEds] = useState<EdsFiles>({ cms: null, document: null })
  const [rows, setRows] = useState<CorrectionRow[]>([{ itemId: '', value: '', documents: [] }])
  const action = useAction()
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value })
  const corrects = form.kind === 'rectify' || form.kind === 'supplement'

  function register(event: FormEvent) {
    event.preventDefault()
    void action.run(async () => {
      const proof = {
        ...(form.number.trim() ? { idDocumentNumber: form.number.trim() } : {}),
        ...(form.issued ? { idDocumentIssueDate: form.issued } : {}),
        ...(form.issuer.trim() ? { idDocumentIssuer: form.issuer.trim() } : {}),
        ...(form.signature ? { signature: { kind: form.signature, ...(form.signature === 'eds' ? await edsSignatureBody(eds) : {}) } } : {}),
      }
      const requester = { ...(form.email.trim() ? { email: form.email.trim() } : {}), ...(form.postal.trim() ? { postalAddress: form.postal.trim() } : {}) }
      const content = { ...(corrects ? { items: await correctionContent(rows) } : {}), ...(form.text.trim() ? { text: form.text.trim() } : {}) }
      const body = {
        kind: form.kind,
        channel: form.channel,
        language: form.answerLanguage,
        requestedBy: form.requestedBy,
        ...(form.receivedAt ? { receivedAt: new Date(form.receivedAt).toISOString() } : {}),
        ...(form.identifierValue.trim() ? { subject: { identifier: { kind: form.identifierKind, value: form.identifierValue.trim() } } } : {}),
        ...(Object.keys(requester).length ? { requester } : {}),
        ...(Object.keys(proof).length ? { identityProof: proof } : {}),
        ...(scan ? { scanSha256: await fileSha256(scan) } : {}),
        ...(form.postalReference.trim() ? { postalReference: form.postalReference.trim() } : {}),
        ...(Object.keys(content).length ? { content } : {}),
      }
      const created = await call<{ requestId: string }>('/requests', { body })
      navigate(`/console/${operatorId}/requests/${created.requestId}`)
    })
  }

  return (
    <>
      <p><Link to={`/console/${operatorId}/requests`}>{t.back}</Link></p>
      <h1>{t.title}</h1>
      <p className="muted">{t.why}</p>
      <ProblemNotice error={action.error} />
      <form onSubmit={register}>
        <label htmlFor="reg-kind">{t.kind}</label>
        <select id="reg-kind" value={form.kind} onChange={set('kind')}>
          {Object.entries(KIND_TEXTS).map(([k, text]) => <option key={k} value={k}>{text[language]}</option>)}
        </select>
        <label htmlFor="reg-channel">{t.channel}</label>
        <select id="reg-channel" value={form.channel} onChange={set('channel')}>
          {REGISTERED_CHANNELS.map((k) => <option key={k} value={k}>{CHANNEL_TEXTS[k]![language]}</option>)}
        </select>
        <label htmlFor="reg-received">{t.receivedAt}</label>
        <input id="reg-received" type="datetime-local" value={form.receivedAt} onChange={set('receivedAt')} />
        <label htmlFor="reg-language">{t.language}</label>
        <select id="reg-language" value={form.answerLanguage} onChange={set('answerLanguage')}>
          {Object.entries(LANGUAGE_NAMES).map(([k, name]) => <option key={k} value={k}>{name}</option>)}
        </select>
        <label htmlFor="reg-requested-by">{t.requestedBy}</label>
        <select id="reg-requested-by" value={form.requestedBy} onChange={set('requestedBy')}>
          {Object.entries(REQUESTED_BY).map(([k, text]) => <option key={k} value={k}>{text[language]}</option>)}
        </select>
        <h2>{t.subject}</h2>
        <label htmlFor="reg-identifier-kind">{t.identifierKind}</label>
        <select id="reg-identifier-kind" value={form.identifierKind} onChange={set('identifierKind')}>
          {Object.entries(IDENTIFIERS).map(([k, text]) => <option key={k} value={k}>{text}</option>)}
        </select>
        <label htmlFor="reg-identifier-value">{t.identifierValue}</label>
        <input id="reg-identifier-value" value={form.identifierValue} autoComplete="off" maxLength={200} onChange={set('identifierValue')} />
        <label htmlFor="reg-email">{t.requesterEmail}</label>
        <input id="reg-email" type="email" value={form.email} maxLength={320} onChange={set('email')} />
        <label htmlFor="reg-postal-address">{t.requesterPostal}</label>
        <input id="reg-postal-address" value={form.postal} maxLength={1000} onChange={set('postal')} />
        <h2>{t.proof}</h2>
        <label htmlFor="reg-number">{t.number}</label>
        <input id="reg-number" value={form.number} maxLength={50} autoComplete="off" onChange={set('number')} />
        <label htmlFor="reg-issued">{t.issued}</label>
        <input id="reg-issued" type="date" value={form.issued} onChange={set('issued')} />
        <label htmlFor="reg-issuer">{t.issuer}</label>
        <input id="reg-issuer" value={form.issuer} maxLength={200} onChange={set('issuer')} />
        <label htmlFor="reg-signature">{t.signature}</label>
        <select id="reg-signature" value={form.signature} onChange={set('signature')}>
          <option value="">{t.none}</option>
          {Object.entries(SIGNATURE_TEXTS).map(([k, text]) => <option key={k} value={k}>{text[language]}</option>)}
        </select>
        {form.signature === 'eds' ? <EdsSignatureFields idPrefix="reg-eds" files={eds} onChange={setEds} /> : null}
        <label htmlFor="reg-scan">{t.scan}</label>
        <input id="reg-scan" type="file" onChange={(e) => setScan(e.target.files?.[0] ?? null)} />
        <label htmlFor="reg-postal-reference">{t.postal}</label>
        <input id="reg-postal-reference" value={form.postalReference} maxLength={100} onChange={set('postalReference')} />
        {corrects ? (<><h2>{t.corrections}</h2><CorrectionItems items={items} rows={rows} onChange={setRows} /></>) : null}
        <label htmlFor="reg-text">{t.text}</label>
        <textarea id="reg-text" rows={4} maxLength={20_000} value={form.text} required={form.kind === 'complaint'} onChange={set('text')} />
        <div className="actions"><button type="submit" disabled={action.busy}>{t.register}</button></div>
      </form>
    </>
  )
}
