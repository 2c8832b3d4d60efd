import { writeFile } from 'node:fs/promises'
import { Command, Option } from 'commander'
import { DerbesError } from '../errors/index.ts'
import { mapToPolicy, scanTarget, summaryTable, toSarif } from '../discovery/index.ts'
import { compilePolicy } from '../policy/index.ts'
import { readPolicyFile } from './read-policy-file.ts'

const positive = (flag: string) => (value: string) => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new DerbesError('DERBES_VALIDATION', `${flag} takes a whole number, not '${value}'`, [{ pointer: flag, detail: 'not a whole number' }])
  return n
}

/** A one-line progress bar on stderr, drawn only on a terminal so piped output stays clean. */
function progressBar(): { update: (share: number, what: string) => void; end: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, end: () => undefined }
  const width = 30
  return {
    update(share, what) {
      const filled = Math.round(share * width)
      const label = what.length > 40 ? `…${what.slice(-39)}` : what
      process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${label.padEnd(40)}`)
    },
    end: () => process.stderr.write('\r\x1b[2K'),
  }
}

/**
 * `derbes scan <connection-url|path>` (issue 7, "CLI"): finds the personal
 * data in a PostgreSQL or MySQL/MariaDB database, or in files, and prints a
 * summary table, JSON or SARIF. It only reads, and stores nothing: to keep a
 * scan and its proposals, scan a connected system through the API.
 */
export function scanCommand(): Command {
  return new Command('scan')
    .description('find personal data in a database (postgres://, mysql://, mariadb:// URL) or in files (CSV, TSV, JSON, NDJSON, text; a directory is walked)')
    .argument('<target>', 'a connection URL, a file or a directory')
    .option('--full', 'read every row instead of a sample (databases; table files)')
    .addOption(new Option('--sample <rows>', 'rows sampled per table').argParser(positive('--sample')).default(1000))
    .option('--no-names', "skip person names and addresses in files' text (faster)")
    .option('--identifiers-only', "in files' text, only IIN/BIN, ID card, passport, phone, e-mail, card and IBAN (fastest; implies --no-names)")
    .addOption(new Option('--workers <n>', 'worker threads for files; 0 = none (default: one per core)').argParser(positive('--workers')))
    .addOption(new Option('--format <format>', 'what to print').choices(['table', 'json', 'sarif']).default('table'))
    .option('--policy <file>', "map what is found to this policy's items (a policy YAML file)")
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .action(async (target: string, options: { full?: boolean; sample: number; names: boolean; identifiersOnly?: boolean; workers?: number; format: 'table' | 'json' | 'sarif'; output?: string; policy?: string }) => {
      // The policy first: a file that does not load is refused before anything is read.
      const policy = options.policy ? compilePolicy((await readPolicyFile(options.policy)).document) : undefined
      const bar = progressBar()
      const scanned = await scanTarget(target, {
        mode: options.full ? 'full' : 'sample',
        sampleSize: options.sample,
        names: options.names && !options.identifiersOnly,
        identifiersOnly: options.identifiersOnly ?? false,
        ...(options.workers !== undefined ? { workers: options.workers } : {}),
        onProgress: bar.update,
      }).finally(bar.end)
      const report = policy ? mapToPolicy(scanned, policy) : scanned
      const text = options.format === 'table' ? summaryTable(report) : JSON.stringify(options.format === 'sarif' ? toSarif(report) : report, null, 2)
      if (options.output) await writeFile(options.output, `${text}\n`)
      else process.stdout.write(`${text}\n`)
    })
}
