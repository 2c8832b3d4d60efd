import { Type, type Static } from '@sinclair/typebox'
import { LEGAL_BASES } from '../../policy/index.ts'
import { REASON_CODES } from './decision-reasons.ts'

export const OperatorIdParam = Type.Object({ operatorId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }) })

const PolicyId = Type.String({ minLength: 1, maxLength: 64, description: 'An id of the published policy' })
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 of the destination' })
const Language = Type.Union([Type.Literal('kk'), Type.Literal('ru'), Type.Literal('en')], { default: 'kk' })

export const DecisionBody = Type.Object(
  {
    subjectId: Type.String({ minLength: 1, maxLength: 200 }),
    purpose: PolicyId,
    items: Type.Optional(Type.Array(PolicyId, { maxItems: 200, uniqueItems: true, description: 'Items of the list (Тізбе) to process; checked against the purpose, the locks and the recipient' })),
    channel: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'Communication channel, e.g. sms (ESP-2: marketing consent per channel)' })),
    recipient: Type.Optional(PolicyId),
    country: Type.Optional(Country),
    at: Type.Optional(Type.String({ format: 'date-time', description: "Decide for this instant against today's facts (e.g. will the consent still hold then); now when absent" })),
    record: Type.Optional(Type.Boolean({ description: "Also append the use (or its refusal) to the audit chain, in one transaction; for a use that happens now" })),
    lang: Type.Optional(Language),
  },
  { additionalProperties: false },
)
export type DecisionBody = Static<typeof DecisionBody>

const Reason = Type.Object({
  code: Type.Unsafe<string>({ type: 'string', enum: [...REASON_CODES] }),
  clause: Type.String({ description: 'The article of Law 94-V (or the Civil Code) the rule comes from' }),
  policyClauses: Type.Array(Type.String(), { description: "The operator's policy clauses the rule comes from" }),
  message: Type.String(),
  detail: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Array(Type.String())]))),
})

export const DecisionResponse = Type.Object({
  allow: Type.Boolean(),
  // One nullable type rather than a union: the serializer then needs no schema check per response.
  basis: Type.Unsafe<string | null>({ type: ['string', 'null'], enum: [...LEGAL_BASES, null], description: 'The legal basis of the purpose; null when the purpose is unknown' }),
  reasons: Type.Array(Reason),
  policyVersion: Type.String(),
  decidedAt: Type.String({ format: 'date-time' }),
  recorded: Type.Optional(Type.Object({ auditSeq: Type.Integer(), action: Type.String() })),
})

export const AudienceBody = Type.Object(
  {
    purpose: PolicyId,
    channel: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    country: Type.Optional(Country),
    subjectKinds: Type.Optional(Type.Array(PolicyId, { minItems: 1, maxItems: 50, uniqueItems: true })),
    at: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
)
export type AudienceBody = Static<typeof AudienceBody>
