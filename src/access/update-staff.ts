import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { checkStaffFields } from './create-staff.ts'
import { forgetCredentials } from './credential-cache.ts'
import { hashPassword } from './passwords.ts'
import { recordAccessChange } from './record-access-change.ts'
import { STAFF_VIEW_COLUMNS, toStaffView, type StaffView } from './staff-view.ts'

export interface StaffPatch {
  displayName?: string
  roleId?: string
  extraPermissions?: readonly string[]
  active?: boolean
  /** A new password set by an administrator; it also lifts a lockout. */
  password?: string
}

/**
 * Changes a member of staff. Disabling them or setting a new password ends
 * every session they have; a new role or new extras apply to their live
 * sessions at once (permissions are read from the policy on each check).
 *
 * @example
 * await updateStaff({ db, clock }, 'ttc', staffId, { active: false }, 'staff:admin1')
 */
export async function updateStaff(deps: { db: Kysely<Database>; clock: () => Date }, operatorId: string, staffId: string, patch: StaffPatch, actor: string): Promise<StaffView> {
  const { compiled: policy } = await getPublishedVersion(deps, operatorId)
  const extras = checkStaffFields(policy, {
    ...(patch.password !== undefined ? { password: patch.password } : {}),
    ...(patch.roleId !== undefined ? { roleId: patch.roleId } : {}),
    ...(patch.extraPermissions !== undefined ? { extraPermissions: patch.extraPermissions } : {}),
  })
  const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined
  const now = deps.clock()
  const endSessions = patch.active === false || passwordHash !== undefined
  const fields = Object.keys(patch).filter((k) => patch[k as keyof StaffPatch] !== undefined)
  const row = await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('staff_users')
      .set({
        updated_at: now,
        ...(patch.displayName !== undefined ? { display_name: patch.displayName.trim() } : {}),
        ...(patch.roleId !== undefined ? { role_id: patch.roleId } : {}),
        ...(patch.extraPermissions !== undefined ? { extra_permissions: JSON.stringify(extras) } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(passwordHash !== undefined || patch.active === true ? { failed_logins: 0, locked_until: null } : {}),
        ...(passwordHash !== undefined ? { password_hash: passwordHash } : {}),
      })
      .where('operator_id', '=', operatorId)
      .where('staff_id', '=', staffId)
      .returning([...STAFF_VIEW_COLUMNS])
      .executeTakeFirst()
    if (!updated) throw new DerbesError('DERBES_NOT_FOUND', `no staff user '${staffId}' in operator '${operatorId}'`)
    if (endSessions) {
      await trx.updateTable('staff_sessions').set({ ended_at: now }).where('operator_id', '=', operatorId).where('staff_id', '=', staffId).where('ended_at', 'is', null).execute()
    }
    await recordAccessChange(trx, operatorId, actor, now, {
      change: 'staff_changed',
      staffId,
      fields,
      roleId: updated.role_id,
      extraPermissions: updated.extra_permissions,
      active: updated.active,
    })
    return updated
  })
  // Permissions are read per check, so any change must drop cached principals, not only an ending.
  forgetCredentials({ operatorId, kind: 'staff', id: staffId })
  return toStaffView(row, policy, now)
}
