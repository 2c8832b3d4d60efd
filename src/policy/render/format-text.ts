import type { Language } from '../schema/index.ts'
import { MESSAGES, MONTHS, NOUNS, type Localized, type MessageKey, type Noun } from './messages/index.ts'

export type Vars = Readonly<Record<string, string | number>>

/** Fills `{name}` placeholders; a placeholder without a value is a bug in the caller, so it throws. */
export function fill(template: string, vars: Vars = {}): string {
  return template.replace(/\{([a-z_]+)\}/gi, (_, name: string) => {
    const value = vars[name]
    if (value === undefined) throw new Error(`message placeholder {${name}} has no value in "${template}"`)
    return String(value)
  })
}

/** The catalogue entry `key` in `lang`, filled with `vars`. */
export function t(lang: Language, key: MessageKey, vars?: Vars): string {
  return fill(MESSAGES[key][lang], vars)
}

/** One value of a localized enum table or a policy's LocalizedText. */
export function pick(lang: Language, text: Localized): string {
  return text[lang]
}

/** Russian plural category for an integer: 1, 21 → one; 2–4, 22–24 → few; 0, 5–20, 25 → many. */
export function russianPlural(n: number): 'one' | 'few' | 'many' {
  const abs = Math.abs(Math.trunc(n))
  const last = abs % 10
  const lastTwo = abs % 100
  if (last === 1 && lastTwo !== 11) return 'one'
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return 'few'
  return 'many'
}

/** "3 рабочих дня", "1 business day", "15 жұмыс күні": Kazakh keeps the singular after a numeral. */
export function count(lang: Language, n: number, noun: Noun): string {
  const forms = NOUNS[noun]
  if (lang === 'kk') return `${n} ${forms.kk}`
  if (lang === 'ru') return `${n} ${forms.ru[russianPlural(n)]}`
  return `${n} ${n === 1 ? forms.en.one : forms.en.other}`
}

/** The noun's form for `n` without the number (for templates such as "с 21 года"). */
export function nounFor(lang: Language, n: number, noun: Noun): string {
  return count(lang, n, noun).slice(String(n).length + 1)
}

/** ISO 8601 duration (P10Y, P1Y6M, P2W, P15D) in words; P0D gives "0 days". `days` names the days business days (a retention rule's `keepUnit`). */
export function formatDuration(lang: Language, iso: string, days: 'day' | 'businessDay' = 'day'): string {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso)
  if (!match) return iso
  const parts: string[] = []
  const units: Noun[] = ['year', 'month', 'week', days]
  units.forEach((noun, i) => {
    const value = match[i + 1]
    if (value !== undefined && Number(value) > 0) parts.push(count(lang, Number(value), noun))
  })
  return parts.length > 0 ? parts.join(' ') : count(lang, 0, days)
}

/** True when an ISO duration is zero (P0D, P0Y). */
export function isZeroDuration(iso: string): boolean {
  return (iso.match(/\d+/g) ?? []).every((digits) => Number(digits) === 0)
}

/** 2026-01-01 → "2026 жылғы 1 қаңтар", "1 января 2026 г.", "1 January 2026". */
export function formatDate(lang: Language, isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  const month = match ? MONTHS[lang][Number(match[2]) - 1] : undefined
  if (!match || !month) return isoDate
  return t(lang, 'date', { year: match[1] ?? '', day: Number(match[3]), month })
}

/**
 * A law profile's article ("art. 25(2)(8)", "art. 19-1(3)", "art. 6") the way
 * each language cites it: "п. 7 ст. 8 Закона", "Заңның 8-бабының 7-тармағы".
 * Anything else is shown as written.
 */
export function formatArticle(lang: Language, article: string): string {
  const match = /^art\.\s*(\d+(?:-\d+)?)(?:\((\d+(?:-\d+)?)\))?(?:\((\d+(?:-\d+)?)\))?$/.exec(article.trim())
  if (!match) return article
  const [, a, p, s] = match
  if (a === undefined) return article
  if (p === undefined) return t(lang, 'lawArticle', { a })
  if (s === undefined) return t(lang, 'lawArticlePoint', { a, p })
  return t(lang, 'lawArticleSubpoint', { a, p, s })
}

const regionNames = new Map<Language, Intl.DisplayNames | undefined>()

/** "Ресей (RU)", "Россия (RU)", "Russia (RU)" — the region name from ICU, the code when ICU has none. */
export function formatCountry(lang: Language, code: string): string {
  if (!regionNames.has(lang)) {
    let names: Intl.DisplayNames | undefined
    try {
      names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' })
    } catch {
      names = undefined
    }
    regionNames.set(lang, names)
  }
  const name = regionNames.get(lang)?.of(code)
  return name ? t(lang, 'country', { name, code }) : code
}

/** "a, b and c" with the language's conjunction (ICU's Kazakh list format drops "және"). */
export function joinWords(lang: Language, words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words[0] ?? ''
  return `${words.slice(0, -1).join(', ')} ${t(lang, conjunction)} ${words[words.length - 1]}`
}

/** Upper-cases the first letter, skipping leading quotes and brackets; a text that starts with a number stays as it is. */
export function capitalize(text: string): string {
  const index = text.search(/[\p{L}\p{N}]/u)
  if (index < 0 || /\p{N}/u.test(text.charAt(index))) return text
  return text.slice(0, index) + text.charAt(index).toLocaleUpperCase() + text.slice(index + 1)
}

/** Lower-cases the first letter, for a sentence that goes inside another one. */
export function decapitalize(text: string): string {
  const index = text.search(/\p{L}/u)
  if (index < 0) return text
  return text.slice(0, index) + text.charAt(index).toLocaleLowerCase() + text.slice(index + 1)
}

/** «name» in Kazakh and Russian, “name” in English. */
export function quote(lang: Language, text: string): string {
  return t(lang, 'quoted', { text })
}
