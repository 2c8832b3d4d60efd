import { defineRule } from '../lint-rule.ts'
import { formsCovering, list } from '../policy-facts.ts'

/**
 * Art. 7(6): transfer to third parties needs consent, and art. 8(4)(4) makes
 * the consent say whether it is allowed. Left out:
 * - processors: art. 1 defines a third party as someone who is neither the
 *   subject, nor the owner, nor the operator of the database; a processor
 *   working on the operator's instructions is an operator in that sense
 *   (art. 11 and art. 16 still apply to it — see their rules);
 * - transfers only where a law demands them (KZK-3.13, TTC-3.4), and purposes
 *   resting on a legal duty or another lawful ground of art. 9.
 */
export const thirdPartyWithoutConsent = defineRule(
  {
    id: 'third-party-without-consent',
    article: 'art. 7(6), art. 8(4)(4)',
    severity: 'error',
    title: 'Transfer to a third party no consent allows',
    hint: "Set `thirdPartyTransfer: true` on a consent form covering the recipient's purposes (and tell the subject who receives the data), mark the recipient `onlyWhenRequiredByLaw: true` if the transfer happens only where a law demands it, or `role: processor` if it only processes on your instructions.",
  },
  ({ policy, report }) => {
    policy.document.recipients.forEach((recipient, r) => {
      if (recipient.onlyWhenRequiredByLaw || recipient.role === 'processor') return
      const gaps: string[] = []
      for (const purposeId of recipient.purposes) {
        const purpose = policy.purposes.get(purposeId)
        if (!purpose || purpose.basis === 'legal_obligation' || purpose.basis === 'other_lawful_ground') continue
        const forms = formsCovering(policy, purposeId)
        // A consent purpose with no form at all is reported once, by consent-purpose-uncovered.
        if (forms.length === 0) {
          if (purpose.basis !== 'consent') gaps.push(`'${purposeId}' (no consent form covers it)`)
        } else if (!forms.some((form) => form.thirdPartyTransfer === true)) {
          const refusing = forms.filter((form) => form.thirdPartyTransfer === false).map((form) => form.id)
          gaps.push(`'${purposeId}' (${refusing.length > 0 ? `form ${list(refusing)} says no transfer` : `form ${list(forms.map((f) => f.id))} does not allow it`})`)
        }
      }
      if (gaps.length > 0) report(['recipients', r], `recipient '${recipient.id}' receives data for ${gaps.join(', ')}`)
    })
  },
)
