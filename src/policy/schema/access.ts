import { Type, type Static } from '@sinclair/typebox'
import { Clauses, Enum, Id, LocalizedText, Strict } from './common.ts'

/** The grounds on which a member of staff may open personal data (TTC-7.2). */
export const ACCESS_BASES = ['job_duties', 'covering_by_memo', 'management_order', 'assigned_task', 'contractor'] as const
export type AccessBasis = (typeof ACCESS_BASES)[number]

export const ACCESS_ACTIONS = ['read', 'write', 'export', 'block', 'destroy'] as const
export type AccessAction = (typeof ACCESS_ACTIONS)[number]

export const AccessRole = Strict({
  id: Id,
  name: LocalizedText,
  categories: Type.Array(Id, { minItems: 1, uniqueItems: true }),
  purposes: Type.Optional(Type.Array(Id, { uniqueItems: true })),
  actions: Type.Array(Enum(ACCESS_ACTIONS), { minItems: 1, uniqueItems: true }),
})

export const Access = Strict({
  bases: Type.Array(Enum(ACCESS_BASES), { minItems: 1, uniqueItems: true }),
  roles: Type.Array(AccessRole, { minItems: 1 }),
  /** Access is limited to what the task needs (TTC-7.1). */
  minimumNecessary: Type.Boolean(),
  /** Unauthorised access is monitored (TW-7.1). */
  monitored: Type.Optional(Type.Boolean()),
  clauses: Clauses(),
})
export type Access = Static<typeof Access>
