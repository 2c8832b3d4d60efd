import { Type } from '@sinclair/typebox'
import { SUBJECT_STATUSES } from '../db/database-schema.ts'
import { Enum, Id, SOURCES } from '../policy/index.ts'
import { BLOCK_REASONS, ERASE_REASONS, UNBLOCK_REASONS } from './status-reasons.ts'

const DateTime = Type.String({ format: 'date-time' })
const strict = { additionalProperties: false } as const
const Purposes = Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true, description: 'Purposes of the policy that cover the item (art. 7(9))' })

export const DataValueBody = Type.Object(
  {
    itemId: Id,
    value: Type.String({ maxLength: 200_000, description: 'Checked by the item kind (IIN, phone, e-mail, postcode, IBAN …) and encrypted under the subject key' }),
    source: Enum(SOURCES),
    purposes: Purposes,
    collectedAt: Type.Optional(DateTime),
  },
  strict,
)

export const CollectBody = Type.Object({ items: Type.Array(DataValueBody, { minItems: 1, maxItems: 200 }) }, strict)

export const ChangeBody = Type.Object(
  {
    value: Type.String({ maxLength: 200_000 }),
    valueNo: Type.Optional(Type.Integer({ minimum: 0, description: 'Which of the item’s values; 0 when absent' })),
    source: Type.Optional(Enum(SOURCES)),
    purposes: Type.Optional(Purposes),
    collectedAt: Type.Optional(DateTime),
  },
  strict,
)

export const ItemParams = Type.Object({
  operatorId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }),
  subjectId: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' }),
  itemId: Id,
})

export const ReadQuery = Type.Object(
  {
    basis: Type.Optional(Type.String({ maxLength: 64, description: 'The recorded basis of this access (TTC-7.2), one of the policy’s access.bases' })),
    reference: Type.Optional(Type.String({ maxLength: 300, description: 'The memo, order, task or contract; required for all bases but job duties' })),
    purpose: Type.Optional(Id),
  },
  strict,
)

export const StoredValueSchema = Type.Object({
  itemId: Type.String(),
  valueNo: Type.Integer(),
  action: Enum(['collect', 'supplement', 'change'] as const),
  source: Type.String(),
  purposes: Type.Array(Type.String()),
  collectedAt: DateTime,
})

export const SubjectDataSchema = Type.Object({
  subjectId: Type.String(),
  status: Enum(SUBJECT_STATUSES),
  basis: Type.String(),
  reference: Type.Union([Type.String(), Type.Null()]),
  purpose: Type.Union([Type.String(), Type.Null()]),
  values: Type.Array(
    Type.Object({
      itemId: Type.String(),
      valueNo: Type.Integer(),
      value: Type.String(),
      source: Type.String(),
      purposes: Type.Array(Type.String()),
      collectedAt: DateTime,
      updatedAt: DateTime,
    }),
  ),
})

const reference = Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'The request, act or order behind it — no personal data' }))
export const BlockBody = Type.Object({ reason: Enum(BLOCK_REASONS), reference }, strict)
export const UnblockBody = Type.Object({ reason: Enum(UNBLOCK_REASONS), reference }, strict)
export const EraseBody = Type.Object({ reason: Enum(ERASE_REASONS), reference }, strict)
