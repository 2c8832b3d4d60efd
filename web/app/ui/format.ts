import type { Language } from '../i18n/language.tsx'

const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' }

/** Dates as people in Kazakhstan read them, 02.12.2026, in Almaty time (DESIGN.md, Time); numeric, since some browsers lack Kazakh month names. */
export function formatDate(value: string | null | undefined, language: Language): string {
  if (!value) return '—'
  const date = new Date(value.length === 10 ? `${value}T00:00:00+05:00` : value)
  return new Intl.DateTimeFormat(LOCALES[language], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Almaty' }).format(date)
}

export function formatDateTime(value: string | null | undefined, language: Language): string {
  if (!value) return '—'
  return new Intl.DateTimeFormat(LOCALES[language], { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Almaty' }).format(new Date(value))
}
