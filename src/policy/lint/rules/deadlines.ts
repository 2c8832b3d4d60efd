import { REQUEST_KINDS, type Deadline, type RequestKind } from '../../schema/index.ts'
import { defineRule } from '../lint-rule.ts'
import { businessDaysMaxCalendar } from '../policy-facts.ts'

/** The longest and the shortest a deadline can last in calendar days, whatever day the request arrives. */
const longest = (d: Deadline) => (d.unit === 'business' ? businessDaysMaxCalendar(d.days) : d.days)
const shortest = (d: Deadline) => d.days

/**
 * A policy may promise less time than the law gives, never more (law.md: the
 * stricter deadline wins). At run time both bind anyway; the finding is about
 * the promise made to subjects in the notice.
 */
export const deadlineExceedsLaw = defineRule(
  {
    id: 'deadline-exceeds-law',
    article: 'art. 6, art. 8(7), art. 19, art. 19-1, art. 25(2)(8)',
    severity: 'error',
    title: "Deadline longer than the law's",
    hint: "Promise no more days than the law gives, in the law's unit (business days): e.g. `withdraw_consent: { days: 15, unit: business }` at most.",
  },
  ({ policy, law, report }) => {
    for (const kind of REQUEST_KINDS) {
      const legal = law.deadlines[kind]
      const promised = policy.document.deadlines[kind]
      if (!legal || !promised) continue
      const sameUnit = legal.unit === promised.unit
      // Across units, flag a promise that can end after the law's deadline on some day of the year.
      const longer = sameUnit ? promised.days > legal.days : longest(promised) > shortest(legal)
      if (longer)
        report(
          ['deadlines', kind, 'days'],
          `the '${kind}' deadline of ${promised.days} ${promised.unit} days ${sameUnit ? 'exceeds' : 'can end after'} the law's ${legal.days} ${legal.unit} days`,
          legal.article,
        )
    }
  },
)

const ANSWER_KINDS: readonly RequestKind[] = ['information', 'access']

/** The law sets no deadline to answer requests for information and access; the authorised body's rules do (law.md [U]). */
export const deadlineInformationMissing = defineRule(
  {
    id: 'deadline-information-missing',
    article: 'art. 25(2)(6), art. 25(2)(7)',
    severity: 'warning',
    title: 'No deadline to answer information or access requests',
    hint: 'Promise one under `deadlines` (ESP-9: `information: { days: 3, unit: business }`; TW-9.1: `access: { days: 15, unit: calendar }`), or configure the default of the rules in the law profile.',
  },
  ({ policy, law, report }) => {
    for (const kind of ANSWER_KINDS)
      if (!policy.document.deadlines[kind] && !law.deadlines[kind])
        report(['deadlines'], `the policy sets no deadline for '${kind}' requests and the law profile gives none`)
  },
)
