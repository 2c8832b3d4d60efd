import { Type } from '@sinclair/typebox'
import { LocalizedText } from '../policy/index.ts'

export const OperatorIdParam = Type.Object({ operatorId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }) })
export const VersionParams = Type.Object({
  operatorId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }),
  versionId: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' }),
})

export const OperatorSummarySchema = Type.Object(
  {
    operatorId: Type.String(),
    name: LocalizedText,
    bin: Type.Union([Type.String(), Type.Null()]),
    publishedVersionId: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'OperatorSummary' },
)

export const VersionViewSchema = Type.Object(
  {
    operatorId: Type.String(),
    versionId: Type.String(),
    state: Type.Union([Type.Literal('draft'), Type.Literal('approved'), Type.Literal('published'), Type.Literal('superseded')]),
    hash: Type.String({ description: 'SHA-256 of the canonical JSON of the document' }),
    uploadedAt: Type.String({ format: 'date-time' }),
    uploadedBy: Type.String(),
    approval: Type.Union([
      Type.Object({ by: Type.String(), order: Type.String(), at: Type.String({ format: 'date-time' }) }),
      Type.Null(),
    ]),
    published: Type.Union([Type.Object({ at: Type.String({ format: 'date-time' }), by: Type.String() }), Type.Null()]),
  },
  { $id: 'PolicyVersion' },
)

export const ApprovalBody = Type.Object(
  {
    approvedBy: Type.String({ minLength: 1, maxLength: 300, description: 'Name and position of who approved' }),
    order: Type.String({ minLength: 1, maxLength: 300, description: 'The order or decision (TTC-3.7)' }),
    approvedAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
)

export const PublishBody = Type.Object(
  { publishedBy: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'Who publishes, when it is not the holder of the credentials (an official named in the order); the credentials’ holder otherwise' })) },
  { additionalProperties: false },
)

/** The document is free-form here: the policy schema itself is published at /v1/policy-schema. */
export const PolicyDocumentRef = Type.Object({}, { additionalProperties: true, description: 'A policy document (see /v1/policy-schema)' })
