import type { Language } from '../../schema/index.ts'

/** A noun counted by a number: Kazakh keeps one form after numerals, Russian has three, English two. */
export interface PluralNoun {
  readonly kk: string
  readonly ru: { readonly one: string; readonly few: string; readonly many: string }
  readonly en: { readonly one: string; readonly other: string }
}

export const NOUNS = {
  year: { kk: 'жыл', ru: { one: 'год', few: 'года', many: 'лет' }, en: { one: 'year', other: 'years' } },
  month: { kk: 'ай', ru: { one: 'месяц', few: 'месяца', many: 'месяцев' }, en: { one: 'month', other: 'months' } },
  week: { kk: 'апта', ru: { one: 'неделя', few: 'недели', many: 'недель' }, en: { one: 'week', other: 'weeks' } },
  day: { kk: 'күн', ru: { one: 'день', few: 'дня', many: 'дней' }, en: { one: 'day', other: 'days' } },
  businessDay: {
    kk: 'жұмыс күні',
    ru: { one: 'рабочий день', few: 'рабочих дня', many: 'рабочих дней' },
    en: { one: 'business day', other: 'business days' },
  },
  calendarDay: {
    kk: 'күнтізбелік күн',
    ru: { one: 'календарный день', few: 'календарных дня', many: 'календарных дней' },
    en: { one: 'calendar day', other: 'calendar days' },
  },
  /** An age: "18 жас", "18 лет", "18 years". */
  age: { kk: 'жас', ru: { one: 'год', few: 'года', many: 'лет' }, en: { one: 'year', other: 'years' } },
  /** An age after "с" (from): "с 21 года", "с 18 лет". */
  ageFrom: { kk: 'жас', ru: { one: 'года', few: 'лет', many: 'лет' }, en: { one: 'year', other: 'years' } },
} as const satisfies Record<string, PluralNoun>
export type Noun = keyof typeof NOUNS

export const MONTHS: Readonly<Record<Language, readonly string[]>> = {
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}
