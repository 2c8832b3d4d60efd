import { Type } from '@sinclair/typebox'
import { Enum } from '../../policy/index.ts'
import { TASK_ACTIONS, TASK_STATES, TASK_TARGETS } from '../request-kinds.ts'

const OperatorId = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' })
const Id = Type.String({ minLength: 1, maxLength: 200 })
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

export const RequestParams = Type.Object({ operatorId: OperatorId, requestId: Id })
export const TaskParams = Type.Object({ operatorId: OperatorId, requestId: Id, taskId: Id })

export const TaskViewSchema = Type.Object(
  {
    taskId: Type.String(),
    target: Enum(TASK_TARGETS),
    targetId: Nullable(Type.String()),
    action: Enum(TASK_ACTIONS),
    state: Enum(TASK_STATES),
    attempts: Type.Integer(),
    nextAttemptAt: Nullable(Type.String()),
    lastError: Nullable(Type.String()),
    result: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    assignedTo: Nullable(Type.String()),
    createdAt: Type.String(),
    doneAt: Nullable(Type.String()),
  },
  { $id: 'RequestTask' },
)

export const CompleteBody = Type.Object(
  {
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'What was done; sealed under the subject’s key (it may name the person)' })),
    evidenceSha256: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{64}$', description: 'SHA-256 of the evidence: the destruction act, the reply letter’s scan' })),
  },
  { additionalProperties: false },
)

export const AnswerMetaSchema = Type.Object({
  requestId: Type.String(),
  reference: Type.String(),
  kind: Type.String(),
  language: Type.String(),
  outcome: Enum(['fulfilled', 'refused', 'no_data_held'] as const),
  issuedAt: Type.String(),
  policyVersionId: Type.String(),
  documentSha256: Type.String(),
  delivered: Type.Array(Type.String()),
})
