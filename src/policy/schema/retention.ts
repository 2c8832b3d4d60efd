import { Type, type Static } from '@sinclair/typebox'
import { Clauses, Duration, Enum, Id, LocalizedText, Strict } from './common.ts'
import { DAY_UNITS } from './deadlines.ts'

/** Events that start a retention clock. Several triggers mean "the earliest of" (TW-6.1). */
export const RETENTION_TRIGGERS = [
  'purpose_achieved', 'relationship_end', 'contract_end', 'consent_withdrawn', 'consent_expired',
  'deletion_request', 'collection', 'account_closed',
] as const
export type RetentionTrigger = (typeof RETENTION_TRIGGERS)[number]

/** `destroy_or_anonymise`: the operator chooses per case (TTC-6.5). */
export const RETENTION_ACTIONS = ['destroy', 'anonymise', 'anonymise_then_destroy', 'destroy_or_anonymise'] as const
export type RetentionAction = (typeof RETENTION_ACTIONS)[number]

/**
 * A term the law sets for keeping some data at least (TTC-4.1.11: primary
 * accounting documents are kept for the periods the legislation sets). While
 * it runs, the data is held whatever the rule says — a statutory hold, shown
 * with its law. The figure is the operator's reading of the law: law.md does
 * not confirm one, so it lives in the policy, never in code, and `unconfirmed`
 * marks it [U] wherever it is shown.
 */
export const StatutoryMinimum = Strict({
  keep: Duration,
  /** What the statutory term counts from: the data's collection (a document's date) or another trigger. */
  from: Enum(RETENTION_TRIGGERS),
  /** The law that sets the term, as the notice and the hold show it (in kk, ru and en like every text a subject sees). */
  law: LocalizedText,
  unconfirmed: Type.Optional(Type.Boolean()),
})
export type StatutoryMinimum = Static<typeof StatutoryMinimum>

export const RetentionRule = Strict({
  id: Id,
  name: LocalizedText,
  /**
   * A rule for some categories only: it binds the items of these categories in
   * every purpose that processes them, beside each purpose's own rule, and the
   * strictest (earliest) of the two wins. Purposes need not name such a rule.
   */
  categories: Type.Optional(Type.Array(Id, { minItems: 1, uniqueItems: true })),
  triggers: Type.Array(Enum(RETENTION_TRIGGERS), { minItems: 1, uniqueItems: true }),
  /** How long after the trigger data is kept; "unlimited" is what KZK-3.12 says and the linter refuses. */
  keep: Type.Union([Duration, Type.Literal('unlimited')]),
  /** How the days of `keep` count: calendar days (the default) or business days of the operator's calendar; years, months and weeks are always calendar ones. */
  keepUnit: Type.Optional(Enum(DAY_UNITS)),
  then: Enum(RETENTION_ACTIONS),
  /** Keep longer where a law or contract requires (TTC-6.5, PS-6.2). */
  unlessLawRequires: Type.Optional(Type.Boolean()),
  /** If destruction in time is impossible: block, and destroy within this period (TW-9.8). */
  blockIfDelayed: Type.Optional(Duration),
  /** A term the law requires the data be kept at least; a hold while it runs (TTC-4.1.11). */
  statutoryMinimum: Type.Optional(StatutoryMinimum),
  clauses: Clauses(),
})
export type RetentionRule = Static<typeof RetentionRule>
