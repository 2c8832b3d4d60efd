import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError, type FieldProblem } from '../errors/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.ts'
import { isPermission, type Permission } from './permissions.ts'
import { recordAccessChange } from './record-access-change.ts'
import { STAFF_VIEW_COLUMNS, toStaffView, type StaffView } from './staff-view.ts'

export interface StaffRequest {
  operatorId: string
  login: string
  displayName?: string
  password: string
  /** A role of the operator's published policy (`access.roles[].id`). */
  roleId: string
  /** Beyond the role: `staff:manage`, `audit:read` … for an administrator. */
  extraPermissions?: readonly string[]
  /** Who adds them, as the audit log names actors: `staff:<id>`, `api_key:<id>`, `cli:<user>`. */
  createdBy: string
}

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,99}$/

/** Logins compare case-insensitively: `A.Nurlanova` and `a.nurlanova` are one person. */
export const normaliseLogin = (login: string) => login.trim().toLowerCase()

/**
 * Adds a member of staff with a role from the operator's published policy.
 * The password is stored only as an argon2id hash. Checked in full before
 * anything is written; the audit entry is written in the same transaction.
 *
 * @example
 * await createStaff({ db, clock }, { operatorId: 'ttc', login: 'a.nurlanova', password, roleId: 'branch-staff', createdBy: 'staff:x1' })
 */
export async function createStaff(deps: { db: Kysely<Database>; clock: () => Date }, request: StaffRequest): Promise<StaffView> {
  const { compiled: policy } = await getPublishedVersion(deps, request.operatorId)
  const login = normaliseLogin(request.login)
  const extras = checkStaffFields(policy, { login, password: request.password, roleId: request.roleId, extraPermissions: request.extraPermissions ?? [] })
  const passwordHash = await hashPassword(request.password)
  const now = deps.clock()
  const staffId = randomBytes(8).toString('hex')
  try {
    const row = await deps.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('staff_users')
        .values({
          operator_id: request.operatorId,
          staff_id: staffId,
          login,
          display_name: request.displayName?.trim() || login,
          password_hash: passwordHash,
          role_id: request.roleId,
          extra_permissions: JSON.stringify(extras),
          created_at: now,
          created_by: request.createdBy,
          updated_at: now,
        })
        .returning([...STAFF_VIEW_COLUMNS])
        .executeTakeFirstOrThrow()
      await recordAccessChange(trx, request.operatorId, request.createdBy, now, { change: 'staff_added', staffId, roleId: request.roleId, extraPermissions: extras })
      return inserted
    })
    return toStaffView(row, policy, now)
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505') {
      throw new DerbesError('DERBES_STAFF_LOGIN_TAKEN', `operator '${request.operatorId}' already has staff with the login '${login}'`, [{ pointer: '/body/login', detail: 'taken' }])
    }
    throw error
  }
}

/**
 * Checks the fields a staff record is made of; returns the extra
 * permissions, deduplicated. Fields absent from `fields` are not checked.
 */
export function checkStaffFields(
  policy: CompiledPolicy,
  fields: { login?: string; password?: string; roleId?: string; extraPermissions?: readonly string[] },
): Permission[] {
  const problems: FieldProblem[] = []
  if (fields.login !== undefined && !LOGIN_PATTERN.test(fields.login)) {
    problems.push({ pointer: '/body/login', detail: 'letters a–z, digits and . _ @ -, starting with a letter or digit, at most 100' })
  }
  if (fields.password !== undefined && (fields.password.length < PASSWORD_MIN_LENGTH || fields.password.length > PASSWORD_MAX_LENGTH)) {
    problems.push({ pointer: '/body/password', detail: `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters` })
  }
  const roles = policy.document.access.roles.map((r) => r.id)
  if (fields.roleId !== undefined && !roles.includes(fields.roleId)) {
    problems.push({ pointer: '/body/roleId', detail: `not a role of the published policy: one of ${roles.join(', ')}` })
  }
  const extras = fields.extraPermissions ?? []
  extras.forEach((p, i) => {
    if (!isPermission(p)) problems.push({ pointer: `/body/extraPermissions/${i}`, detail: `'${p}' is not a permission` })
  })
  if (problems.length > 0) throw new DerbesError('DERBES_VALIDATION', `${problems.length} field(s) are not valid`, problems)
  return [...new Set(extras.filter(isPermission))]
}
