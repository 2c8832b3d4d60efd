import type { CompiledPolicy } from '../../compiled-policy.ts'
import type { ConsentForm } from '../../schema/index.ts'
import { defineRule } from '../lint-rule.ts'
import { countryLabel, formsCovering, list } from '../policy-facts.ts'

const allowsTo = (form: ConsentForm, country: string) =>
  form.crossBorder?.allowed === true && (!form.crossBorder.countries || form.crossBorder.countries.includes(country))

/** Consent forms in force that allow transfer of the purpose's data to the country. */
const allowingForms = (policy: CompiledPolicy, purposeId: string, country: string) =>
  formsCovering(policy, purposeId).filter((form) => allowsTo(form, country))

/**
 * Art. 16 allows transfer abroad to states that protect data, and to others
 * on consent, a treaty, a law or to protect constitutional rights. No list of
 * adequate states is known (law.md [U]), so a foreign recipient needs a
 * recorded ground, and "consent" must be a consent that says so (art. 7(6)).
 * ESP App.1's consent to transfer to the Russian Federation is such a consent.
 */
export const crossBorderWithoutGround = defineRule(
  {
    id: 'cross-border-without-ground',
    article: 'art. 16, art. 7(6)',
    severity: 'error',
    title: 'Transfer abroad without a ground',
    hint: "Record the ground on the recipient (`crossBorderGround`). For 'consent', cover each of its purposes with a consent form whose `crossBorder` is `{ allowed: true, countries: [<country>] }`.",
  },
  ({ policy, law, report }) => {
    policy.document.recipients.forEach((recipient, r) => {
      if (recipient.country === law.storageCountry) return
      if (!recipient.crossBorderGround) {
        report(['recipients', r], `recipient '${recipient.id}' in ${countryLabel(recipient.country)} receives data abroad with no recorded ground for cross-border transfer`)
        return
      }
      if (recipient.crossBorderGround !== 'consent') return
      const uncovered = recipient.purposes.filter((p) => allowingForms(policy, p, recipient.country).length === 0)
      if (uncovered.length > 0)
        report(
          ['recipients', r, 'crossBorderGround'],
          `recipient '${recipient.id}' in ${countryLabel(recipient.country)} rests on consent, but no consent form for ${list(uncovered)} allows cross-border transfer to ${recipient.country}`,
        )
    })
  },
)

/** A consent to "cross-border transfer" that names no state leaves the subject unable to judge where data goes. */
export const crossBorderCountryUnnamed = defineRule(
  {
    id: 'cross-border-country-unnamed',
    article: 'art. 16, art. 8(4)(5)',
    severity: 'warning',
    title: 'Consent to transfer abroad names no country',
    hint: 'Name the destination states in the consent form: `crossBorder: { allowed: true, countries: [US] }`.',
  },
  ({ policy, law, report }) => {
    policy.document.recipients.forEach((recipient, r) => {
      if (recipient.country === law.storageCountry || recipient.crossBorderGround !== 'consent') return
      const unnamed = recipient.purposes.filter((p) => {
        const forms = allowingForms(policy, p, recipient.country)
        return forms.length > 0 && forms.every((form) => !form.crossBorder?.countries)
      })
      if (unnamed.length > 0)
        report(
          ['recipients', r],
          `recipient '${recipient.id}' in ${countryLabel(recipient.country)} relies on consent for ${list(unnamed)} that allows transfer abroad without naming the destination country`,
        )
    })
  },
)
