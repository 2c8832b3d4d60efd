import type { Language } from '../../policy/index.ts'
import type { ConsentEventKind } from '../consent-tables.ts'

type Localized = Readonly<Record<Language, string>>

/** Every fixed text of a receipt, Kazakh first. `{…}` are filled in. */
export const RECEIPT_MESSAGES = {
  title: { kk: 'Дербес деректерді өңдеуге келісім туралы түбіртек', ru: 'Квитанция о согласии на обработку персональных данных', en: 'Receipt of consent to the processing of personal data' },
  event: { kk: 'Оқиға', ru: 'Событие', en: 'Event' },
  eventId: { kk: 'Жазба нөмірі', ru: 'Номер записи', en: 'Record id' },
  operator: { kk: 'Оператор', ru: 'Оператор', en: 'Operator' },
  bin: { kk: 'БСН', ru: 'БИН', en: 'BIN' },
  subject: { kk: 'Дербес деректер субъектісі', ru: 'Субъект персональных данных', en: 'Data subject' },
  subjectId: { kk: 'Субъект идентификаторы', ru: 'Идентификатор субъекта', en: 'Subject id' },
  givenBy: { kk: 'Келісім берген', ru: 'Кем дано', en: 'Given by' },
  givenBySubject: { kk: 'субъектінің өзі', ru: 'сам субъект', en: 'the subject' },
  givenByRepresentative: { kk: 'өкіл {id} ({relation})', ru: 'представитель {id} ({relation})', en: 'representative {id} ({relation})' },
  form: { kk: 'Келісім нысаны', ru: 'Форма согласия', en: 'Consent form' },
  formRef: { kk: '{id}, {version}-нұсқа, саясат нұсқасы {policy}', ru: '{id}, версия {version}, версия политики {policy}', en: '{id}, version {version}, policy version {policy}' },
  language: { kk: 'Мәтін тілі', ru: 'Язык текста', en: 'Language of the text' },
  textHash: { kk: 'Мәтіннің SHA-256 хэші', ru: 'Хэш SHA-256 текста', en: 'SHA-256 of the text' },
  purposes: { kk: 'Өңдеу мақсаттары', ru: 'Цели обработки', en: 'Purposes of processing' },
  data: { kk: 'Дербес деректер тізбесі', ru: 'Перечень персональных данных', en: 'Personal data' },
  channels: { kk: 'Байланыс арналары', ru: 'Каналы связи', en: 'Channels' },
  recipients: { kk: 'Алушылар (үшінші тұлғалар)', ru: 'Получатели (третьи лица)', en: 'Recipients (third parties)' },
  noRecipients: { kk: 'Үшінші тұлғаларға берілмейді', ru: 'Третьим лицам не передаются', en: 'Not transferred to third parties' },
  crossBorder: { kk: 'Трансшекаралық беру', ru: 'Трансграничная передача', en: 'Cross-border transfer' },
  crossBorderTo: { kk: 'рұқсат етілген: {countries}', ru: 'разрешена: {countries}', en: 'allowed to: {countries}' },
  crossBorderNo: { kk: 'рұқсат етілмеген', ru: 'не разрешена', en: 'not allowed' },
  publication: { kk: 'Жалпыға қолжетімді дереккөздерде жариялау', ru: 'Публикация в общедоступных источниках', en: 'Publication in public sources' },
  yes: { kk: 'иә', ru: 'да', en: 'yes' },
  no: { kk: 'жоқ', ru: 'нет', en: 'no' },
  term: { kk: 'Келісімнің қолданылу мерзімі', ru: 'Срок действия согласия', en: 'Term of the consent' },
  termNone: { kk: 'көрсетілмеген (мақсатқа жеткенге дейін, Заңның 8-бабы 6-тармағы)', ru: 'не указан (до достижения цели, п. 6 ст. 8 Закона)', en: 'not stated (until the purpose is achieved, art. 8(6) of the Law)' },
  expiresAt: { kk: 'Аяқталу күні', ru: 'Дата окончания', en: 'Ends on' },
  method: { kk: 'Келісім беру тәсілі', ru: 'Способ дачи согласия', en: 'How consent was given' },
  evidence: { kk: 'Дәлел', ru: 'Доказательство', en: 'Evidence' },
  sealedEvidence: { kk: 'Дербес деректері бар дәлел субъектінің кілтімен шифрланып сақталады', ru: 'Доказательство с персональными данными хранится зашифрованным ключом субъекта', en: 'Evidence with personal data is kept encrypted under the subject’s key' },
  withdrawal: { kk: 'Кері қайтарып алу', ru: 'Отзыв', en: 'Withdrawal' },
  withdrawalFacts: { kk: 'арна: {channel}; хабарлау мерзімі: {days} жұмыс күні', ru: 'канал: {channel}; срок уведомления: {days} рабочих дней', en: 'channel: {channel}; notice: {days} business days' },
  refusedFor: { kk: 'Бас тарту себептері', ru: 'Причины отказа', en: 'Reasons for refusal' },
  recordedAt: { kk: 'Тіркелген уақыты', ru: 'Время записи', en: 'Recorded at' },
  effectiveAt: { kk: 'Күшіне енген уақыты', ru: 'Вступает в силу', en: 'Takes effect at' },
  integrity: { kk: 'Тұтастығы және қолтаңба', ru: 'Целостность и подпись', en: 'Integrity and signature' },
  recordHash: { kk: 'Жазбаның SHA-256 хэші', ru: 'Хэш SHA-256 записи', en: 'SHA-256 of the record' },
  auditEntry: { kk: 'Аудит журналының жазбасы', ru: 'Запись журнала аудита', en: 'Audit log entry' },
  auditEntryNone: { kk: 'жоқ', ru: 'нет', en: 'none' },
  issuedAt: { kk: 'Түбіртек берілген уақыты', ru: 'Квитанция выдана', en: 'Receipt issued at' },
  signature: { kk: 'Қолтаңба ({algorithm})', ru: 'Подпись ({algorithm})', en: 'Signature ({algorithm})' },
  keyId: { kk: 'Кілт идентификаторы', ru: 'Идентификатор ключа', en: 'Key id' },
  howToVerify: {
    kk: 'Қалай тексеруге болады: JSON түбіртегін алыңыз (GET /v1/operators/{operator}/consents/{event}/receipt), «receipt» өрісінің канондық JSON-ына (кілттері сұрыпталған, бос орынсыз, UTF-8) Ed25519 қолтаңбасын {keyId} ашық кілтімен тексеріңіз; кілт GET /v1/consent-receipts/signing-key мекенжайында, не JSON-ды POST /v1/consent-receipts/verify мекенжайына жіберіңіз. Жазба хэшін аудит журналымен салыстырыңыз.',
    ru: 'Как проверить: получите JSON квитанции (GET /v1/operators/{operator}/consents/{event}/receipt) и проверьте подпись Ed25519 над каноническим JSON поля «receipt» (ключи отсортированы, без пробелов, UTF-8) открытым ключом {keyId} с GET /v1/consent-receipts/signing-key, либо отправьте JSON на POST /v1/consent-receipts/verify. Хэш записи сверьте с журналом аудита.',
    en: 'How to verify: fetch the JSON receipt (GET /v1/operators/{operator}/consents/{event}/receipt) and check the Ed25519 signature over the canonical JSON of its "receipt" (keys sorted, no whitespace, UTF-8) with public key {keyId} from GET /v1/consent-receipts/signing-key, or send the JSON to POST /v1/consent-receipts/verify. Compare the record hash with the audit log.',
  },
  page: { kk: '{page}/{pages} бет', ru: 'Стр. {page} из {pages}', en: 'Page {page} of {pages}' },
  timeZone: { kk: 'Алматы уақыты', ru: 'время Алматы', en: 'Almaty time' },
  evidenceTime: { kk: 'Уақыты', ru: 'Время', en: 'Time' },
  scanSha256: { kk: 'Сканердің SHA-256 хэші', ru: 'Хэш SHA-256 скана', en: 'SHA-256 of the scan' },
  reference: { kk: 'Сілтеме нөмірі', ru: 'Номер ссылки', en: 'Reference' },
  smsChecked: { kk: 'SMS-кодты Derbes тексерді (тіркелген телефон нөміріне жіберілді)', ru: 'SMS-код проверен Derbes (отправлен на зарегистрированный номер)', en: 'SMS code checked by Derbes (sent to the registered phone)' },
  certIssuer: { kk: 'Сертификатты берген', ru: 'Издатель сертификата', en: 'Certificate issuer' },
  certFingerprint: { kk: 'Сертификаттың SHA-256 таңбасы', ru: 'Отпечаток SHA-256 сертификата', en: 'Certificate SHA-256 fingerprint' },
  certValidity: { kk: 'Сертификаттың жарамдылығы', ru: 'Срок действия сертификата', en: 'Certificate validity' },
  signerMatched: { kk: 'Қол қоюшы', ru: 'Подписант', en: 'Signer' },
  signerSubject: { kk: 'субъектінің ЖСН-імен сәйкес', ru: 'совпадает с ИИН субъекта', en: 'matches the subject’s IIN' },
  signerRepresentative: { kk: 'өкілдің ЖСН-імен сәйкес ({id})', ru: 'совпадает с ИИН представителя ({id})', en: 'matches the representative’s IIN ({id})' },
  signerNotChecked: { kk: 'тексерілмеді (субъектінің ЖСН-і белгісіз)', ru: 'не проверен (ИИН субъекта неизвестен)', en: 'not compared (the subject’s IIN is not known)' },
} as const satisfies Record<string, Localized>

