import { Type } from '@sinclair/typebox'
import { CHANNELS, Enum, LANGUAGES } from '../policy/index.ts'
import { IDENTIFIER_KINDS } from '../subjects/crypto/index.ts'
import { SIGNATURE_KINDS } from './identity-proof.ts'
import { DUE_FILTERS } from './list-requests.ts'
import { INTAKE_CHANNELS, REFUSAL_GROUNDS, REQUEST_KINDS, REQUEST_STATES, TASK_ACTIONS, TASK_STATES, TASK_TARGETS } from './request-kinds.ts'
import { REQUESTED_BY } from './requests-tables.ts'

const OperatorId = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' })
const Id = Type.String({ minLength: 1, maxLength: 200 })
const PolicyId = Type.String({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 64 })
const Sha256 = Type.String({ pattern: '^[0-9a-fA-F]{64}$', description: 'SHA-256, 64 hex digits' })
const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) })
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])
const Free = Type.Record(Type.String(), Type.Unknown())

export const OperatorParams = Type.Object({ operatorId: OperatorId })
export const RequestParams = Type.Object({ operatorId: OperatorId, requestId: Id })

export const IdentityProofSchema = Type.Object(
  {
    idDocumentNumber: Type.Optional(Text(50, 'Number of the main ID document of the subject or legal representative (ESP-9)')),
    idDocumentIssueDate: Type.Optional(Type.String({ format: 'date', description: 'Its date of issue' })),
    idDocumentIssuer: Type.Optional(Text(200, 'Who issued it')),
    signature: Type.Optional(
      Type.Object(
        {
          kind: Enum(SIGNATURE_KINDS, 'handwritten (paper), eds (electronic document), or — portal requests only — portal_login / sms_code'),
          reference: Type.Optional(Text(200, 'The registered document, portal session or SMS challenge')),
          cms: Type.Optional(
            Type.String({ minLength: 16, maxLength: 2_000_000, pattern: '^[A-Za-z0-9+/=\\s]+$', description: 'eds only: the CMS SignedData (base64 DER, NCALayer) over the request document, attached or detached; Derbes checks it and the signer (DERBES_REQUEST_EDS_*)' }),
          ),
          documentSha256: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{64}$', description: 'eds only: SHA-256 (hex) of the signed document; needed for a detached CMS' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1, description: 'Personal data: sealed, never stored plain' },
)

const Content = Type.Object(
  {
    items: Type.Optional(
      Type.Array(
        Type.Object(
          {
            itemId: PolicyId,
            value: Type.Optional(Text(4000, 'The new value (rectify, supplement); sealed')),
            documents: Type.Optional(
              Type.Array(Type.Object({ sha256: Sha256, description: Type.Optional(Text(200)) }, { additionalProperties: false }), {
                maxItems: 20,
                description: 'Documents backing a correction (TW-9.3, art. 24(1)(2))',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 200 },
      ),
    ),
    purposes: Type.Optional(Type.Array(PolicyId, { minItems: 1, uniqueItems: true, description: 'A withdrawal or objection per purpose (TTC-9.4)' })),
    channels: Type.Optional(Type.Record(PolicyId, Type.Array(Enum(CHANNELS), { minItems: 1, uniqueItems: true }), { description: 'Marketing per channel: purpose → channels' })),
    formId: Type.Optional(PolicyId),
    text: Type.Optional(Text(20_000, 'The request in its own words (a complaint, KZK-7.1); sealed')),
  },
  { additionalProperties: false },
)

export const SubmitBody = Type.Object(
  {
    kind: Enum(REQUEST_KINDS),
    channel: Enum(INTAKE_CHANNELS, '`api` for engineers; written, post, courier, email, in_person … when staff register it'),
    receivedAt: Type.Optional(Type.String({ format: 'date-time', description: 'When it was received, if before now; the deadline counts from it' })),
    language: Type.Optional(Enum(LANGUAGES, 'The language of the answer; kk when absent')),
    subject: Type.Optional(
      Type.Object(
        {
          subjectId: Type.Optional(Id),
          identifier: Type.Optional(Type.Object({ kind: Enum(IDENTIFIER_KINDS), value: Text(200) }, { additionalProperties: false })),
        },
        { additionalProperties: false, description: 'By id, or by an identifier looked up by blind index; unknown: a requester the operator does not hold' },
      ),
    ),
    requester: Type.Optional(
      Type.Object(
        { name: Type.Optional(Text(300)), email: Type.Optional(Text(320)), phone: Type.Optional(Text(50)), postalAddress: Type.Optional(Text(1000)) },
        { additionalProperties: false, description: 'Where to answer; personal data, sealed' },
      ),
    ),
    representativeId: Type.Optional(Id),
    requestedBy: Type.Optional(Enum(REQUESTED_BY)),
    identityProof: Type.Optional(IdentityProofSchema),
    scanSha256: Type.Optional(Sha256),
    postalReference: Type.Optional(Text(100, 'The registered letter or courier consignment number')),
    content: Type.Optional(Content),
  },
  { additionalProperties: false },
)

export const TransitionBody = Type.Object({ to: Enum(REQUEST_STATES), note: Type.Optional(Text(1000, 'For the history; no personal data')) }, { additionalProperties: false })

export const RefuseBody = Type.Object(
  {
    ground: Enum(REFUSAL_GROUNDS),
    clauses: Type.Array(Text(100), { minItems: 1, description: 'The clauses or articles the refusal rests on: TTC-9.1, KZK-2.3.5, art. 8(2), ESP-9 …' }),
    detail: Type.Optional(Text(2000, 'Told to the subject in the answer; no personal data')),
    note: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
)

export const ListQuery = Type.Object(
  {
    state: Type.Optional(Enum([...REQUEST_STATES, 'open'] as const, 'One state, or open for all not yet answered or refused')),
    kind: Type.Optional(Enum(REQUEST_KINDS)),
    subjectId: Type.Optional(Id),
    due: Type.Optional(Enum(DUE_FILTERS, 'overdue: past the due time; today: due by the end of today (Almaty); soon: within the reminder lead')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
)

const RequestViewProperties = {
  operatorId: Type.String(),
  requestId: Type.String(),
  reference: Type.String(),
  kind: Enum(REQUEST_KINDS),
  state: Enum(REQUEST_STATES),
  subjectId: Nullable(Type.String()),
  representativeId: Nullable(Type.String()),
  requestedBy: Enum(REQUESTED_BY),
  channel: Enum(INTAKE_CHANNELS),
  language: Enum(LANGUAGES),
  receivedAt: Type.String({ format: 'date-time' }),
  dueOn: Type.String({ format: 'date' }),
  dueAt: Type.String({ format: 'date-time' }),
  dueBasis: Free,
  overdue: Type.Boolean(),
  businessDaysLeft: Type.Union([Type.Integer(), Type.Null()]),
  late: Type.Boolean(),
  waitingFor: Type.Array(Type.String()),
  verification: Free,
  scope: Free,
  scanSha256: Nullable(Type.String()),
  postalReference: Nullable(Type.String()),
  refusal: Type.Union([Free, Type.Null()]),
  answeredAt: Nullable(Type.String()),
  remindedAt: Nullable(Type.String()),
  escalatedAt: Nullable(Type.String()),
  hasSealedData: Type.Boolean(),
  createdBy: Type.String(),
  updatedAt: Type.String(),
}

export const RequestViewSchema = Type.Object(RequestViewProperties, { $id: 'RequestView' })

export const RequestDetailSchema = Type.Object(
  {
    ...RequestViewProperties,
    history: Type.Array(
      Type.Object({ seq: Type.Integer(), from: Type.Union([Enum(REQUEST_STATES), Type.Null()]), to: Enum(REQUEST_STATES), at: Type.String(), actor: Type.String(), note: Nullable(Type.String()) }),
    ),
    tasks: Type.Array(
      Type.Object({
        taskId: Type.String(),
        target: Enum(TASK_TARGETS),
        targetId: Nullable(Type.String()),
        action: Enum(TASK_ACTIONS),
        state: Enum(TASK_STATES),
        attempts: Type.Integer(),
        nextAttemptAt: Nullable(Type.String()),
        lastError: Nullable(Type.String()),
        result: Type.Union([Free, Type.Null()]),
        assignedTo: Nullable(Type.String()),
        createdAt: Type.String(),
        doneAt: Nullable(Type.String()),
      }),
    ),
  },
  { $id: 'RequestDetail' },
)

export const RequestListSchema = Type.Object({
  items: Type.Array(Type.Ref(RequestViewSchema)),
  total: Type.Integer(),
  overdue: Type.Integer({ description: 'Open requests of the operator past their due time, whatever the filters' }),
})

const Counts = { open: Type.Integer(), overdue: Type.Integer(), dueToday: Type.Integer(), dueSoon: Type.Integer(), waiting: Type.Integer() }
export const OverdueSummarySchema = Type.Object({
  asOf: Type.String(),
  ...Counts,
  byKind: Type.Array(Type.Object({ kind: Enum(REQUEST_KINDS), ...Counts })),
  oldestOverdue: Type.Union([
    Type.Object({ requestId: Type.String(), reference: Type.String(), kind: Enum(REQUEST_KINDS), dueOn: Type.String(), businessDaysOverdue: Type.Integer() }),
    Type.Null(),
  ]),
})

/** Schemas registered once with the app, referenced by `$ref`. */
export const REQUEST_SCHEMAS = [RequestViewSchema, RequestDetailSchema]

export const ContentQuery = Type.Object(
  {
    basis: Type.Optional(Type.String({ maxLength: 64, description: "One of the policy's access bases (TTC-7.2); required" })),
    reference: Type.Optional(Text(200, 'The memo, order, task or contract the basis rests on; required for all but job_duties')),
  },
  { additionalProperties: false },
)

export const RequestContentSchema = Type.Object({
  requestId: Type.String(),
  reference: Type.String(),
  kind: Enum(REQUEST_KINDS),
  subjectId: Nullable(Type.String()),
  basis: Type.String(),
  basisReference: Nullable(Type.String()),
  scope: Free,
  content: Type.Object(
    {
      requester: Type.Optional(Type.Object({ name: Type.Optional(Type.String()), email: Type.Optional(Type.String()), phone: Type.Optional(Type.String()), postalAddress: Type.Optional(Type.String()) })),
      identifier: Type.Optional(Type.Object({ kind: Type.String(), value: Type.String() })),
      identityProof: Type.Optional(IdentityProofSchema),
      values: Type.Optional(Type.Array(Type.Object({ itemId: Type.String(), value: Type.String() }))),
      text: Type.Optional(Type.String()),
    },
    { description: 'The sealed personal data, opened' },
  ),
})
