import { defineRule } from '../lint-rule.ts'
import { formPath, formsCovering, isRestricted, itemIdsWhere, list, purposePath } from '../policy-facts.ts'

/** A purpose that rests on consent needs a form through which the consent is given and proven (art. 7(1), 8, 25(2)(5)). */
export const consentPurposeUncovered = defineRule(
  {
    id: 'consent-purpose-uncovered',
    article: 'art. 7(1), art. 8(1)',
    severity: 'error',
    title: 'Consent-based purpose with no consent form',
    hint: "Add the purpose to a consent form's `purposes`, or change its `basis` if it rests on a contract, a legal duty or another ground of art. 9.",
  },
  ({ policy, report }) => {
    for (const purpose of policy.purposes.values())
      if (purpose.basis === 'consent' && formsCovering(policy, purpose.id).length === 0)
        report([...purposePath(policy, purpose.id), 'basis'], `purpose '${purpose.id}' rests on consent, but no consent form covers it`)
  },
)

/**
 * Art. 8(1) accepts "another method that confirms consent was received".
 * Merely going on using a site proves little; for restricted or biometric data
 * take a method that leaves evidence.
 */
export const impliedConsentSensitive = defineRule(
  {
    id: 'implied-consent-sensitive',
    article: 'art. 8(1)',
    severity: 'warning',
    title: 'Restricted data on implied consent only',
    hint: "Add a method that leaves evidence — 'checkbox', 'sms_code', 'eds', 'paper_signature' — to forms covering restricted or biometric data.",
  },
  ({ policy, report }) => {
    for (const form of policy.consentForms.values()) {
      if (!form.methods.every((m) => m === 'continued_use')) continue
      const sensitive = new Set(form.purposes.flatMap((p) => itemIdsWhere(policy, policy.purposes.get(p)?.itemIds ?? [], isRestricted)))
      if (sensitive.size > 0)
        report([...formPath(policy, form), 'methods'], `consent form '${form.id}' is given only by continued use, yet covers restricted data ${list([...sensitive])}`)
    }
  },
)
