import { Type } from '@sinclair/typebox'
import { Country, Id } from '../../policy/index.ts'

const strict = { additionalProperties: false } as const
const DateTime = Type.String({ format: 'date-time' })

export const TransferBody = Type.Object(
  {
    recipientId: Type.String({ minLength: 1, maxLength: 64, description: 'A recipient id of the published policy' }),
    itemIds: Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true, description: "Data items of the policy's list (Тізбе) that went" }),
    purposeId: Type.String({ minLength: 1, maxLength: 64, description: 'The purpose the data went for; the recipient must serve it' }),
    country: Type.Optional({ ...Country, description: "ISO 3166-1 alpha-2 of the destination; the recipient's country when absent" }),
    at: Type.Optional({ ...DateTime, description: 'When the data left; now when absent' }),
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The contract, act or letter it went under — no personal data' })),
  },
  strict,
)

export const TransferSchema = Type.Object(
  {
    transferId: Type.String(),
    subjectId: Type.String(),
    recipientId: Type.String(),
    itemIds: Type.Array(Type.String()),
    purposeId: Type.String(),
    country: Type.String(),
    crossBorder: Type.Boolean(),
    transferredAt: DateTime,
    reference: Type.Union([Type.String(), Type.Null()]),
    policyVersionId: Type.String(),
    recordedAt: DateTime,
    recordedBy: Type.String(),
  },
  { $id: 'Transfer' },
)
