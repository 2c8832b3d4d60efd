import { Type, type Static } from '@sinclair/typebox'
import { Clauses, Country, Enum, Id, LocalizedText, Strict } from './common.ts'

export const SUBJECT_ROLES = ['person', 'representative', 'legal_entity_representative', 'parent', 'guardian'] as const

export const SubjectKind = Strict({
  id: Id,
  name: LocalizedText,
  description: Type.Optional(LocalizedText),
  role: Type.Optional(Enum(SUBJECT_ROLES)),
  /** Kinds this one acts for (a parent for a child, an attorney for a client). */
  represents: Type.Optional(Type.Array(Id)),
  /** Minimum age to act alone, e.g. TTC-2(2) users must be 18+. */
  minAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
  citizenship: Type.Optional(Type.Array(Country)),
  /** Whether the kind consists of minors whose consent a legal representative gives. */
  minor: Type.Optional(Type.Boolean()),
  clauses: Clauses(),
})
export type SubjectKind = Static<typeof SubjectKind>

/** What an item of personal data is; drives lint rules, discovery and masking. */
export const ITEM_KINDS = [
  'full_name', 'former_name', 'iin', 'bin', 'id_document', 'id_document_copy', 'birth_date', 'birth_place',
  'sex', 'citizenship', 'residency', 'address', 'postcode', 'phone', 'email', 'messenger_id', 'social_profile',
  'password', 'bank_card', 'bank_account', 'payment', 'contract', 'subscriber_number', 'service_usage',
  'location', 'ip_address', 'cookie_id', 'device_id', 'browser', 'page_url', 'referrer', 'access_time',
  'user_activity', 'inference', 'organisation', 'position', 'education', 'family', 'photo', 'face_image',
  'fingerprint', 'palm_image', 'voice', 'video', 'attendance', 'correspondence', 'other',
] as const
export type ItemKind = (typeof ITEM_KINDS)[number]

/** Ordinary data, restricted-access data (art. 6), or biometric data (art. 7(12)). */
export const SENSITIVITIES = ['ordinary', 'restricted', 'biometric'] as const
export type Sensitivity = (typeof SENSITIVITIES)[number]

/** Where an item comes from (TTC App.1 "source" column). */
export const SOURCES = ['subject', 'representative', 'automatic', 'third_party', 'public_source', 'state_system', 'operator'] as const
export type Source = (typeof SOURCES)[number]

export const DataItem = Strict({
  id: Id,
  name: LocalizedText,
  kind: Enum(ITEM_KINDS),
  sensitivity: Type.Optional(Enum(SENSITIVITIES)),
  sources: Type.Array(Enum(SOURCES), { minItems: 1, uniqueItems: true }),
  /** Subject kinds the item is collected about; all kinds when absent. */
  subjectKinds: Type.Optional(Type.Array(Id)),
  /** Collected only if the subject chooses to give it (KZK-3.7 e-mail). */
  optional: Type.Optional(Type.Boolean()),
  clauses: Clauses(),
})
export type DataItem = Static<typeof DataItem>

export const Category = Strict({
  id: Id,
  name: LocalizedText,
  description: Type.Optional(LocalizedText),
  items: Type.Array(DataItem, { minItems: 1 }),
  clauses: Clauses(),
})
export type Category = Static<typeof Category>

/** A statement in the policy that some data is "not personal" (KZK-1.5). */
export const NonPersonalDeclaration = Strict({
  kinds: Type.Array(Enum(ITEM_KINDS), { minItems: 1 }),
  text: LocalizedText,
  clauses: Clauses(),
})
export type NonPersonalDeclaration = Static<typeof NonPersonalDeclaration>
