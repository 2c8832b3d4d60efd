import { Type } from '@sinclair/typebox'
import { Enum } from '../policy/index.ts'
import { LOCATOR_KINDS, MASKING_STRATEGIES, SYSTEM_KINDS } from './system-map.ts'

const strict = { additionalProperties: false } as const
const Name = Type.String({ minLength: 1, maxLength: 64 })

export const OperatorParams = Type.Object({ operatorId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }) })
export const SystemParams = Type.Object({ ...OperatorParams.properties, systemId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }) })

// Identifier kinds and masking strategies are plain strings here and checked by the module, so every
// caller gets the same problem (with its pointer and the list of allowed values), not only HTTP callers.
const Masking = Type.Object(
  {
    strategy: Type.String({ description: MASKING_STRATEGIES.join(' | ') }),
    value: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Number()], { description: '`fixed`: the value every row gets' })),
    length: Type.Optional(Type.Integer({ description: '`hash`: hex digits kept, 8–64 (64 by default)' })),
    keepStart: Type.Optional(Type.Integer({ description: '`redact`: leading letters/digits kept (1 by default)' })),
    keepEnd: Type.Optional(Type.Integer({ description: '`redact`: trailing letters/digits kept (2 by default)' })),
  },
  strict,
)

const Column = Type.Object(
  {
    name: Name,
    itemId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "A data item of the operator's published policy" })),
    identifies: Type.Optional(Type.String({ description: `The identifier the column holds: ${LOCATOR_KINDS.join(' | ')}` })),
    masking: Type.Optional(Masking),
  },
  strict,
)

const Table = Type.Object({ name: Name, columns: Type.Array(Column, { maxItems: 200 }) }, strict)
const End = Type.Object({ table: Name, column: Name }, strict)
const Relation = Type.Object({ child: End, parent: End }, { ...strict, description: 'child.column holds a key of parent.column' })

const Connection = Type.Object(
  {
    url: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'postgres:// or mysql:// with the password; sealed, shown redacted' })),
    schema: Type.Optional(Type.String({ minLength: 1, maxLength: 63, description: 'PostgreSQL: the schema of the tables (public)' })),
    statementTimeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 600_000 })),
    poolSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    baseUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'HTTP: actions are posted to <baseUrl>/<action>' })),
    token: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description: 'HTTP: the bearer token; sealed, never shown' })),
    signingSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'HTTP: a whsec_ secret to sign each call with (Standard Webhooks); sealed' })),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 600_000 })),
  },
  strict,
)

const mapFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: Enum(SYSTEM_KINDS),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  connection: Connection,
  tables: Type.Array(Table, { maxItems: 200 }),
  relations: Type.Optional(Type.Array(Relation, { maxItems: 400 })),
}

export const CreateSystemBody = Type.Object({ systemId: SystemParams.properties.systemId, ...mapFields }, strict)
export const UpdateSystemBody = Type.Object(mapFields, { ...strict, description: 'The whole system; a connection secret left out keeps the sealed one' })

const ConnectionView = Type.Object({
  url: Type.Optional(Type.String()),
  schema: Type.Optional(Type.String()),
  statementTimeoutMs: Type.Optional(Type.Integer()),
  poolSize: Type.Optional(Type.Integer()),
  baseUrl: Type.Optional(Type.String()),
  timeoutMs: Type.Optional(Type.Integer()),
  secret: Enum(['sealed', 'none'] as const),
  token: Type.Optional(Type.Literal('***')),
  signingSecret: Type.Optional(Type.Literal('***')),
})

export const SystemView = Type.Object({
  systemId: Type.String(),
  name: Type.String(),
  kind: Enum(SYSTEM_KINDS),
  description: Type.Union([Type.String(), Type.Null()]),
  connection: ConnectionView,
  tables: Type.Array(Table),
  relations: Type.Array(Relation),
  items: Type.Array(Type.String(), { description: 'Every policy item the system holds' }),
  identifiers: Type.Array(Type.String(), { description: 'The identifier kinds it finds a subject by' }),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.String(),
})

const Finding = Type.Object({ pointer: Type.String(), detail: Type.String() })
export const TestReport = Type.Object({
  systemId: Type.String(),
  testedAt: Type.String({ format: 'date-time' }),
  ok: Type.Boolean(),
  problems: Type.Array(Finding),
  warnings: Type.Array(Finding),
})
