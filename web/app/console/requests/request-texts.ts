import type { Localized } from '../../i18n/language.tsx'

export const STATE_TEXTS: Record<string, Localized> = {
  received: { kk: 'қабылданды', ru: 'получено', en: 'received' },
  verifying: { kk: 'тексерілуде', ru: 'проверяется', en: 'verifying' },
  in_progress: { kk: 'орындалуда', ru: 'в работе', en: 'in progress' },
  awaiting_systems: { kk: 'жүйелерді күтуде', ru: 'ожидает систем', en: 'awaiting systems' },
  answered: { kk: 'жауап берілді', ru: 'дан ответ', en: 'answered' },
  refused: { kk: 'бас тартылды', ru: 'отказано', en: 'refused' },
}

export const KIND_TEXTS: Record<string, Localized> = {
  information: { kk: 'өңдеу туралы ақпарат', ru: 'сведения об обработке', en: 'information' },
  access: { kk: 'деректерге қол жеткізу', ru: 'доступ к данным', en: 'access' },
  rectify: { kk: 'түзету', ru: 'исправление', en: 'rectify' },
  supplement: { kk: 'толықтыру', ru: 'дополнение', en: 'supplement' },
  block: { kk: 'бұғаттау', ru: 'блокирование', en: 'block' },
  unblock: { kk: 'бұғаттан шығару', ru: 'разблокирование', en: 'unblock' },
  destroy_unlawful: { kk: 'жою', ru: 'уничтожение', en: 'destroy' },
  anonymise: { kk: 'иесіздендіру', ru: 'обезличивание', en: 'anonymise' },
  stop_unlawful_processing: { kk: 'заңсыз өңдеуді тоқтату', ru: 'прекращение незаконной обработки', en: 'stop unlawful processing' },
  withdraw_consent: { kk: 'келісімді кері қайтарып алу', ru: 'отзыв согласия', en: 'withdraw consent' },
  marketing_opt_out: { kk: 'жарнамадан бас тарту', ru: 'отказ от рекламы', en: 'marketing opt-out' },
  automated_decision_objection: { kk: 'автоматты шешімге қарсылық', ru: 'возражение против автоматизированного решения', en: 'objection to an automated decision' },
  remove_published: { kk: 'жарияланғанды алып тастау', ru: 'удаление опубликованного', en: 'remove published data' },
  complaint: { kk: 'шағым', ru: 'жалоба', en: 'complaint' },
}

/** The next states a person may move a request to (src/requests/request-states.ts; refusal has its own form). */
export const NEXT_STATES: Record<string, string[]> = {
  received: ['verifying'],
  verifying: ['in_progress'],
  in_progress: ['awaiting_systems', 'answered'],
  awaiting_systems: ['answered', 'in_progress'],
}

/** Why a request is refused (src/requests/request-kinds.ts REFUSAL_GROUNDS); each is cited in the answer. */
export const REFUSAL_GROUND_TEXTS: Record<string, Localized> = {
  obligation_unfulfilled: { kk: 'Міндеттеме орындалмаған (Заңның 8(2)-бабы)', ru: 'Не исполнено обязательство (ст. 8(2) Закона)', en: 'An obligation is unfulfilled (art. 8(2))' },
  law_requires_keeping: { kk: 'Заң сақтауды талап етеді', ru: 'Закон требует хранения', en: 'The law requires keeping the data' },
  identity_not_proven: { kk: 'Жеке басы дәлелденбеген', ru: 'Личность не подтверждена', en: 'Identity not proven' },
  authority_not_proven: { kk: 'Өкілдің өкілеттігі дәлелденбеген', ru: 'Полномочия представителя не подтверждены', en: 'The representative’s authority not proven' },
  no_data_held: { kk: 'Деректер сақталмайды', ru: 'Данные не хранятся', en: 'No data held' },
  other: { kk: 'Басқа негіз', ru: 'Иное основание', en: 'Another ground' },
}

/** How a request is signed (src/requests/identity-proof.ts SIGNATURE_KINDS) — the ones staff register. */
export const SIGNATURE_TEXTS: Record<string, Localized> = {
  handwritten_signature: { kk: 'Қолмен қойылған қолтаңба', ru: 'Собственноручная подпись', en: 'Handwritten signature' },
  eds: { kk: 'ЭЦҚ (электрондық цифрлық қолтаңба)', ru: 'ЭЦП (электронная цифровая подпись)', en: 'EDS (electronic digital signature)' },
}

/** Where a request arrived (src/requests/request-kinds.ts INTAKE_CHANNELS). */
export const CHANNEL_TEXTS: Record<string, Localized> = {
  api: { kk: 'API', ru: 'API', en: 'API' },
  portal: { kk: 'Жеке кабинет', ru: 'Личный кабинет', en: 'Portal' },
  written: { kk: 'Жазбаша (кеңседе)', ru: 'Письменно (в офисе)', en: 'Written (at the office)' },
  post: { kk: 'Тапсырыс хат', ru: 'Заказное письмо', en: 'Registered mail' },
  courier: { kk: 'Курьер', ru: 'Курьер', en: 'Courier' },
  email: { kk: 'Электрондық пошта', ru: 'Электронная почта', en: 'E-mail' },
  electronic_document: { kk: 'Электрондық құжат (ЭЦҚ)', ru: 'Электронный документ (ЭЦП)', en: 'Electronic document (EDS)' },
  in_person: { kk: 'Жеке келу', ru: 'Лично', en: 'In person' },
}

/** The channels of requests that arrive outside Derbes, which staff register by hand. */
export const REGISTERED_CHANNELS = ['written', 'post', 'courier', 'email', 'electronic_document', 'in_person'] as const

/** What is still awaited before a request can go on (src/requests/provide-identity-proof.ts). */
export const WAITING_TEXTS: Record<string, Localized> = {
  identity_proof: { kk: 'жеке басын растау', ru: 'подтверждение личности', en: 'identity proof' },
  authority: { kk: 'өкілдің өкілеттігі', ru: 'полномочия представителя', en: 'the representative’s authority' },
}
