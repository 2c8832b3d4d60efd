import { useLanguage, useTexts, type Localized } from '../i18n/language.tsx'
import { usePortalSession } from './portal-session.tsx'

const TEXTS = {
  label: { kk: 'Кімнің атынан', ru: 'От чьего имени', en: 'Acting for' },
  myself: { kk: 'Өзім', ru: 'Я сам(а)', en: 'Myself' },
}

const RELATION_TEXTS: Record<string, Localized> = {
  parent: { kk: 'ата-ана ретінде', ru: 'как родитель', en: 'as parent' },
  guardian: { kk: 'қорғаншы ретінде', ru: 'как опекун', en: 'as guardian' },
  legal_representative: { kk: 'заңды өкіл ретінде', ru: 'как законный представитель', en: 'as legal representative' },
  attorney: { kk: 'сенімхат бойынша', ru: 'по доверенности', en: 'under a power of attorney' },
  legal_entity_representative: { kk: 'заңды тұлғаның өкілі ретінде', ru: 'как представитель юрлица', en: 'as the legal entity’s representative' },
}

/**
 * Whose data, consents and requests the portal shows: the signed-in person's,
 * or — for a parent, guardian, legal representative or attorney — a subject
 * they represent now (KZK-1.13, TW-4.1, ESP-3). The API checks the authority
 * again on every call; this only chooses.
 */
export function ActingForSwitch() {
  const { represents, onBehalfOf, actFor } = usePortalSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  if (represents.length === 0) return null
  return (
    <div className="acting-for">
      <label htmlFor="acting-for">{t.label}</label>
      <select id="acting-for" value={onBehalfOf ?? ''} onChange={(e) => actFor(e.target.value || undefined)}>
        <option value="">{t.myself}</option>
        {represents.map((r) => (
          <option key={r.subjectId} value={r.subjectId}>{r.kindName[language]} — {RELATION_TEXTS[r.relation]?.[language] ?? r.relation} ({r.subjectId.slice(0, 12)})</option>
        ))}
      </select>
    </div>
  )
}
