import { Type, type Static } from '@sinclair/typebox'
import { Clauses, Duration, Enum, Id, LocalizedText, Strict } from './common.ts'

/** Events that start a retention clock. Several triggers mean "the earliest of" (TW-6.1). */
export const RETENTION_TRIGGERS = [
  'purpose_achieved', 'relationship_end', 'contract_end', 'consent_withdrawn', 'consent_expired',
  'deletion_request', 'collection', 'account_closed',
] as const
export type RetentionTrigger = (typeof RETENTION_TRIGGERS)[number]

/** `destroy_or_anonymise`: the operator chooses per case (TTC-6.5). */
export const RETENTION_ACTIONS = ['destroy', 'anonymise', 'anonymise_then_destroy', 'destroy_or_anonymise'] as const
export type RetentionAction = (typeof RETENTION_ACTIONS)[number]

export const RetentionRule = Strict({
  id: Id,
  name: LocalizedText,
  triggers: Type.Array(Enum(RETENTION_TRIGGERS), { minItems: 1, uniqueItems: true }),
  /** How long after the trigger data is kept; "unlimited" is what KZK-3.12 says and the linter refuses. */
  keep: Type.Union([Duration, Type.Literal('unlimited')]),
  then: Enum(RETENTION_ACTIONS),
  /** Keep longer where a law or contract requires (TTC-6.5, PS-6.2). */
  unlessLawRequires: Type.Optional(Type.Boolean()),
  /** If destruction in time is impossible: block, and destroy within this period (TW-9.8). */
  blockIfDelayed: Type.Optional(Duration),
  clauses: Clauses(),
})
export type RetentionRule = Static<typeof RetentionRule>
