import { useLanguage, type Localized } from '../i18n/language.tsx'

const LOADING: Localized = { kk: 'Жүктелуде…', ru: 'Загрузка…', en: 'Loading…' }

export function Loading() {
  const { language } = useLanguage()
  return (
    <p className="loading" role="status" aria-live="polite">
      {LOADING[language]}
    </p>
  )
}
