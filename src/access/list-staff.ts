import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import { STAFF_VIEW_COLUMNS, toStaffView, type StaffView } from './staff-view.ts'

type Deps = { db: Kysely<Database>; clock: () => Date }

/** The operator's staff, by login. */
export async function listStaff(deps: Deps, operatorId: string): Promise<StaffView[]> {
  const policy = await publishedPolicy(deps, operatorId)
  const rows = await deps.db.selectFrom('staff_users').select([...STAFF_VIEW_COLUMNS]).where('operator_id', '=', operatorId).orderBy('login').execute()
  const now = deps.clock()
  return rows.map((row) => toStaffView(row, policy, now))
}

/** One member of staff; `DERBES_NOT_FOUND` for an id of another operator too. */
export async function getStaff(deps: Deps, operatorId: string, staffId: string): Promise<StaffView> {
  const row = await deps.db
    .selectFrom('staff_users')
    .select([...STAFF_VIEW_COLUMNS])
    .where('operator_id', '=', operatorId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_NOT_FOUND', `no staff user '${staffId}' in operator '${operatorId}'`)
  return toStaffView(row, await publishedPolicy(deps, operatorId), deps.clock())
}

async function publishedPolicy(deps: Deps, operatorId: string): Promise<CompiledPolicy | undefined> {
  try {
    return (await getPublishedVersion(deps, operatorId)).compiled
  } catch (error) {
    if ((error as { code?: string }).code === 'DERBES_POLICY_NOT_PUBLISHED') return undefined
    throw error
  }
}
