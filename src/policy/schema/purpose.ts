import { Type, type Static } from '@sinclair/typebox'
import { Clauses, Enum, Id, LocalizedText, Strict } from './common.ts'

/** Legal basis of a purpose: consent (art. 7), a contract, a legal duty, or another lawful ground (art. 9). */
export const LEGAL_BASES = ['consent', 'contract', 'legal_obligation', 'other_lawful_ground'] as const
export type LegalBasis = (typeof LEGAL_BASES)[number]

export const CHANNELS = ['sms', 'email', 'phone', 'messenger', 'post', 'push', 'in_app'] as const
export type Channel = (typeof CHANNELS)[number]

export const Purpose = Strict({
  id: Id,
  name: LocalizedText,
  description: Type.Optional(LocalizedText),
  basis: Enum(LEGAL_BASES),
  /** The law or ground behind a non-consent basis, shown in the notice. */
  basisNote: Type.Optional(LocalizedText),
  categories: Type.Array(Id, { minItems: 1, uniqueItems: true }),
  /** Narrow the purpose to some items of its categories; all items when absent. */
  items: Type.Optional(Type.Array(Id, { uniqueItems: true })),
  subjectKinds: Type.Optional(Type.Array(Id)),
  /** Marketing communications need their own consent per channel (ESP-2). */
  marketing: Type.Optional(Type.Boolean()),
  /** Service messages sent without a separate consent and that cannot be refused (ESP-2). */
  transactional: Type.Optional(Type.Boolean()),
  channels: Type.Optional(Type.Array(Enum(CHANNELS), { uniqueItems: true })),
  /** Works only on anonymised data (TW-3.2 statistics; art. 17(1) research). */
  anonymised: Type.Optional(Type.Boolean()),
  /** Research, statistics or marketing analysis, which art. 17(1) requires to run on anonymised data. */
  research: Type.Optional(Type.Boolean()),
  /** Decisions made by automated processing alone (art. 19-1). */
  automatedDecisions: Type.Optional(Type.Boolean()),
  /** Data published in public sources (art. 7(6)). */
  publication: Type.Optional(Type.Boolean()),
  retention: Id,
  clauses: Clauses(),
})
export type Purpose = Static<typeof Purpose>
