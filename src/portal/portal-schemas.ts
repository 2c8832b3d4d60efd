import { Type } from '@sinclair/typebox'
import { CHANNELS, Enum, LANGUAGES } from '../policy/index.ts'
import { REQUEST_KINDS, REQUEST_STATES } from '../requests/index.ts'
import { SIGN_IN_IDENTIFIER_KINDS } from './portal-tables.ts'

const OperatorId = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' })
const Id = Type.String({ minLength: 1, maxLength: 200 })
const PolicyId = Type.String({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 64 })
const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) })
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])
const DateTime = Type.String({ format: 'date-time' })
const Free = Type.Record(Type.String(), Type.Unknown())
/** A text in Kazakh, Russian and English. */
export const Localized = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() })
const OnBehalfOf = Type.Optional(Id)
const Language = Enum(LANGUAGES)

export const PortalParams = Type.Object({ operatorId: OperatorId })
export const PortalRequestParams = Type.Object({ operatorId: OperatorId, requestId: Id })
export const PortalPurposeParams = Type.Object({ operatorId: OperatorId, purposeId: PolicyId })

export const SignInBody = Type.Object(
  {
    identifier: Type.Object(
      { kind: Enum(SIGN_IN_IDENTIFIER_KINDS, 'phone: a code by SMS; email: a code by e-mail'), value: Text(320, 'As typed: +7 701 …, 8 701 …, name@mail.kz') },
      { additionalProperties: false },
    ),
    language: Type.Optional(Enum(LANGUAGES, 'Of the message and the session; kk when absent')),
  },
  { additionalProperties: false },
)

export const SignInChallengeSchema = Type.Object({
  challengeId: Type.String(),
  expiresAt: DateTime,
  maxAttempts: Type.Integer(),
  codeLength: Type.Integer(),
})

export const VerifyBody = Type.Object(
  { challengeId: Text(64), code: Type.String({ pattern: '^[0-9]{6}$', description: 'The 6 digits received' }) },
  { additionalProperties: false },
)

export const SessionSchema = Type.Object({
  token: Type.String({ description: '`dss.…`: send as `Authorization: Bearer`; shown once' }),
  sessionId: Type.String(),
  subjectId: Type.String(),
  language: Language,
  expiresAt: DateTime,
})

export const MeSchema = Type.Object({
  subjectId: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  language: Language,
  sessionExpiresAt: DateTime,
  represents: Type.Array(Type.Object({ subjectId: Type.String(), kind: Type.String(), kindName: Localized, relation: Type.String() })),
})

export const OnBehalfQuery = Type.Object({ onBehalfOf: OnBehalfOf }, { additionalProperties: false })
export const LanguageQuery = Type.Object({ onBehalfOf: OnBehalfOf, language: Type.Optional(Language) }, { additionalProperties: false })

