import type { Language } from '../../policy/index.ts'

type Localized = Record<Language, string>

/**
 * The words of a destruction act (issue 5 §3) in kk, ru and en: the act is
 * kept in the state language and Russian (Law on languages, art. 8–9), and
 * an auditor or a subject may read it in English. Placeholders in `{}`.
 */
export const ACT_TEXTS = {
  title: {
    kk: 'Дербес деректерді жою және иесіздендіру туралы акт',
    ru: 'Акт об уничтожении и обезличивании персональных данных',
    en: 'Act of destruction and anonymisation of personal data',
  },
  number: { kk: '№ {number} акт, {date}', ru: 'Акт № {number} от {date}', en: 'Act No. {number} of {date}' },
  operator: { kk: 'Оператор', ru: 'Оператор', en: 'Operator' },
  bin: { kk: 'БСН', ru: 'БИН', en: 'BIN' },
  actId: { kk: 'Актінің сәйкестендіргіші', ru: 'Идентификатор акта', en: 'Act id' },
  run: { kk: 'Сақтау мерзімдері бойынша іске қосу', ru: 'Запуск по срокам хранения', en: 'Retention run' },
  asOf: { kk: 'Күйі бойынша', ru: 'По состоянию на', en: 'As of' },
  startedBy: { kk: 'Кім бастады', ru: 'Кем запущен', en: 'Started' },
  bySchedule: { kk: 'кесте бойынша, автоматты түрде', ru: 'по расписанию, автоматически', en: 'by the schedule, unattended' },
  byHand: { kk: 'қолмен: {actor}', ru: 'вручную: {actor}', en: 'by hand: {actor}' },
  basis: {
    kk: 'Негіздеме: сақтау мерзімі өтті немесе өңдеу мақсатына қол жеткізілді (Заңның 12-бабы, 18-бабы). Субъектілер тек сәйкестендіргіштерімен көрсетілген: жойылғаннан кейін олардың деректері ешқайда қалмайды.',
    ru: 'Основание: истечение срока хранения или достижение цели обработки (статьи 12, 18 Закона). Субъекты указаны только идентификаторами: после уничтожения их данные нигде не остаются.',
    en: 'Basis: the retention term ended or the purpose was achieved (art. 12, 18 of the Law). Subjects are named by their ids only: after destruction no data of theirs remains anywhere.',
  },
  rulesHeading: { kk: 'Ережелер', ru: 'Правила', en: 'Rules' },
  subjectsHeading: { kk: 'Не жойылды немесе иесіздендірілді', ru: 'Что уничтожено или обезличено', en: 'What was destroyed or anonymised' },
  systemsHeading: { kk: 'Жүйелер', ru: 'Системы', en: 'Systems' },
  colNo: { kk: '№', ru: '№', en: 'No.' },
  colSubject: { kk: 'Субъект', ru: 'Субъект', en: 'Subject' },
  colStep: { kk: 'Әрекет', ru: 'Действие', en: 'Action' },
  colRule: { kk: 'Ереже', ru: 'Правило', en: 'Rule' },
  colClauses: { kk: 'Тармақтар', ru: 'Пункты', en: 'Clauses' },
  colItems: { kk: 'Деректер', ru: 'Данные', en: 'Data' },
  colSubjects: { kk: 'Субъектілер', ru: 'Субъектов', en: 'Subjects' },
  colSystem: { kk: 'Жүйе', ru: 'Система', en: 'System' },
  colRows: { kk: 'Жолдар', ru: 'Строк', en: 'Rows' },
  colOutcome: { kk: 'Нәтиже', ru: 'Результат', en: 'Outcome' },
  destroy: { kk: 'жойылды', ru: 'уничтожено', en: 'destroyed' },
  anonymise: { kk: 'иесіздендірілді', ru: 'обезличено', en: 'anonymised' },
  allItems: { kk: 'барлық деректер', ru: 'все данные', en: 'all data' },
  vault: { kk: 'Derbes сейфі (кілттері жойылды)', ru: 'Хранилище Derbes (ключи уничтожены)', en: 'Derbes vault (keys destroyed)' },
  done: { kk: 'орындалды', ru: 'выполнено', en: 'done' },
  manual: {
    kk: 'Қолмен жойылатын жүйелер (мысалы, қағаз мұрағат) — жауапты тұлға қол қою арқылы растайды: {systems}',
    ru: 'Системы, где данные уничтожаются вручную (например, бумажный архив), — подтверждается подписью ответственного лица: {systems}',
    en: 'Systems destroyed by hand (a paper archive, say), confirmed by the responsible person signing: {systems}',
  },
  totals: {
    kk: 'Барлығы: субъектілер — {subjects}; жойылды — {destroyed}; иесіздендірілді — {anonymised}; орындалмады (келесі іске қосуда қайталанады) — {failed}',
    ru: 'Итого: субъектов — {subjects}; уничтожено — {destroyed}; обезличено — {anonymised}; не выполнено (повторится при следующем запуске) — {failed}',
    en: 'Totals: subjects {subjects}; destroyed {destroyed}; anonymised {anonymised}; not done (retried by the next run) {failed}',
  },
  hash: { kk: 'Актінің мазмұнының хэші (SHA-256)', ru: 'Хэш содержания акта (SHA-256)', en: "Hash of the act's content (SHA-256)" },
  signature: { kk: 'Қолтаңба', ru: 'Подпись', en: 'Signature' },
  signedBy: { kk: 'Қол қойған жауапты тұлға: {signer}, {date}', ru: 'Подписал ответственный: {signer}, {date}', en: 'Signed by the responsible person: {signer}, {date}' },
  notSigned: { kk: 'Әлі қол қойылмаған', ru: 'Ещё не подписан', en: 'Not signed yet' },
  eds: { kk: 'ЭЦҚ-мен қол қойылған, тексерілді: {subject}; сертификат SHA-256 {fingerprint}; берген: {issuer}', ru: 'Подписан ЭЦП, проверено: {subject}; сертификат SHA-256 {fingerprint}; издатель: {issuer}', en: 'Signed with an EDS, verified: {subject}; certificate SHA-256 {fingerprint}; issued by {issuer}' },
  created: { kk: 'Жасалған уақыты', ru: 'Составлен', en: 'Drawn up' },
} as const satisfies Record<string, Localized>

/** `text` with each `{name}` replaced by `values[name]`. */
export function fillActText(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
