import { defineRule } from '../lint-rule.ts'
import { ELECTRONIC_CHANNELS, formPath } from '../policy-facts.ts'

/** Art. 8(2) allows refusing a withdrawal only where it contradicts a law or an obligation is unfulfilled. */
export const withdrawalBlockedOther = defineRule(
  {
    id: 'withdrawal-blocked-other',
    article: 'art. 8(2)',
    severity: 'error',
    title: 'Withdrawal blocked on a ground the law does not give',
    hint: "Limit `withdrawal.blockedBy` to 'contradicts_law' and 'unfulfilled_obligation'.",
  },
  ({ policy, report }) => {
    for (const form of policy.consentForms.values())
      if (form.withdrawal.blockedBy?.includes('other'))
        report([...formPath(policy, form), 'withdrawal', 'blockedBy'], `consent form '${form.id}' lets the operator refuse a withdrawal on grounds other than a law or an unfulfilled obligation`)
  },
)

/** A notice period longer than art. 8(7)'s deadline pushes the stop of processing past it. */
export const withdrawalNoticeExceedsLaw = defineRule(
  {
    id: 'withdrawal-notice-exceeds-law',
    article: 'art. 8(7)',
    severity: 'error',
    title: "Withdrawal notice longer than the law's deadline to stop processing",
    hint: 'Drop `withdrawal.noticeBusinessDays`: processing stops within the art. 8(7) deadline of receiving the withdrawal, whatever date the subject names.',
  },
  ({ policy, law, report }) => {
    const deadline = law.deadlines.withdraw_consent
    if (!deadline || deadline.unit !== 'business') return
    for (const form of policy.consentForms.values()) {
      const notice = form.withdrawal.noticeBusinessDays ?? 0
      if (notice > deadline.days)
        report(
          [...formPath(policy, form), 'withdrawal', 'noticeBusinessDays'],
          `consent form '${form.id}' makes the subject give ${notice} business days' notice of withdrawal; processing must stop within ${deadline.days} business days of receiving it`,
        )
    }
  },
)

/** ESP App.1: "at least 10 business days before the withdrawal date" — a condition art. 8(2) does not provide. */
export const withdrawalNoticePeriod = defineRule(
  {
    id: 'withdrawal-notice-period',
    article: 'art. 8(2), art. 8(7)',
    severity: 'warning',
    title: 'Withdrawal conditioned on advance notice',
    hint: 'Drop `withdrawal.noticeBusinessDays`: a withdrawal takes effect on receipt, and the operator has the art. 8(7) deadline (or its own stricter one) to stop processing.',
  },
  ({ policy, law, report }) => {
    const limit = law.deadlines.withdraw_consent?.unit === 'business' ? law.deadlines.withdraw_consent.days : Number.POSITIVE_INFINITY
    for (const form of policy.consentForms.values()) {
      const notice = form.withdrawal.noticeBusinessDays ?? 0
      if (notice > 0 && notice <= limit)
        report(
          [...formPath(policy, form), 'withdrawal', 'noticeBusinessDays'],
          `consent form '${form.id}' accepts a withdrawal only ${notice} business days before the withdrawal date — a restriction of the right to withdraw that the law does not provide`,
        )
    }
  },
)

/** TTC-9.2 takes withdrawals only by registered letter or courier; art. 10(2) lets subjects apply by electronic document too. */
export const withdrawalPaperOnly = defineRule(
  {
    id: 'withdrawal-paper-only',
    article: 'art. 10(2)',
    severity: 'warning',
    title: 'Withdrawal accepted on paper only',
    hint: "Accept withdrawals electronically as well: add 'email' (with `withdrawal.email`), 'eds_document', 'portal' or 'state_service' to `withdrawal.channels`.",
  },
  ({ policy, report }) => {
    const electronicRequests = policy.document.requests?.channels.some((c) => c === 'electronic_document' || c === 'email' || c === 'portal')
    for (const form of policy.consentForms.values()) {
      const channels = form.withdrawal.channels
      if (!channels.some((c) => ELECTRONIC_CHANNELS.includes(c)))
        report(
          [...formPath(policy, form), 'withdrawal', 'channels'],
          `consent form '${form.id}' accepts a withdrawal only by ${channels.join(', ')}${electronicRequests ? ', although other requests are accepted electronically' : ''}`,
        )
    }
  },
)
