import { Type, type Static } from '@sinclair/typebox'
import { Clauses, Enum, Id, Strict } from './common.ts'

/** What happens when data of someone under age is found (TTC-10.4). */
export const UNDER_AGE_ACTIONS = ['delete_asap', 'parental_consent', 'reject'] as const

export const PurposeLock = Strict({
  /** Items that may serve only the listed purposes, e.g. a child's biometrics (KZK-3.16). */
  items: Type.Array(Id, { minItems: 1, uniqueItems: true }),
  purposes: Type.Array(Id, { minItems: 1, uniqueItems: true }),
  subjectKinds: Type.Optional(Type.Array(Id)),
  /** Any other use needs a further consent of the parent or legal representative (KZK-3.17), or is forbidden. */
  otherUse: Enum(['forbidden', 'additional_parental_consent'] as const),
  clauses: Clauses(),
})
export type PurposeLock = Static<typeof PurposeLock>

export const AgeRules = Strict({
  /** Full civil capacity (Civil Code art. 17(1)). */
  adultAge: Type.Integer({ minimum: 14, maximum: 21 }),
  /** Youngest age at which a subject may use the service alone; parents act below it. */
  minimumAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 21 })),
  underAge: Enum(UNDER_AGE_ACTIONS),
  /** Who consents for a minor or incapable person (art. 8, Civil Code art. 22). */
  consentBy: Type.Optional(Type.Array(Enum(['parent', 'guardian', 'legal_representative'] as const), { uniqueItems: true })),
  purposeLocks: Type.Optional(Type.Array(PurposeLock)),
  /** Access of a subject found to be under age may be restricted (TTC-10.4). */
  restrictAccess: Type.Optional(Type.Boolean()),
  clauses: Clauses(),
})
export type AgeRules = Static<typeof AgeRules>
