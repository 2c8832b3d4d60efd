import { Type, type Static } from '@sinclair/typebox'
import { Clauses, Country, Enum, Id, LocalizedText, Strict } from './common.ts'

export const RECIPIENT_ROLES = ['processor', 'partner', 'state_body', 'affiliate', 'controller', 'professional_adviser'] as const
export type RecipientRole = (typeof RECIPIENT_ROLES)[number]

/** The ground for a transfer abroad (art. 16). Without one of these, a foreign transfer needs consent. */
export const CROSS_BORDER_GROUNDS = ['consent', 'adequate_state', 'treaty', 'law', 'constitutional_rights'] as const
export type CrossBorderGround = (typeof CROSS_BORDER_GROUNDS)[number]

export const Recipient = Strict({
  id: Id,
  name: LocalizedText,
  role: Enum(RECIPIENT_ROLES),
  country: Country,
  purposes: Type.Array(Id, { minItems: 1, uniqueItems: true }),
  categories: Type.Optional(Type.Array(Id, { uniqueItems: true })),
  /** Recipients of restricted data keep it confidential (art. 11, TTC-4.3). */
  confidentialityBound: Type.Optional(Type.Boolean()),
  /** Only when a law requires it, on the grounds it sets (KZK-3.13, TTC-3.4). */
  onlyWhenRequiredByLaw: Type.Optional(Type.Boolean()),
  crossBorderGround: Type.Optional(Enum(CROSS_BORDER_GROUNDS)),
  /** Processes under its own policy (PS-4.9 payment systems). */
  ownPolicy: Type.Optional(Type.Boolean()),
  note: Type.Optional(LocalizedText),
  clauses: Clauses(),
})
export type Recipient = Static<typeof Recipient>
