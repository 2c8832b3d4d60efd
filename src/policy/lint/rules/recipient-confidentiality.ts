import { defineRule } from '../lint-rule.ts'
import { isRestricted, list, recipientItems } from '../policy-facts.ts'

/**
 * Art. 11: whoever receives restricted-access data keeps it confidential
 * (TTC-4.3 binds its recipients). State bodies are bound by the laws they act
 * under, not by the operator's contract, so they are left out.
 */
export const recipientNotConfidential = defineRule(
  {
    id: 'recipient-not-confidential',
    article: 'art. 11',
    severity: 'warning',
    title: 'Recipient of restricted data not bound to confidentiality',
    hint: 'Bind the recipient to confidentiality by contract and set `confidentialityBound: true`, or narrow its `categories` to data that is not restricted.',
  },
  ({ policy, report }) => {
    policy.document.recipients.forEach((recipient, r) => {
      if (recipient.role === 'state_body' || recipient.confidentialityBound === true) return
      const restricted = recipientItems(policy, recipient).filter(isRestricted).map((item) => item.id)
      if (restricted.length > 0)
        report(['recipients', r], `recipient '${recipient.id}' receives restricted data ${list(restricted)} but is not bound to keep it confidential`)
    })
  },
)
