import { sql, type RawBuilder } from 'kysely'
import type { TaskAction, TaskTarget } from '../request-kinds.ts'

/**
 * The order a request's tasks run in; a task is leased only when every task
 * of a lower stage is done. 0: the consent ledger — a withdrawal refused
 * while an obligation is open (TTC-9.1) must stop what follows it. 1: exports,
 * corrections, blocks, the connected systems and staff tasks — the systems
 * are found through identifiers the vault still holds. 2: anonymising or
 * destroying the vault, which shreds those identifiers. 3: telling the
 * recipients (TW-9.4), once the change they are told of has happened.
 */
export function taskStage(target: TaskTarget, action: TaskAction): number {
  if (target === 'ledger') return 0
  if (target === 'recipients') return 3
  if (target === 'vault' && (action === 'anonymise' || action === 'delete')) return 2
  return 1
}

/** {@link taskStage} in SQL, over a `request_tasks` row aliased `alias`. */
export function taskStageSql(alias: string): RawBuilder<number> {
  const t = sql.ref(`${alias}.target`)
  const a = sql.ref(`${alias}.action`)
  return sql<number>`(case when ${t} = 'ledger' then 0 when ${t} = 'recipients' then 3 when ${t} = 'vault' and ${a} in ('anonymise', 'delete') then 2 else 1 end)`
}
