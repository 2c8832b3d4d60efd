import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { createStaff } from './create-staff.ts'
import { issueAuditedApiKey } from './manage-api-keys.ts'
import { PERMISSIONS } from './permissions.ts'

/** The demo administrator `npm start` creates. Documented, hence public: never use it beyond a demo on your own machine. */
export const DEMO_LOGIN = 'admin'
export const DEMO_PASSWORD = 'derbes-demo'
const DEMO_ACTOR = 'derbes demo'

/**
 * Makes sure the operator has the demo administrator: login `admin`,
 * password `derbes-demo`, the first role of the published policy and every
 * permission. Idempotent: an existing `admin` is left as it is (its password
 * may have been changed since). When it creates the administrator it also
 * issues a demo API key with every permission and returns its token — once.
 *
 * @example
 * const demo = await ensureDemoAccess({ db, clock }, 'ttc')
 * // sign in: POST /v1/operators/ttc/sessions {"login":"admin","password":"derbes-demo"}
 */
export async function ensureDemoAccess(
  deps: { db: Kysely<Database>; clock: () => Date },
  operatorId: string,
): Promise<{ login: string; password: string; apiKey?: string; created: boolean }> {
  const existing = await deps.db.selectFrom('staff_users').select('staff_id').where('operator_id', '=', operatorId).where('login', '=', DEMO_LOGIN).executeTakeFirst()
  if (existing) return { login: DEMO_LOGIN, password: DEMO_PASSWORD, created: false }
  const role = (await getPublishedVersion(deps, operatorId)).compiled.document.access.roles[0]!
  try {
    await createStaff(deps, {
      operatorId,
      login: DEMO_LOGIN,
      displayName: 'Demo administrator',
      password: DEMO_PASSWORD,
      roleId: role.id,
      extraPermissions: PERMISSIONS,
      createdBy: DEMO_ACTOR,
    })
  } catch (error) {
    // Another process created it a moment ago: same result.
    if (error instanceof DerbesError && error.code === 'DERBES_STAFF_LOGIN_TAKEN') return { login: DEMO_LOGIN, password: DEMO_PASSWORD, created: false }
    throw error
  }
  const { token } = await issueAuditedApiKey(deps, { operatorId, name: 'demo', permissions: PERMISSIONS, roleId: role.id, createdBy: DEMO_ACTOR })
  return { login: DEMO_LOGIN, password: DEMO_PASSWORD, apiKey: token, created: true }
}
