import { Type, type Static } from '@sinclair/typebox'
import { Clauses, Enum, Strict } from './common.ts'

/** Every kind of request or obligation with a clock (law.md "Rights and deadlines"; seeds.md §5). */
export const REQUEST_KINDS = [
  'information', 'access', 'copy', 'rectify', 'supplement', 'block', 'unblock', 'destroy_unlawful',
  'destroy_purpose_achieved', 'anonymise', 'stop_unlawful_processing', 'withdraw_consent', 'complaint',
  'marketing_opt_out', 'automated_decision_objection', 'third_party_transfer_notice', 'remove_published',
  'breach_notice_authority',
] as const
export type RequestKind = (typeof REQUEST_KINDS)[number]

export const DAY_UNITS = ['business', 'calendar'] as const
export type DayUnit = (typeof DAY_UNITS)[number]

export const Deadline = Strict({
  days: Type.Integer({ minimum: 0, maximum: 366 }),
  unit: Enum(DAY_UNITS),
  clauses: Clauses(),
})
export type Deadline = Static<typeof Deadline>

/** Deadlines the policy promises; the law's defaults fill the rest and the stricter one wins. */
export const Deadlines = Type.Partial(
  Type.Object(Object.fromEntries(REQUEST_KINDS.map((kind) => [kind, Deadline])) as Record<RequestKind, typeof Deadline>, {
    additionalProperties: false,
  }),
)
export type Deadlines = Static<typeof Deadlines>
