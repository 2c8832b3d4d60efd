import { DerbesError } from '../errors/index.ts'
import { cursorOf, jsonOf, pageLimit, parseCursor } from './page-cursor.ts'
import type { RetentionDeps } from './retention-deps.ts'
import type { RunCounts, RunItemStatus, RunStatus, SystemOutcome } from './retention-run-tables.ts'

/** A run as the console sees it. */
export interface RunView {
  runId: string
  asOf: string
  dryRun: boolean
  status: RunStatus
  startedAt: string
  finishedAt: string | null
  startedBy: string
  bySchedule: boolean
  counts: RunCounts
  error: string | null
  /** The destruction act the run made, if it anonymised or destroyed anything. */
  actId: string | null
}

/** One due step of one subject in a run: ids, rule, clauses and outcomes — never a value. */
export interface RunItemView {
  itemNo: number
  subjectId: string
  ruleId: string
  step: string
  trigger: string
  triggeredAt: string
  dueAt: string
  itemIds: string[] | null
  clauses: string[]
  systems: SystemOutcome[]
  status: RunItemStatus
  error: string | null
}

const iso = (at: Date | string) => new Date(at).toISOString()
const EMPTY_COUNTS: RunCounts = { subjects: 0, block: 0, anonymise: 0, destroy: 0, failed: 0 }

/**
 * The operator's retention runs, newest first, a page at a time (keyset on
 * start time and run id), each with the act it made.
 *
 * @example
 * const { runs, next } = await listRetentionRuns(deps, 'tw', { limit: 20 })
 */
export async function listRetentionRuns(deps: Pick<RetentionDeps, 'db'>, operatorId: string, query: { limit?: number; after?: string } = {}): Promise<{ runs: RunView[]; next: string | null }> {
  const limit = pageLimit(query.limit)
  const cursor = parseCursor(query.after)
  let q = deps.db.selectFrom('retention_runs as r')
    .leftJoin('retention_acts as a', (join) => join.onRef('a.operator_id', '=', 'r.operator_id').onRef('a.run_id', '=', 'r.run_id'))
    .selectAll('r').select('a.act_id')
    .where('r.operator_id', '=', operatorId)
  if (cursor) q = q.where((eb) => eb.or([eb('r.started_at', '<', cursor[0]), eb.and([eb('r.started_at', '=', cursor[0]), eb('r.run_id', '<', cursor[1])])]))
  const rows = await q.orderBy('r.started_at', 'desc').orderBy('r.run_id', 'desc').limit(limit + 1).execute()
  const runs = rows.slice(0, limit).map(runView)
  const last = rows.length > limit ? rows[limit - 1] : undefined
  return { runs, next: last ? cursorOf(new Date(last.started_at), last.run_id) : null }
}

/**
 * One run with its items in order, a page at a time (`after` is the last
 * item number seen). DERBES_RETENTION_RUN_NOT_FOUND for another operator's.
 */
export async function getRetentionRun(deps: Pick<RetentionDeps, 'db'>, operatorId: string, runId: string, query: { limit?: number; after?: number } = {}): Promise<RunView & { items: RunItemView[]; next: number | null }> {
  const row = await deps.db.selectFrom('retention_runs as r')
    .leftJoin('retention_acts as a', (join) => join.onRef('a.operator_id', '=', 'r.operator_id').onRef('a.run_id', '=', 'r.run_id'))
    .selectAll('r').select('a.act_id')
    .where('r.operator_id', '=', operatorId).where('r.run_id', '=', runId).executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_RETENTION_RUN_NOT_FOUND', `operator '${operatorId}' has no retention run '${runId}'`)
  const limit = pageLimit(query.limit, 100)
  const items = await deps.db.selectFrom('retention_run_items').selectAll()
    .where('operator_id', '=', operatorId).where('run_id', '=', runId).where('item_no', '>', query.after ?? 0)
    .orderBy('item_no').limit(limit + 1).execute()
  const page = items.slice(0, limit).map((i): RunItemView => ({
    itemNo: i.item_no,
    subjectId: i.subject_id,
    ruleId: i.rule_id,
    step: i.step,
    trigger: i.trigger,
    triggeredAt: iso(i.triggered_at),
    dueAt: iso(i.due_at),
    itemIds: jsonOf<string[] | null>(i.item_ids),
    clauses: jsonOf<string[]>(i.clauses),
    systems: jsonOf<SystemOutcome[]>(i.systems),
    status: i.status,
    error: i.error,
  }))
  return { ...runView(row), items: page, next: items.length > limit ? page.at(-1)!.itemNo : null }
}

function runView(r: { run_id: string; as_of: Date; dry_run: boolean; status: RunStatus; started_at: Date; finished_at: Date | null; started_by: string; by_schedule: boolean; counts: unknown; error: string | null; act_id: string | null }): RunView {
  return {
    runId: r.run_id,
    asOf: iso(r.as_of),
    dryRun: r.dry_run,
    status: r.status,
    startedAt: iso(r.started_at),
    finishedAt: r.finished_at === null ? null : iso(r.finished_at),
    startedBy: r.started_by,
    bySchedule: r.by_schedule,
    counts: { ...EMPTY_COUNTS, ...jsonOf<Partial<RunCounts>>(r.counts) },
    error: r.error,
    actId: r.act_id,
  }
}
