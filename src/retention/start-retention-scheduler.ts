import { createRequire } from 'node:module'
import { CompiledQuery, sql } from 'kysely'
import type PgBossType from 'pg-boss'
import type { JobLog } from '../jobs/index.ts'
import type { RetentionDeps } from './retention-deps.ts'
import { runRetention, type FindDue } from './run-retention.ts'

const require = createRequire(import.meta.url)
const PgBoss = require('pg-boss') as typeof PgBossType

/** The nightly sweep: one job that starts one run job per operator. */
export const SWEEP_QUEUE = 'derbes-retention-sweep'
/** One operator's run; its singleton key is the operator id. */
export const RUN_QUEUE = 'derbes-retention-run'
/** 02:30 every night, Asia/Almaty time: after the day's work, before the next. */
export const DEFAULT_RETENTION_CRON = '30 2 * * *'
export const RETENTION_TIME_ZONE = 'Asia/Almaty'
/** Sweeps asked for within one such slot are one sweep. */
const SWEEP_SLOT_SECONDS = 60

export interface RetentionSchedulerOptions {
  /** A cron expression in Asia/Almaty time; DEFAULT_RETENTION_CRON when absent. */
  cron?: string
  /** false: no schedule is installed (runs only when `sweepNow` is called). */
  schedule?: boolean
  pollingIntervalSeconds?: number
  findDue?: FindDue
}

export interface RetentionScheduler {
  /** Queues a sweep now (what the cron does every night); a sweep asked for within the same minute, by any process, is the same sweep. */
  sweepNow(): Promise<void>
  /** Queues a run of one operator unless one is queued or running already; false when it was not queued. */
  queueRun(operatorId: string): Promise<boolean>
  stop(): Promise<void>
}

/**
 * The retention scheduler (issue 5 §2) on pg-boss 10, in Derbes' own database
 * — PostgreSQL or PGlite, whose tables migration 210 installed — through
 * Kysely (`db.executeSql`), so PGlite's single connection is shared safely.
 * A cron schedule (stored once, whichever process installs it; pg-boss's
 * clock sends each tick once across processes) queues a sweep; the sweep
 * queues one run per operator with a published policy. Both queues are
 * `stately` with the operator as singleton key: at most one run of an
 * operator queued and one active, so several Derbes processes never
 * double-execute one, and `retention_runs_one_running` refuses a second run
 * at the database too.
 *
 * @example
 * const scheduler = await startRetentionScheduler({ db, clock, keys, calendar, signer, log: app.log })
 * await scheduler.stop()
 */
export async function startRetentionScheduler(deps: RetentionDeps & { log: JobLog }, options: RetentionSchedulerOptions = {}): Promise<RetentionScheduler> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(deps.db)
  const db = {
    async executeSql(text: string, values: unknown[] = []) {
      const result = await deps.db.executeQuery(CompiledQuery.raw(text, values))
      return { rows: result.rows as unknown[] }
    },
  }
  const boss = new PgBoss({ db, schema: rows[0]!.schema, schedule: options.schedule ?? true, supervise: true })
  boss.on('error', (err) => deps.log.error({ err, job: 'retention scheduler' }, 'the retention scheduler failed; pg-boss goes on'))
  await boss.start()
  await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: 'stately' })
  await boss.createQueue(RUN_QUEUE, { name: RUN_QUEUE, policy: 'stately', retryLimit: 3, retryDelay: 300 })
  if (options.schedule ?? true) await boss.schedule(SWEEP_QUEUE, options.cron ?? DEFAULT_RETENTION_CRON, {}, { tz: RETENTION_TIME_ZONE, singletonKey: 'sweep' })
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 }
  const queueRun = async (operatorId: string) => (await boss.send(RUN_QUEUE, { operatorId }, { singletonKey: operatorId })) !== null
  await boss.work(SWEEP_QUEUE, polling, async () => {
    const operators = await deps.db.selectFrom('operators').select('operator_id').where('published_version_id', 'is not', null).orderBy('operator_id').execute()
    for (const o of operators) await queueRun(o.operator_id)
  })
  await boss.work<{ operatorId: string }>(RUN_QUEUE, polling, async ([job]) => {
    await runRetention(deps, job!.data.operatorId, { dryRun: false, actor: 'schedule', ...(options.findDue ? { findDue: options.findDue } : {}) })
  })
  return {
    async sweepNow() {
      // One sweep a minute, queued, running or done: a stately queue alone lets a second request in while the
      // first runs, and that sweep would queue every operator's run again once the first runs had finished.
      await boss.send(SWEEP_QUEUE, {}, { singletonKey: 'sweep', singletonSeconds: SWEEP_SLOT_SECONDS })
    },
    queueRun,
    async stop() {
      await boss.stop({ graceful: true, wait: true, close: false })
    },
  }
}
