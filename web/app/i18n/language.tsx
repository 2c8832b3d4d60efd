import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'

/** Kazakh first (STYLE.md, "Kazakh first"): every text a person reads exists in all three. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export type Localized<T = string> = Record<Language, T>

export const LANGUAGE_NAMES: Localized = { kk: 'Қазақша', ru: 'Русский', en: 'English' }

const STORAGE_KEY = 'derbes.language'

interface LanguageState {
  language: Language
  setLanguage(language: Language): void
}

const LanguageContext = createContext<LanguageState | null>(null)

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/**
 * The language a page opens in: the `lang` query parameter, else the person's
 * earlier choice, else Kazakh where the page is a Kazakh operator's (the
 * portal: every Derbes operator is one, issue 6 "Kazakh is the default for .kz
 * operators"), else the browser's first of kk/ru/en, else Kazakh.
 */
export function initialLanguage(options: { kazakhOperator?: boolean } = {}): Language {
  const fromQuery = new URLSearchParams(window.location.search).get('lang')
  if (isLanguage(fromQuery)) return fromQuery
  const stored = safeStorage()?.getItem(STORAGE_KEY)
  if (isLanguage(stored)) return stored
  if (options.kazakhOperator) return 'kk'
  for (const tag of navigator.languages ?? []) {
    const base = tag.slice(0, 2).toLowerCase()
    if (isLanguage(base)) return base
  }
  return 'kk'
}

export function LanguageProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? initialLanguage({ kazakhOperator: window.location.pathname.startsWith('/portal/') }))
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
  const setLanguage = (next: Language) => {
    safeStorage()?.setItem(STORAGE_KEY, next)
    setLanguageState(next)
  }
  return <LanguageContext.Provider value={{ language, setLanguage }}>{children}</LanguageContext.Provider>
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext)
  if (!state) throw new Error('useLanguage() outside <LanguageProvider>')
  return state
}

/**
 * `const t = useTexts(TEXTS)` → `t.title` in the current language. Texts are
 * kept per page as `{ key: { kk, ru, en } }`, so a missing translation is a
 * type error, not a blank on screen.
 */
export function useTexts<K extends string>(texts: Record<K, Localized>): Record<K, string> {
  const { language } = useLanguage()
  return pick(texts, language)
}

export function pick<K extends string>(texts: Record<K, Localized>, language: Language): Record<K, string> {
  const out = {} as Record<K, string>
  for (const key of Object.keys(texts) as K[]) out[key] = texts[key][language]
  return out
}

/** The switch every page carries: three buttons, the current one marked for screen readers too. */
export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage()
  return (
    <nav className="language-switch" aria-label={LANGUAGE_SWITCH_LABEL[language]}>
      {LANGUAGES.map((lang) => (
        <button key={lang} type="button" lang={lang} aria-pressed={lang === language} onClick={() => setLanguage(lang)}>
          {LANGUAGE_NAMES[lang]}
        </button>
      ))}
    </nav>
  )
}

const LANGUAGE_SWITCH_LABEL: Localized = { kk: 'Тіл', ru: 'Язык', en: 'Language' }

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined
  }
}