export type ReceiptMessageKey = keyof typeof RECEIPT_MESSAGES

/** A receipt text in one language with `{name}` filled in. */
export function receiptText(language: Language, key: ReceiptMessageKey, vars: Record<string, string | number> = {}): string {
  return RECEIPT_MESSAGES[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

/** What happened, as the receipt's subtitle. */
export const EVENT_KIND_LABELS: Record<ConsentEventKind, Localized> = {
  given: { kk: 'Келісім берілді', ru: 'Согласие дано', en: 'Consent given' },
  refused: { kk: 'Келісім беруден бас тартылды', ru: 'В согласии отказано', en: 'Consent refused' },
  withdrawn: { kk: 'Келісім кері қайтарып алынды', ru: 'Согласие отозвано', en: 'Consent withdrawn' },
  withdrawal_requested: { kk: 'Келісімді кері қайтарып алу туралы өтініш қабылданды', ru: 'Заявление об отзыве согласия принято', en: 'Withdrawal of consent requested' },
  withdrawal_refused: { kk: 'Келісімді кері қайтарып алудан бас тартылды', ru: 'В отзыве согласия отказано', en: 'Withdrawal of consent refused' },
  expired: { kk: 'Келісімнің мерзімі өтті', ru: 'Срок согласия истёк', en: 'Consent expired' },
  reaffirmed: { kk: 'Келісім қайта расталды', ru: 'Согласие подтверждено повторно', en: 'Consent re-affirmed' },
}

export const LANGUAGE_NAMES: Record<Language, Localized> = {
  kk: { kk: 'қазақ тілі', ru: 'казахский', en: 'Kazakh' },
  ru: { kk: 'орыс тілі', ru: 'русский', en: 'Russian' },
  en: { kk: 'ағылшын тілі', ru: 'английский', en: 'English' },
}
