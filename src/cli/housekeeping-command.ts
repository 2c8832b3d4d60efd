import { Command } from 'commander'
import { loadConfig } from '../config/index.ts'
import { openDatabase } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { housekeepingPeriods, PRUNABLE_KINDS, runHousekeeping, type HousekeepingOutcome } from '../housekeeping/index.ts'

/** One line per operator and a column per kind: what a person running it by hand reads. */
export function describeHousekeeping(outcomes: readonly HousekeepingOutcome[], dryRun: boolean): string {
  const header = ['operator', ...PRUNABLE_KINDS, 'total']
  const rows = outcomes.map((o) => [o.operatorId, ...PRUNABLE_KINDS.map((k) => String(o.counts[k])), String(o.total)])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  const total = outcomes.reduce((sum, o) => sum + o.total, 0)
  return [dryRun ? 'dry run: nothing changed; these would be removed' : 'removed', line(header), ...rows.map(line), `${total} row(s) in all`].join('\n')
}

/**
 * `derbes housekeeping run [--operator <id>…] [--dry-run] [--json]`: the pass
 * `serve` makes daily, now, with the configured periods
 * (`housekeeping*Days`). Audited per operator as `cli:<user>`.
 */
export function housekeepingCommand(): Command {
  const housekeeping = new Command('housekeeping').description('remove sessions, one-time codes, service mail and events past keeping (serve does it daily)')
  housekeeping
    .command('run')
    .description('remove what is past keeping now (or --dry-run: count it and change nothing)')
    .option('--operator <id...>', 'only these operators (default: all)')
    .option('--dry-run', 'count what would be removed and change nothing')
    .option('--json', 'print the outcome as JSON')
    .action(async (options: { operator?: string[]; dryRun?: boolean; json?: boolean }, command: Command) => {
      const file = (command.optsWithGlobals() as { config?: string }).config
      const config = loadConfig({ env: process.env, ...(file ? { file } : {}) })
      const database = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir })
      try {
        for (const id of options.operator ?? []) {
          const known = await database.db.selectFrom('operators').select('operator_id').where('operator_id', '=', id).executeTakeFirst()
          if (!known) throw new DerbesError('DERBES_OPERATOR_NOT_FOUND', `no operator '${id}' in this database`, [{ pointer: '--operator', detail: 'unknown operator' }])
        }
        const dryRun = options.dryRun ?? false
        const actor = `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`
        const { outcomes, failures } = await runHousekeeping({ db: database.db, clock: () => new Date() }, housekeepingPeriods(config), {
          actor,
          dryRun,
          ...(options.operator ? { operatorIds: options.operator } : {}),
        })
        if (options.json) process.stdout.write(`${JSON.stringify({ dryRun, outcomes, failures: failures.map((f) => ({ operatorId: f.operatorId, error: String(f.error) })) }, null, 2)}\n`)
        else process.stdout.write(`${describeHousekeeping(outcomes, dryRun)}\n`)
        for (const f of failures) process.stderr.write(`derbes: housekeeping failed for '${f.operatorId}': ${String(f.error)}\n`)
        if (failures.length > 0) process.exitCode = 1
      } finally {
        await database.close()
      }
    })
  return housekeeping
}
