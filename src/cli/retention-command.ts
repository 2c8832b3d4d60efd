import { join } from 'node:path'
import { Command } from 'commander'
import { LocalKeyFileSigner } from '../audit/index.ts'
import { loadConfig } from '../config/index.ts'
import { openDatabase } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { almatyOffsetMinutes, BusinessCalendar, loadCalendarDirectory } from '../kz/index.ts'
import { runRetention, type RunSummary } from '../retention/index.ts'
import { LocalKeyProvider } from '../subjects/crypto/index.ts'

/** The start of a calendar day in Asia/Almaty (`2027-01-01` → 2026-12-31T19:00:00Z). */
function almatyMidnight(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    throw new DerbesError('DERBES_VALIDATION', `--as-of takes a date YYYY-MM-DD, not '${day}'`, [{ pointer: '--as-of', detail: 'not a date' }])
  }
  const utc = new Date(`${day}T00:00:00Z`)
  return new Date(utc.getTime() - almatyOffsetMinutes(utc) * 60_000)
}

/** The summary a person running retention by hand reads: what was due, done, failed, held, and the act. */
export function describeRun(operatorId: string, run: RunSummary, held: number): string {
  const done = run.counts.block + run.counts.anonymise + run.counts.destroy
  const rows: [string, string][] = [
    ['run', `${run.runId} (${run.dryRun ? 'dry run: nothing changed' : 'real'})`],
    ['operator', operatorId],
    ['as of', run.asOf.toISOString()],
    ['status', run.status],
    ['due', String(done + run.counts.failed)],
    [run.dryRun ? 'would do' : 'done', `${done} (block ${run.counts.block}, anonymise ${run.counts.anonymise}, destroy ${run.counts.destroy}) of ${run.counts.subjects} subject(s)`],
    ['failed', `${run.counts.failed}${run.counts.failed > 0 ? ' (kept, retried by the next run)' : ''}`],
    ['held', `${held} subject(s) under a legal hold in force`],
    ['act', run.actId ?? '—'],
  ]
  return rows.map(([k, v]) => `${k.padEnd(9)} ${v}`).join('\n')
}

/**
 * `derbes retention run --operator <id> [--dry-run] [--as-of YYYY-MM-DD]`:
 * one retention run now on the configured database, with the keys and the
 * calendar `serve` uses, as the same partial unique index guards (never two
 * at once). Audited as started by `cli:<user>`. Exits 1 when the run failed
 * or a subject's step failed.
 */
export function retentionCommand(): Command {
  const retention = new Command('retention').description('retention: run the sweep by hand (the schedule runs it nightly in serve)')
  retention
    .command('run')
    .description('block, anonymise and destroy what is due now (or --dry-run: show it and change nothing); prints a summary')
    .requiredOption('--operator <id>', 'the operator')
    .option('--dry-run', 'record what would happen and change nothing else')
    .option('--as-of <date>', 'evaluate as of the start of this day in Asia/Almaty (YYYY-MM-DD); a real run cannot look into the future')
    .option('--json', 'print the run as JSON')
    .action(async (options: { operator: string; dryRun?: boolean; asOf?: string; json?: boolean }, command: Command) => {
      const file = (command.optsWithGlobals() as { config?: string }).config
      const config = loadConfig({ env: process.env, ...(file ? { file } : {}) })
      const dryRun = options.dryRun ?? false
      const asOf = options.asOf === undefined ? undefined : almatyMidnight(options.asOf)
      if (asOf && !dryRun && asOf.getTime() > Date.now()) {
        throw new DerbesError('DERBES_VALIDATION', 'a real run cannot be made as of a future day: it would destroy data before its term ends; add --dry-run to look ahead', [{ pointer: '--as-of', detail: 'in the future' }])
      }
      const calendar = config.calendarDir ? new BusinessCalendar().extend(...(await loadCalendarDirectory(config.calendarDir))) : new BusinessCalendar()
      const keys = new LocalKeyProvider({ directory: config.keysDir })
      const signer = await LocalKeyFileSigner.open(join(config.keysDir, 'audit-signing.pem'))
      const database = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir })
      try {
        const operator = await database.db.selectFrom('operators').select('operator_id').where('operator_id', '=', options.operator).executeTakeFirst()
        if (!operator) throw new DerbesError('DERBES_OPERATOR_NOT_FOUND', `no operator '${options.operator}' in this database`)
        const clock = () => new Date()
        const actor = `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`
        const run = await runRetention({ db: database.db, clock, keys, calendar, signer }, options.operator, { dryRun, actor, ...(asOf ? { asOf } : {}) })
        const at = run.asOf
        const held = await database.db.selectFrom('retention_holds').select((eb) => eb.fn.count<string>('subject_id').distinct().as('n'))
          .where('operator_id', '=', options.operator).where('released_at', 'is', null).where('placed_at', '<=', at)
          .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', at)])).executeTakeFirstOrThrow()
        if (options.json) process.stdout.write(`${JSON.stringify({ operatorId: options.operator, ...run, held: Number(held.n) }, null, 2)}\n`)
        else process.stdout.write(`${describeRun(options.operator, run, Number(held.n))}\n`)
        if (run.status === 'failed' || run.counts.failed > 0) process.exitCode = 1
      } finally {
        await database.close()
      }
    })
  return retention
}
