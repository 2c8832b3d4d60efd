import type { Selectable } from 'kysely'
import type { CompiledPolicy } from '../policy/index.ts'
import type { StaffUsersTable } from './access-tables.ts'
import { isPermission, type Permission } from './permissions.ts'
import { permissionsForRole } from './permissions-for-role.ts'

/** A member of staff as the API shows them: never the password hash or the TOTP secret. */
export interface StaffView {
  staffId: string
  login: string
  displayName: string
  roleId: string
  extraPermissions: Permission[]
  /** What the role in the published policy and the extras allow now. */
  permissions: Permission[]
  active: boolean
  /** `pending`: enrolment started but not confirmed; sign-in asks for a code only at `totp`. */
  secondFactor: 'none' | 'pending' | 'totp'
  lockedUntil: string | null
  createdAt: string
  createdBy: string
  updatedAt: string
}

/** The columns a view needs; the secrets are left in the database. */
export const STAFF_VIEW_COLUMNS = [
  'staff_id', 'login', 'display_name', 'role_id', 'extra_permissions', 'active', 'locked_until',
  'totp_secret', 'totp_confirmed_at', 'created_at', 'created_by', 'updated_at',
] as const

export type StaffViewRow = Pick<Selectable<StaffUsersTable>, (typeof STAFF_VIEW_COLUMNS)[number]>

export function toStaffView(row: StaffViewRow, policy: CompiledPolicy | undefined, now: Date): StaffView {
  const extras = row.extra_permissions.filter(isPermission)
  const permissions = policy ? permissionsForRole(policy, row.role_id, extras) : new Set(extras)
  const locked = row.locked_until && new Date(row.locked_until) > now ? new Date(row.locked_until).toISOString() : null
  return {
    staffId: row.staff_id,
    login: row.login,
    displayName: row.display_name,
    roleId: row.role_id,
    extraPermissions: extras,
    permissions: [...permissions].sort(),
    active: row.active,
    secondFactor: row.totp_confirmed_at ? 'totp' : row.totp_secret ? 'pending' : 'none',
    lockedUntil: locked,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}
