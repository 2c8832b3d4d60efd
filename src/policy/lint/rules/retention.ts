import { defineRule } from '../lint-rule.ts'
import { businessDaysMaxCalendar, durationMinDays, list } from '../policy-facts.ts'
import type { CompiledPolicy } from '../../compiled-policy.ts'

const purposesKeptBy = (policy: CompiledPolicy, ruleId: string) =>
  [...policy.purposes.values()].filter((p) => p.retention === ruleId)

/** KZK-3.12 processes "without time limit"; art. 12(2) keeps data only until the purpose is achieved, art. 18 destroys it then. */
export const retentionUnlimited = defineRule(
  {
    id: 'retention-unlimited',
    article: 'art. 12(2), art. 18',
    severity: 'error',
    title: 'Data kept without a time limit',
    hint: 'Give `keep` an ISO 8601 period counted from the purpose being achieved or the relationship ending (e.g. P0D after purpose_achieved); where another law demands longer storage, set `unlessLawRequires: true` instead of keeping forever.',
  },
  ({ policy, report }) => {
    policy.document.retention.forEach((rule, r) => {
      if (rule.keep !== 'unlimited') return
      const users = purposesKeptBy(policy, rule.id).map((p) => p.id)
      report(
        ['retention', r, 'keep'],
        `retention rule '${rule.id}' keeps data without a time limit${users.length ? ` (purposes ${list(users)})` : ''}; data may be stored only until its purpose is achieved`,
      )
    })
  },
)

/** After a withdrawal the operator stops processing within the art. 8(7) deadline; storing is processing. */
export const retentionAfterWithdrawal = defineRule(
  {
    id: 'retention-after-withdrawal',
    article: 'art. 8(7)',
    severity: 'error',
    title: 'Consent-based data kept long after consent is withdrawn',
    hint: 'Shorten `keep` after consent_withdrawn to no more than the withdrawal deadline (P0D is usual). Data another law obliges you to keep belongs to a purpose with basis legal_obligation and its own retention rule.',
  },
  ({ policy, law, report }) => {
    const deadline = law.deadlines.withdraw_consent
    const limit = !deadline ? 0 : deadline.unit === 'business' ? businessDaysMaxCalendar(deadline.days) : deadline.days
    policy.document.retention.forEach((rule, r) => {
      // An unlimited keep is reported once, by retention-unlimited.
      if (rule.keep === 'unlimited' || !rule.triggers.includes('consent_withdrawn')) return
      const consentPurposes = purposesKeptBy(policy, rule.id).filter((p) => p.basis === 'consent').map((p) => p.id)
      if (consentPurposes.length === 0 || durationMinDays(rule.keep) <= limit) return
      report(
        ['retention', r, 'keep'],
        `retention rule '${rule.id}' keeps the data of consent-based purposes ${list(consentPurposes)} for ${rule.keep} after consent is withdrawn — longer than the ${deadline ? `${deadline.days} ${deadline.unit} days` : 'time'} the operator has to stop processing`,
      )
    })
  },
)

/** A consent-based purpose whose retention clock never starts on withdrawal keeps data the subject took back (TTC-6.4 vs TTC-9.3). */
export const retentionIgnoresWithdrawal = defineRule(
  {
    id: 'retention-ignores-withdrawal',
    article: 'art. 8(7), art. 18',
    severity: 'warning',
    title: 'Consent-based purpose whose retention does not end on withdrawal',
    hint: 'Add `consent_withdrawn` to the triggers of the retention rule of every consent-based purpose (triggers mean "the earliest of"), or give the purpose its own rule; keep data other laws require under a legal_obligation purpose.',
  },
  ({ policy, report }) => {
    policy.document.retention.forEach((rule, r) => {
      // An unlimited keep is reported once, by retention-unlimited.
      if (rule.keep === 'unlimited' || rule.triggers.includes('consent_withdrawn')) return
      const consentPurposes = purposesKeptBy(policy, rule.id).filter((p) => p.basis === 'consent').map((p) => p.id)
      if (consentPurposes.length === 0) return
      report(
        ['retention', r, 'triggers'],
        `retention rule '${rule.id}' (${rule.triggers.join(', ')} + ${rule.keep}) serves consent-based purposes ${list(consentPurposes)} but does not end when consent is withdrawn`,
      )
    })
  },
)

/** A clock from collection keeps data for a fixed time whether or not the purpose still needs it (art. 12(2)). */
export const retentionFromCollection = defineRule(
  {
    id: 'retention-from-collection',
    article: 'art. 12(2), art. 18',
    severity: 'info',
    title: 'Retention counted only from collection',
    hint: 'Add a trigger tied to the purpose or the relationship (purpose_achieved, relationship_end, contract_end, consent_withdrawn) so the data goes when it is no longer needed, whichever comes first.',
  },
  ({ policy, report }) => {
    policy.document.retention.forEach((rule, r) => {
      if (rule.keep !== 'unlimited' && rule.triggers.length === 1 && rule.triggers[0] === 'collection')
        report(['retention', r, 'triggers'], `retention rule '${rule.id}' counts ${rule.keep} from collection only, not from the purpose being achieved`)
    })
  },
)