const Content = Type.Object(
  {
    items: Type.Optional(
      Type.Array(
        Type.Object(
          {
            itemId: PolicyId,
            value: Type.Optional(Text(4000, 'The new value (rectify, supplement); sealed')),
            documents: Type.Optional(
              Type.Array(Type.Object({ sha256: Type.String({ pattern: '^[0-9a-fA-F]{64}$' }), description: Type.Optional(Text(200)) }, { additionalProperties: false }), { maxItems: 20 }),
            ),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 200 },
      ),
    ),
    purposes: Type.Optional(Type.Array(PolicyId, { minItems: 1, uniqueItems: true })),
    channels: Type.Optional(Type.Record(PolicyId, Type.Array(Enum(CHANNELS), { minItems: 1, uniqueItems: true }))),
    formId: Type.Optional(PolicyId),
    text: Type.Optional(Text(20_000, 'In the subject’s own words (a complaint, KZK-7.1); sealed')),
  },
  { additionalProperties: false },
)

export const PortalRequestBody = Type.Object(
  {
    kind: Enum(REQUEST_KINDS),
    language: Type.Optional(Enum(LANGUAGES, 'Of the answer; the session’s when absent')),
    onBehalfOf: Type.Optional(Id),
    content: Type.Optional(Content),
    idDocument: Type.Optional(
      Type.Object(
        { number: Type.Optional(Text(50)), issueDate: Type.Optional(Type.String({ format: 'date' })), issuer: Type.Optional(Text(200)) },
        { additionalProperties: false, description: 'Where the policy demands it besides the signature (ESP-9); sealed' },
      ),
    ),
  },
  { additionalProperties: false },
)

const RequestViewProperties = {
  requestId: Type.String(),
  reference: Type.String(),
  kind: Enum(REQUEST_KINDS),
  kindText: Localized,
  state: Enum(REQUEST_STATES),
  stateText: Localized,
  subjectId: Type.String(),
  representativeId: Nullable(Type.String()),
  channel: Type.String(),
  language: Language,
  receivedAt: DateTime,
  dueOn: Type.String({ format: 'date' }),
  overdue: Type.Boolean(),
  businessDaysLeft: Type.Union([Type.Integer(), Type.Null()]),
  waitingFor: Type.Array(Type.Object({ code: Type.String(), text: Localized })),
  refusal: Type.Union([Free, Type.Null()]),
  answeredAt: Nullable(Type.String()),
}

export const PortalRequestSchema = Type.Object(RequestViewProperties)
export const PortalRequestDetailSchema = Type.Object({
  ...RequestViewProperties,
  history: Type.Array(Type.Object({ state: Enum(REQUEST_STATES), stateText: Localized, at: DateTime })),
})
export const PortalRequestListSchema = Type.Object({ items: Type.Array(PortalRequestSchema) })

export const OwnDataSchema = Type.Object({
  subjectId: Type.String(),
  values: Type.Array(
    Type.Object({
      itemId: Type.String(),
      itemName: Localized,
      valueNo: Type.Integer(),
      value: Type.String(),
      source: Type.String(),
      purposes: Type.Array(Type.Object({ purposeId: Type.String(), name: Localized })),
      collectedAt: DateTime,
      updatedAt: DateTime,
    }),
  ),
})

const Labelled = (key: string) => Type.Object({ [key]: Type.String(), label: Localized })

export const PortalConsentsSchema = Type.Object({
  subjectId: Type.String(),
  language: Language,
  consents: Type.Array(
    Type.Object({
      purposeId: Type.String(),
      purposeName: Localized,
      channel: Type.String(),
      status: Type.String(),
      formId: Nullable(Type.String()),
      formVersion: Type.Union([Type.Integer(), Type.Null()]),
      eventId: Nullable(Type.String({ description: 'The ledger event of the current state; its signed receipt: receipts/{eventId}.pdf' })),
      givenAt: Nullable(Type.String()),
      expiresAt: Nullable(Type.String()),
      withdrawalEffectiveAt: Nullable(Type.String()),
      byRepresentative: Type.Boolean(),
      forms: Type.Array(Type.String()),
    }),
  ),
  forms: Type.Array(
    Type.Object({
      formId: Type.String(),
      version: Type.Integer(),
      title: Type.String(),
      text: Type.String(),
      language: Language,
      textHash: Type.String(),
      purposes: Type.Array(Type.String()),
      givenOnline: Type.Boolean(),
      methods: Type.Array(Labelled('method')),
      withdrawnOnline: Type.Boolean(),
      withdrawalChannels: Type.Array(Labelled('channel')),
      withdrawalAddress: Type.Union([Localized, Type.Null()]),
      withdrawalEmail: Nullable(Type.String()),
    }),
  ),
})

const WithdrawalChoiceProperties = {
  onBehalfOf: OnBehalfOf,
  channels: Type.Optional(Type.Array(Enum(CHANNELS), { minItems: 1, uniqueItems: true, description: 'Some channels of a marketing purpose only (TTC-9.4)' })),
  wholeForm: Type.Optional(Type.Boolean({ description: 'The whole consent the purpose was given on' })),
  formId: Type.Optional(PolicyId),
  effectiveOn: Type.Optional(Type.String({ format: 'date', description: 'A later day to take effect on (ESP App.1 §5)' })),
}

export const PreviewQuery = Type.Object(WithdrawalChoiceProperties, { additionalProperties: false })
export const WithdrawBody = Type.Object({ ...WithdrawalChoiceProperties, language: Type.Optional(Language) }, { additionalProperties: false })

const PreviewProperties = {
  subjectId: Type.String(),
  purposeId: Type.String(),
  formId: Type.String(),
  formVersion: Type.Integer(),
  formTitle: Localized,
  withdraws: Type.Array(Type.Object({ purposeId: Type.String(), purposeName: Localized, channel: Type.String() })),
  wholeForm: Type.Boolean(),
  outcome: Type.String(),
  outcomeText: Localized,
  effectiveAt: Nullable(Type.String()),
  noticeBusinessDays: Type.Integer(),
  online: Type.Boolean(),
  channels: Type.Array(Labelled('channel')),
  address: Type.Union([Localized, Type.Null()]),
  email: Nullable(Type.String()),
  blockers: Type.Array(Type.Object({ code: Type.String(), clause: Type.String(), detail: Type.String(), text: Localized })),
  blockedByText: Type.Union([Localized, Type.Null()]),
  consequences: Type.Array(Type.Object({ code: Type.String(), text: Localized })),
  consequencesText: Type.Union([Localized, Type.Null()]),
  clauses: Type.Array(Type.String()),
}
export const PreviewSchema = Type.Object(PreviewProperties)
export const WithdrawnSchema = Type.Object({ ...PreviewProperties, eventId: Type.String(), recordHash: Type.String() })

export const GiveBody = Type.Object(
  {
    onBehalfOf: OnBehalfOf,
    channels: Type.Optional(Type.Array(Enum(CHANNELS), { minItems: 1, uniqueItems: true, description: 'Marketing by these channels only (ESP-2)' })),
    formId: Type.Optional(PolicyId),
    formVersion: Type.Optional(Type.Integer({ minimum: 1 })),
    textHash: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$', description: 'From GET …/portal/consents: binds the consent to the text shown (TTC-1.8)' })),
    language: Type.Optional(Language),
  },
  { additionalProperties: false },
)

export const GivenSchema = Type.Object({
  eventId: Type.String(),
  recordHash: Type.String(),
  formId: Type.String(),
  formVersion: Type.Integer(),
  method: Type.String(),
  state: Type.Array(
    Type.Object({ purposeId: Type.String(), channel: Type.String(), status: Type.String(), givenAt: Nullable(Type.String()), expiresAt: Nullable(Type.String()) }),
  ),
})

export const PortalReceiptParams = Type.Object({ operatorId: OperatorId, eventId: Type.String({ minLength: 1, maxLength: 100 }) })
