import { useState } from 'react'
import { useTexts } from '../../i18n/language.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { AccessBasisForm } from '../access-basis-form.tsx'
import { useConsoleSession } from '../session.tsx'

interface RequestContent {
  scope: { documents?: Record<string, string[]> }
  content: {
    requester?: { name?: string; email?: string; phone?: string; postalAddress?: string }
    identifier?: { kind: string; value: string }
    identityProof?: { idDocumentNumber?: string; idDocumentIssueDate?: string; idDocumentIssuer?: string; signature?: { kind: string; reference?: string } }
    values?: Array<{ itemId: string; value: string }>
    text?: string
  }
}

const TEXTS = {
  title: { kk: 'Өтініштің мазмұны', ru: 'Содержание обращения', en: 'What the request says' },
  sealed: { kk: 'Өтініштің дербес деректері шифрланып сақталады.', ru: 'Персональные данные обращения хранятся зашифрованными.', en: 'The request’s personal data is kept sealed.' },
  show: { kk: 'Мазмұнын көрсету', ru: 'Показать содержание', en: 'Show the content' },
  requester: { kk: 'Жауап қайда жіберіледі', ru: 'Куда отвечать', en: 'Where to answer' },
  identifier: { kk: 'Сәйкестендіргіш', ru: 'Идентификатор', en: 'Identifier' },
  proof: { kk: 'Жеке басын растау', ru: 'Подтверждение личности', en: 'Identity proof' },
  values: { kk: 'Жаңа мәндер', ru: 'Новые значения', en: 'New values' },
  documents: { kk: 'құжаттар (SHA-256)', ru: 'документы (SHA-256)', en: 'documents (SHA-256)' },
  text: { kk: 'Мәтіні', ru: 'Текст', en: 'Text' },
}

/**
 * A request's sealed personal data — the requester's contacts, identity
 * proof, the new values of a correction with their documents' hashes, its
 * text — opened only on a basis the policy lists, and audited (TTC-7.1/7.2).
 */
export function RequestContentSection({ requestId }: { requestId: string }) {
  const { call } = useConsoleSession()
  const t = useTexts(TEXTS)
  const [opened, setOpened] = useState<RequestContent | null>(null)
  const [error, setError] = useState<unknown>()
  async function open(query: URLSearchParams) {
    setError(undefined)
    try {
      setOpened(await call<RequestContent>(`/requests/${encodeURIComponent(requestId)}/content?${query}`))
    } catch (e) {
      setError(e)
    }
  }
  const c = opened?.content
  const documents = opened?.scope.documents ?? {}
  return (
    <section aria-labelledby="content-title">
      <h2 id="content-title">{t.title}</h2>
      <ProblemNotice error={error} />
      {!c ? (
        <>
          <p className="muted">{t.sealed}</p>
          <AccessBasisForm id="content" submitLabel={t.show} onBasis={(query) => void open(query)} />
        </>
      ) : (
        <dl data-testid="request-content">
          {c.requester ? (<><dt>{t.requester}</dt><dd>{[c.requester.name, c.requester.email, c.requester.phone, c.requester.postalAddress].filter(Boolean).join('; ')}</dd></>) : null}
          {c.identifier ? (<><dt>{t.identifier}</dt><dd>{c.identifier.kind}: {c.identifier.value}</dd></>) : null}
          {c.identityProof ? (
            <>
              <dt>{t.proof}</dt>
              <dd>{[c.identityProof.idDocumentNumber, c.identityProof.idDocumentIssueDate, c.identityProof.idDocumentIssuer, c.identityProof.signature ? `${c.identityProof.signature.kind}${c.identityProof.signature.reference ? ` ${c.identityProof.signature.reference}` : ''}` : undefined].filter(Boolean).join('; ')}</dd>
            </>
          ) : null}
          {c.values?.length ? (
            <>
              <dt>{t.values}</dt>
              <dd>
                <ul>
                  {c.values.map((v) => (
                    <li key={v.itemId}>
                      {v.itemId}: <strong>{v.value}</strong>
                      {documents[v.itemId]?.length ? <div className="muted">{t.documents}: {documents[v.itemId]!.map((h) => <code key={h}>{h} </code>)}</div> : null}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {c.text ? (<><dt>{t.text}</dt><dd style={{ whiteSpace: 'pre-wrap' }}>{c.text}</dd></>) : null}
        </dl>
      )}
    </section>
  )
}
