import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import type { IncidentSystem } from './incidents-tables.ts'

type Problem = { pointer: string; detail: string }

/** Throws `DERBES_INCIDENT_CONTENT_INVALID` with every problem found; nothing has been written yet. */
export function throwIfProblems(problems: Problem[], what: string): void {
  if (problems.length > 0) throw new DerbesError('DERBES_INCIDENT_CONTENT_INVALID', `${what} does not fit the operator's policy or data map`, problems)
}

/** Categories and items must be the published policy's (its list, Тізбе). */
export function checkPolicyData(policy: CompiledPolicy, categories: readonly string[], items: readonly string[], pointer: string): Problem[] {
  const problems: Problem[] = []
  categories.forEach((id, i) => {
    if (!policy.categories.has(id)) problems.push({ pointer: `${pointer}/categories/${i}`, detail: `'${id}' is not a category of policy version ${policy.versionId}` })
  })
  items.forEach((id, i) => {
    if (!policy.items.has(id)) problems.push({ pointer: `${pointer}/items/${i}`, detail: `'${id}' is not a data item of policy version ${policy.versionId}` })
  })
  return problems
}

/** A system named by id must be in the operator's data map; one named by free text is taken as given. */
export async function checkSystems(db: Kysely<Database>, operatorId: string, systems: readonly IncidentSystem[], pointer: string): Promise<Problem[]> {
  const ids = systems.flatMap((s) => ('systemId' in s ? [s.systemId] : []))
  if (ids.length === 0) return []
  const known = new Set(
    (await db.selectFrom('systems').select('system_id').where('operator_id', '=', operatorId).where('system_id', 'in', ids).execute()).map((r) => r.system_id),
  )
  const problems: Problem[] = []
  systems.forEach((s, i) => {
    if ('systemId' in s && !known.has(s.systemId)) problems.push({ pointer: `${pointer}/${i}/systemId`, detail: `'${s.systemId}' is not a system of the operator's data map` })
  })
  return problems
}
