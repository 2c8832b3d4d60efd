import { Type } from '@sinclair/typebox'
import { LEGAL_CAPACITIES, REPRESENTATIVE_RELATIONS, SUBJECT_STATUSES } from '../db/database-schema.ts'
import { Enum, Id, LocalDate } from '../policy/index.ts'
import { AGE_BANDS } from './age.ts'
import { IDENTIFIER_KINDS } from './crypto/index.ts'
import { DataValueBody, StoredValueSchema } from './data-schemas.ts'

export const OperatorIdParam = Type.Object({ operatorId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }) })
const SubjectId = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'Assigned by Derbes at registration' })
export const SubjectParams = Type.Object({ operatorId: OperatorIdParam.properties.operatorId, subjectId: SubjectId })
export const RepresentativeParams = Type.Object({ ...SubjectParams.properties, representativeId: SubjectId })

const DateTime = Type.String({ format: 'date-time' })
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])
const strict = { additionalProperties: false } as const

export const IdentifierBody = Type.Object(
  {
    kind: Enum(IDENTIFIER_KINDS),
    value: Type.String({ minLength: 1, maxLength: 200, description: 'Normalised before hashing: any spelling of a phone or e-mail finds the same subject' }),
  },
  strict,
)

export const RegisterBody = Type.Object(
  {
    kind: Type.String({ minLength: 1, maxLength: 64, description: "A subject kind of the operator's published policy" }),
    identifiers: Type.Optional(Type.Array(IdentifierBody, { maxItems: 20, description: 'Stored only as blind indexes' })),
    birthDate: Type.Optional(LocalDate),
    relationshipStartedAt: Type.Optional(DateTime),
    relationshipEndedAt: Type.Optional(DateTime),
    legalCapacity: Type.Optional(Enum(LEGAL_CAPACITIES)),
    data: Type.Optional(Type.Array(DataValueBody, { maxItems: 200, description: 'Values to put in the vault at once' })),
  },
  strict,
)

export const UpdateBody = Type.Object(
  {
    relationshipStartedAt: Type.Optional(Nullable(DateTime)),
    relationshipEndedAt: Type.Optional(Nullable(DateTime)),
    legalCapacity: Type.Optional(Enum(LEGAL_CAPACITIES)),
    identifiers: Type.Optional(
      Type.Object({ add: Type.Optional(Type.Array(IdentifierBody, { maxItems: 20 })), remove: Type.Optional(Type.Array(IdentifierBody, { maxItems: 20 })) }, { ...strict, minProperties: 1 }),
    ),
  },
  { ...strict, minProperties: 1 },
)

export const RepresentativeBody = Type.Object(
  {
    representativeId: SubjectId,
    relation: Enum(REPRESENTATIVE_RELATIONS),
    validFrom: Type.Optional(LocalDate),
    validUntil: Type.Optional(LocalDate),
    basisDocument: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'The power of attorney, court decision or order the authority rests on — a reference, no personal data' })),
  },
  strict,
)

export const RelationQuery = Type.Object({ relation: Type.Optional(Enum(REPRESENTATIVE_RELATIONS)) }, strict)

export const RepresentativeSchema = Type.Object({
  representativeId: Type.String(),
  relation: Enum(REPRESENTATIVE_RELATIONS),
  validFrom: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
  basisDocument: Nullable(Type.String()),
  active: Type.Boolean({ description: 'Whether the representative may act for the subject now' }),
})

export const SubjectViewSchema = Type.Object(
  {
    operatorId: Type.String(),
    subjectId: Type.String(),
    kind: Id,
    status: Enum(SUBJECT_STATUSES),
    relationshipStartedAt: Nullable(DateTime),
    relationshipEndedAt: Nullable(DateTime),
    legalCapacity: Enum(LEGAL_CAPACITIES),
    ageBand: Enum(AGE_BANDS),
    identifierKinds: Type.Array(Enum(IDENTIFIER_KINDS), { description: 'Kinds held, never values' }),
    representatives: Type.Array(RepresentativeSchema),
    represents: Type.Array(Type.Object({ subjectId: Type.String(), relation: Enum(REPRESENTATIVE_RELATIONS) })),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Subject' },
)

export const RegisteredSubjectSchema = Type.Object({ ...SubjectViewSchema.properties, collected: Type.Array(StoredValueSchema) })
