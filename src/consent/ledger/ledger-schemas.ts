import { Type } from '@sinclair/typebox'
import { CHANNELS, CONSENT_METHODS, Enum, LANGUAGES, WITHDRAWAL_CHANNELS } from '../../policy/index.ts'
import type { ConsentStateRow } from './project-consent-state.ts'

const Id = Type.String({ minLength: 1, maxLength: 200 })
const PolicyId = Type.String({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 64 })
const OperatorId = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' })
const Language = Enum(LANGUAGES)

export const SubjectParams = Type.Object({ operatorId: OperatorId, subjectId: Id })
export const EventParams = Type.Object({ operatorId: OperatorId, eventId: Id })
export const SubjectEventParams = Type.Object({ operatorId: OperatorId, subjectId: Id, eventId: Id })
export const ObligationParams = Type.Object({ operatorId: OperatorId, subjectId: Id, obligationId: Id })
export const VisitorParams = Type.Object({ operatorId: OperatorId, visitorId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,128}$' }) })
export const OperatorParams = Type.Object({ operatorId: OperatorId })

/** Evidence is checked per method by the evidence module (field-accurate errors under /body/evidence); here only its method. */
const Evidence = Type.Object(
  { method: Enum(CONSENT_METHODS) },
  { additionalProperties: true, description: 'How consent was obtained and its proof (`EvidenceInput`: checkbox {checkedAt, ip, userAgent, pageUrl}, sms_code {challengeId, code}, eds {cms}, paper_signature {scanSha256}, call_recording {recordingRef}, application {reference} …)' },
)
const GivenBy = Type.Object({ representativeId: Id }, { additionalProperties: false, description: 'A representative consenting for the subject (KZK-1.13 parent, TW-4.1 legal representative, ESP-3 attorney)' })
const Purposes = Type.Array(PolicyId, { minItems: 1, uniqueItems: true, description: 'Some purposes of the form; all of them when absent' })
const Channels = Type.Record(PolicyId, Type.Array(Enum(CHANNELS), { uniqueItems: true }), {
  description: 'Marketing purpose → channels (ESP-2: SMS and e-mail consented separately; TTC-9.4)',
})
const Countries = Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { uniqueItems: true, description: 'Countries of a cross-border transfer (art. 7(6), art. 16)' })

const consentFields = {
  formId: PolicyId,
  formVersion: Type.Optional(Type.Integer({ minimum: 1, description: 'The version shown; refused if not current (TTC-1.8)' })),
  textHash: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the exact text shown' })),
  language: Language,
  purposes: Type.Optional(Purposes),
  channels: Type.Optional(Channels),
  countries: Type.Optional(Countries),
  givenBy: Type.Optional(GivenBy),
}

export const GiveBody = Type.Object({ ...consentFields, evidence: Evidence }, { additionalProperties: false })
export const RefuseBody = Type.Object({ ...consentFields, evidence: Type.Optional(Evidence) }, { additionalProperties: false })
export const ReaffirmBody = Type.Object(
  {
    language: Type.Optional(Language),
    formVersion: consentFields.formVersion,
    textHash: consentFields.textHash,
    evidence: Evidence,
    givenBy: Type.Optional(GivenBy),
  },
  { additionalProperties: false },
)
export const WithdrawBody = Type.Object(
  {
    formId: PolicyId,
    purposes: Type.Optional(Purposes),
    channels: Type.Optional(Channels),
    via: Enum(WITHDRAWAL_CHANNELS, 'How the withdrawal arrived (TTC-9.2, TW-4.5)'),
    receivedAt: Type.Optional(Type.String({ format: 'date-time', description: 'When it was received, if before now (a registered letter)' })),
    effectiveOn: Type.Optional(Type.String({ format: 'date', description: 'A later day asked for (ESP App.1 §5)' })),
    language: Type.Optional(Language),
    givenBy: Type.Optional(GivenBy),
  },
  { additionalProperties: false },
)
export const ObligationBody = Type.Object(
  {
    obligationId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._:-]{1,100}$' })),
    kind: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,63}$', description: 'unpaid_invoice, equipment_return, contract_term …' }),
    description: Type.Optional(Type.String({ maxLength: 500, description: 'For staff; no personal data' })),
  },
  { additionalProperties: false },
)
export const CookieBody = Type.Object(
  {
    visitorId: VisitorParams.properties.visitorId,
    policyVersionId: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' }),
    choices: Type.Record(Type.String({ pattern: '^[a-z]+$' }), Type.Boolean()),
    gpc: Type.Optional(Type.Boolean({ description: 'Global Privacy Control: every optional category refused' })),
    language: Language,
  },
  { additionalProperties: false },
)

const AnyObject = Type.Object({}, { additionalProperties: true })
const When = Type.Union([Type.String({ format: 'date-time' }), Type.Null()])

export const StateRowSchema = Type.Object({
  purposeId: Type.String(),
  channel: Type.String(),
  status: Type.String(),
  formId: Type.String(),
  formVersion: Type.Integer(),
  eventId: Type.String(),
  givenAt: When,
  expiresAt: When,
  withdrawalEffectiveAt: When,
  byRepresentative: Type.Boolean(),
  countries: Type.Array(Type.String()),
})

export const ConsentEventSchema = Type.Object({
  eventId: Type.String(),
  seq: Type.Optional(Type.Integer()),
  kind: Type.String(),
  subjectId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  recordedAt: Type.Optional(Type.String()),
  effectiveAt: Type.Optional(Type.String()),
  formId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  formVersion: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  purposes: Type.Optional(Type.Array(Type.String())),
  recordHash: Type.String(),
  record: AnyObject,
})

export const ConsentResultSchema = Type.Object({
  eventId: Type.String(),
  kind: Type.String(),
  recordHash: Type.String(),
  outcome: Type.Optional(Type.String()),
  record: AnyObject,
  state: Type.Array(StateRowSchema),
})

export const ObligationSchema = Type.Object({
  obligationId: Type.String(),
  kind: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  openedAt: Type.String(),
  fulfilledAt: When,
})

export const CookieChoiceSchema = Type.Object({
  consentId: Type.String(),
  visitorId: Type.String(),
  policyVersionId: Type.String(),
  language: Type.String(),
  choices: Type.Record(Type.String(), Type.Boolean()),
  gpc: Type.Boolean(),
  recordedAt: Type.String(),
  recordHash: Type.String(),
})

/** A state row for JSON. */
export function stateView(row: ConsentStateRow) {
  return {
    ...row,
    givenAt: row.givenAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    withdrawalEffectiveAt: row.withdrawalEffectiveAt?.toISOString() ?? null,
  }
}
