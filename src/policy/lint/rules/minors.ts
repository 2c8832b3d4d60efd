/**
 * Minors. The law sets no age: consent for a minor comes from the legal
 * representative (art. 8(1) — "the subject or the legal representative"), and
 * the Civil Code gives full capacity at 18 (art. 17(1)) and lets those aged
 * 14–18 act only with the representative's consent (art. 22(1)).
 */
import { defineRule } from '../lint-rule.ts'
import { formAppliesTo, givenByRepresentative, indexById } from '../policy-facts.ts'

export const minorConsentRoute = defineRule(
  {
    id: 'minor-consent-route',
    article: 'art. 8(1); Civil Code art. 17, 22',
    severity: 'error',
    title: "No way for a legal representative to consent for a minor",
    hint: "Give minors' data a consent form with `givenBy: legal_representative` (or 'either') that applies to the minor's subject kind, and name who consents in `ageRules.consentBy` (parent, guardian, legal_representative).",
  },
  ({ policy, report }) => {
    const minors = policy.document.subjectKinds.filter((kind) => kind.minor)
    if (minors.length === 0) return
    const forms = [...policy.consentForms.values()]
    for (const kind of minors)
      if (!forms.some((form) => givenByRepresentative(form) && formAppliesTo(form, kind.id)))
        report(['subjectKinds', indexById(policy.document.subjectKinds, kind.id)], `subject kind '${kind.id}' is a minor, but no consent form is given by a legal representative for it`)
    if (!policy.document.ageRules.consentBy?.length)
      report(['ageRules'], `the policy processes minors (${minors.map((k) => `'${k.id}'`).join(', ')}) but does not say who consents for them`)
  },
)

/** A kind (or the whole service) open to people under full age who then act alone, with no representative's consent. */
export const minorActsAlone = defineRule(
  {
    id: 'minor-acts-alone',
    article: 'Civil Code art. 22(1); art. 8(1)',
    severity: 'warning',
    title: 'Under-age subjects consent alone',
    hint: 'Raise the age to full capacity, or let a legal representative consent for those under it: a consent form with `givenBy: either` that applies to the kind.',
  },
  ({ policy, law, report }) => {
    const { ageRules } = policy.document
    const adultAge = Math.max(ageRules.adultAge, law.adultAge)
    const forms = [...policy.consentForms.values()]
    policy.document.subjectKinds.forEach((kind, k) => {
      if (kind.minor || kind.minAge === undefined || kind.minAge >= adultAge) return
      if (forms.some((form) => givenByRepresentative(form) && formAppliesTo(form, kind.id))) return
      report(['subjectKinds', k, 'minAge'], `subject kind '${kind.id}' may act alone from age ${kind.minAge}, below full capacity at ${adultAge}, with no representative's consent`)
    })
    if (ageRules.minimumAge !== undefined && ageRules.minimumAge < adultAge && !forms.some(givenByRepresentative))
      report(['ageRules', 'minimumAge'], `the service admits subjects alone from age ${ageRules.minimumAge}, below full capacity at ${adultAge}, and no consent form is given by a legal representative`)
  },
)

export const adultAgeBelowLaw = defineRule(
  {
    id: 'adult-age-below-law',
    article: 'Civil Code art. 17(1)',
    severity: 'warning',
    title: 'Adult age set below full civil capacity',
    hint: 'Set `ageRules.adultAge` to 18 (full capacity under Civil Code art. 17(1)); emancipation is judged per person, not by policy.',
  },
  ({ policy, law, report }) => {
    const { adultAge } = policy.document.ageRules
    if (adultAge < law.adultAge) report(['ageRules', 'adultAge'], `the policy treats subjects as adults from ${adultAge}, while full capacity comes at ${law.adultAge}`)
  },
)
