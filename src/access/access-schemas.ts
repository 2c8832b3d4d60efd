import { Type } from '@sinclair/typebox'
import { PERMISSIONS } from './permissions.ts'

const OPERATOR_ID = '^[a-z][a-z0-9-]{0,63}$'
export const OperatorIdParam = Type.Object({ operatorId: Type.String({ pattern: OPERATOR_ID }) })
export const StaffIdParams = Type.Object({ operatorId: Type.String({ pattern: OPERATOR_ID }), staffId: Type.String({ pattern: '^[a-z0-9]{1,64}$' }) })
export const KeyIdParams = Type.Object({ operatorId: Type.String({ pattern: OPERATOR_ID }), keyId: Type.String({ pattern: '^[a-z0-9]{16}$' }) })

export const PermissionSchema = Type.Unsafe<(typeof PERMISSIONS)[number]>({ type: 'string', enum: [...PERMISSIONS] })
const Instant = Type.String({ format: 'date-time' })
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])
const TotpCode = Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code the authenticator app shows now' })
export const problem = { $ref: 'Problem#' }

export const StaffViewSchema = Type.Object(
  {
    staffId: Type.String(),
    login: Type.String(),
    displayName: Type.String(),
    roleId: Type.String({ description: "A role of the operator's policy (access.roles)" }),
    extraPermissions: Type.Array(PermissionSchema),
    permissions: Type.Array(PermissionSchema, { description: "What the role's actions and the extras allow now" }),
    active: Type.Boolean(),
    secondFactor: Type.Union([Type.Literal('none'), Type.Literal('pending'), Type.Literal('totp')]),
    lockedUntil: Nullable(Instant),
    createdAt: Instant,
    createdBy: Type.String(),
    updatedAt: Instant,
  },
  { $id: 'StaffView' },
)

export const ApiKeyViewSchema = Type.Object(
  {
    keyId: Type.String(),
    name: Type.String(),
    permissions: Type.Array(Type.String()),
    roleId: Nullable(Type.String()),
    createdAt: Instant,
    createdBy: Type.String(),
    expiresAt: Nullable(Instant),
    revokedAt: Nullable(Instant),
  },
  { $id: 'ApiKeyView' },
)

export const SessionStateSchema = Type.Union([Type.Literal('active'), Type.Literal('second_factor_pending')])

export const SignInBody = Type.Object(
  {
    login: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    code: Type.Optional(TotpCode),
  },
  { additionalProperties: false },
)

export const CodeBody = Type.Object({ code: TotpCode }, { additionalProperties: false })

export const NewStaffBody = Type.Object(
  {
    login: Type.String({ minLength: 1, maxLength: 100 }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    password: Type.String({ minLength: 10, maxLength: 256 }),
    roleId: Type.String({ minLength: 1, maxLength: 64 }),
    extraPermissions: Type.Optional(Type.Array(PermissionSchema, { uniqueItems: true })),
  },
  { additionalProperties: false },
)

export const StaffPatchBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    password: Type.Optional(Type.String({ minLength: 10, maxLength: 256 })),
    roleId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    extraPermissions: Type.Optional(Type.Array(PermissionSchema, { uniqueItems: true })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
)

export const NewApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    permissions: Type.Array(PermissionSchema, { minItems: 1, uniqueItems: true }),
    roleId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Limits the data items the key reads to the categories of this policy role' })),
    expiresAt: Type.Optional(Instant),
  },
  { additionalProperties: false },
)

export const ACCESS_SCHEMAS = [StaffViewSchema, ApiKeyViewSchema]
