#!/usr/bin/env node
import { Command, Option } from 'commander'
import { loadConfig } from '../config/index.ts'
import { migrateToLatest, openDatabase } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { BusinessCalendar, loadCalendarDirectory } from '../kz/index.ts'
import { accessCommand } from './access-command.ts'
import { adminCommand } from './admin-command.ts'
import { auditCommand } from './audit-command.ts'
import { housekeepingCommand } from './housekeeping-command.ts'
import { keysCommand } from './keys-command.ts'
import { policyCommand } from './policy-command.ts'
import { retentionCommand } from './retention-command.ts'
import { scanCommand } from './scan-command.ts'
import { serve } from './serve.ts'

const program = new Command('derbes')
  .description('Derbes — personal-data processing under Law No. 94-V, run from policy as code')
  .option('-c, --config <file>', 'a YAML or JSON configuration file (or DERBES_CONFIG)')
  .showHelpAfterError()

const configFrom = (overrides: Record<string, unknown> = {}) =>
  loadConfig({ env: process.env, ...(program.opts().config ? { file: program.opts().config as string } : {}), overrides })

program
  .command('serve')
  .description('serve the API, the console and the public notices')
  .option('--seed', 'load and publish the policies in the policies directory (the five seed operators)')
  .addOption(new Option('-p, --port <port>', 'port to listen on').argParser(Number))
  .action(async (options: { seed?: boolean; port?: number }) => {
    await serve(configFrom(options.port !== undefined ? { port: options.port } : {}), { seed: options.seed ?? false })
  })

program
  .command('migrate')
  .description('bring the database schema to the newest migration')
  .action(async () => {
    const config = configFrom()
    const database = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir })
    try {
      const result = await migrateToLatest(database.db)
      for (const r of result.results ?? []) process.stdout.write(`${r.status.padEnd(8)} ${r.migrationName}\n`)
      if ((result.results ?? []).length === 0) process.stdout.write('the schema is up to date\n')
    } finally {
      await database.close()
    }
  })

program
  .command('calendar-check')
  .description("validate an operator's calendar files (kz-YYYY.json) before pointing DERBES_CALENDAR_DIR at them")
  .argument('<dir>', 'the directory with kz-YYYY.json files')
  .action(async (dir: string) => {
    const years = await loadCalendarDirectory(dir)
    const calendar = new BusinessCalendar().extend(...years)
    for (const { year } of years) process.stdout.write(`${year}: valid, ${calendar.coverage(year)}\n`)
    if (years.length === 0) process.stdout.write(`no kz-YYYY.json files in ${dir}\n`)
  })

program.addCommand(policyCommand())
program.addCommand(accessCommand())
program.addCommand(adminCommand())
program.addCommand(keysCommand())
program.addCommand(auditCommand())
program.addCommand(retentionCommand())
program.addCommand(housekeepingCommand())
program.addCommand(scanCommand())

program.parseAsync().catch((error: unknown) => {
  if (error instanceof DerbesError) {
    process.stderr.write(`derbes: ${error.code}: ${error.message}\n`)
    for (const e of error.errors) process.stderr.write(`  ${e.pointer} ${e.detail}\n`)
  } else {
    process.stderr.write(`derbes: ${(error as Error).stack ?? String(error)}\n`)
  }
  process.exitCode = 1
})
