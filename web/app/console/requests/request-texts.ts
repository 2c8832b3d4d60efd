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
