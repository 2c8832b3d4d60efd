import { Type, type Static } from '@sinclair/typebox'
import { Clauses, Country, Duration, Email, Enum, Id, LocalizedText, Strict } from './common.ts'

/** How consent is given — art. 8(1): in writing, via a state or non-state service, or another provable method. */
export const CONSENT_METHODS = [
  'paper_signature', 'eds', 'phone_confirmation', 'call_recording', 'checkbox', 'registration',
  'continued_use', 'form_submission', 'sms_code', 'state_service', 'non_state_service', 'application',
] as const
export type ConsentMethod = (typeof CONSENT_METHODS)[number]

export const WITHDRAWAL_CHANNELS = [
  'registered_mail', 'post', 'courier', 'written_application', 'email', 'eds_document', 'portal', 'phone', 'in_person', 'state_service',
] as const
export type WithdrawalChannel = (typeof WITHDRAWAL_CHANNELS)[number]

/** What may block a withdrawal. Art. 8(2) allows only a contradiction with law or an unfulfilled obligation. */
export const WITHDRAWAL_BLOCKERS = ['unfulfilled_obligation', 'contradicts_law', 'other'] as const
export type WithdrawalBlocker = (typeof WITHDRAWAL_BLOCKERS)[number]

export const WITHDRAWAL_CONSEQUENCES = [
  'processing_stopped', 'account_deleted', 'loyalty_ended', 'loyalty_card_blocked', 'discounts_stopped',
  'contract_terminated', 'service_unavailable', 'reconsent_required',
] as const
export type WithdrawalConsequence = (typeof WITHDRAWAL_CONSEQUENCES)[number]

export const CONSENT_GIVERS = ['subject', 'legal_representative', 'either'] as const

export const ConsentTerm = Type.Union([
  Strict({ until: Type.Literal('purpose_achieved') }),
  Strict({ until: Type.Literal('withdrawn') }),
  /** For the whole relationship (contract) with the operator (TTC App.2 §1.7). */
  Strict({ until: Type.Literal('relationship_end') }),
  Strict({ duration: Duration }),
])
export type ConsentTerm = Static<typeof ConsentTerm>

export const Withdrawal = Strict({
  channels: Type.Array(Enum(WITHDRAWAL_CHANNELS), { minItems: 1, uniqueItems: true }),
  address: Type.Optional(LocalizedText),
  email: Type.Optional(Email),
  /** The subject must apply this many business days before the withdrawal takes effect (ESP App.1). */
  noticeBusinessDays: Type.Optional(Type.Integer({ minimum: 0 })),
  blockedBy: Type.Optional(Type.Array(Enum(WITHDRAWAL_BLOCKERS), { uniqueItems: true })),
  blockedByText: Type.Optional(LocalizedText),
  consequences: Type.Optional(Type.Array(Enum(WITHDRAWAL_CONSEQUENCES), { uniqueItems: true })),
  consequencesText: Type.Optional(LocalizedText),
  clauses: Clauses(),
})
export type Withdrawal = Static<typeof Withdrawal>

export const ConsentForm = Strict({
  id: Id,
  version: Type.Integer({ minimum: 1 }),
  title: LocalizedText,
  text: LocalizedText,
  purposes: Type.Array(Id, { minItems: 1, uniqueItems: true }),
  subjectKinds: Type.Optional(Type.Array(Id)),
  methods: Type.Array(Enum(CONSENT_METHODS), { minItems: 1, uniqueItems: true }),
  /** Who gives it: the subject, or a parent / legal representative for a minor or incapable person. */
  givenBy: Type.Optional(Enum(CONSENT_GIVERS)),
  /** Art. 8(4): the content every consent must carry. Absent fields are lint findings, not schema errors. */
  identifiesOperator: Type.Optional(Type.Boolean()),
  recordsSubjectName: Type.Optional(Type.Boolean()),
  term: Type.Optional(ConsentTerm),
  /** The term in the original's words when it is tied to something the enum cannot name (ESP App.1 §1: while the loyalty programme runs). */
  termText: Type.Optional(LocalizedText),
  thirdPartyTransfer: Type.Optional(Type.Boolean()),
  crossBorder: Type.Optional(Strict({ allowed: Type.Boolean(), countries: Type.Optional(Type.Array(Country)) })),
  publication: Type.Optional(Type.Boolean()),
  /** The list of data collected (art. 8(4)(7)); derived from the purposes' categories when absent. */
  items: Type.Optional(Type.Array(Id, { uniqueItems: true })),
  listsData: Type.Optional(Type.Boolean()),
  /** A consent that must be given apart from the others (marketing per channel, biometrics). */
  separate: Type.Optional(Type.Boolean()),
  withdrawal: Withdrawal,
  clauses: Clauses(),
})
export type ConsentForm = Static<typeof ConsentForm>
