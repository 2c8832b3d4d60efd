import { Type, type Static } from '@sinclair/typebox'
import { Clauses, Enum, LocalizedText, Strict } from './common.ts'

/** What a request must carry to prove identity (ESP-9). */
export const IDENTITY_PROOFS = [
  'id_document_number', 'id_document_issue_date', 'id_document_issuer', 'handwritten_signature', 'eds', 'sms_code', 'portal_login',
] as const

export const REQUEST_CHANNELS = ['written', 'electronic_document', 'email', 'portal', 'in_person', 'post'] as const

export const RequestHandling = Strict({
  channels: Type.Array(Enum(REQUEST_CHANNELS), { minItems: 1, uniqueItems: true }),
  identityProof: Type.Optional(Type.Array(Enum(IDENTITY_PROOFS), { uniqueItems: true })),
  answerChannels: Type.Optional(Type.Array(Enum(REQUEST_CHANNELS), { uniqueItems: true })),
  /** Access to one's own data is free (art. 25(2)(9)). */
  free: Type.Boolean(),
  /** Who may correct data besides the subject (TW-9.5). */
  correctionsFrom: Type.Optional(Type.Array(Enum(['subject', 'representative', 'authorised_body'] as const), { uniqueItems: true })),
  /** Tell the third parties that received data of corrections and destruction (TW-9.4). */
  notifyRecipients: Type.Optional(Type.Boolean()),
  clauses: Clauses(),
})
export type RequestHandling = Static<typeof RequestHandling>

export const BREACH_NOTICE_EXCEPTIONS = ['already_public', 'received_from_third_party', 'disclosed_with_consent'] as const

export const BreachHandling = Strict({
  notifySubjects: Type.Boolean(),
  exceptions: Type.Optional(Type.Array(Enum(BREACH_NOTICE_EXCEPTIONS), { uniqueItems: true })),
  clauses: Clauses(),
})
export type BreachHandling = Static<typeof BreachHandling>

export const Accuracy = Strict({
  /** Data given by the subject is not verified (TW-4.1), or is checked against documents (ESP-4). */
  verified: Type.Boolean(),
  blockWhileInDoubt: Type.Optional(Type.Boolean()),
  restrictOnFalseData: Type.Optional(Type.Boolean()),
  subjectKeepsCurrent: Type.Optional(Type.Boolean()),
  clauses: Clauses(),
})
export type Accuracy = Static<typeof Accuracy>

export const Security = Strict({
  measures: Type.Array(LocalizedText, { minItems: 1 }),
  encryption: Type.Optional(Type.Boolean()),
  backups: Type.Optional(Type.Boolean()),
  clauses: Clauses(),
})
export type Security = Static<typeof Security>

export const NoticeSection = Strict({ title: LocalizedText, body: LocalizedText, clauses: Clauses() })
export type NoticeSection = Static<typeof NoticeSection>
