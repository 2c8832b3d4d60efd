import { Command } from 'commander'
import { checkpointOperators, DEFAULT_SIGNING_KEY_FILE, LocalKeyFileSigner, verifyOperators, type ChainVerification } from '../audit/index.ts'
import { loadConfig } from '../config/index.ts'
import { openDatabase, type DatabaseHandle } from '../db/index.ts'

/** Opens the database the configuration names (`--config` of the parent command, environment). */
async function openConfigured(command: Command): Promise<DatabaseHandle> {
  const file = (command.optsWithGlobals() as { config?: string }).config
  const config = loadConfig({ env: process.env, ...(file ? { file } : {}) })
  return openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir })
}

function describeResult(result: ChainVerification): string {
  if (result.ok) {
    return `${result.operatorId}: ok — ${result.entries} entries, head ${result.headSeq} (${result.headHash.slice(0, 16)}…), ${result.checkpoints} signed checkpoint(s) verified`
  }
  const { seq, reason, detail } = result.firstBroken
  return `${result.operatorId}: BROKEN at entry ${seq} (${reason}) — ${detail}; ${result.entries} entries before it verify`
}

/** `derbes audit verify|checkpoint`: prove the hash chains intact, sign checkpoints. */
export function auditCommand(): Command {
  const audit = new Command('audit').description('the audit log: verify the hash chain, sign checkpoints')

  audit
    .command('verify')
    .description("recompute every operator's audit chain (or one) and check its signed checkpoints; exits 1 when any is broken")
    .option('--operator <id>', 'only this operator')
    .option('--json', 'print the results as JSON')
    .option('--key-file <file>', 'the checkpoint signing key', DEFAULT_SIGNING_KEY_FILE)
    .action(async (options: { operator?: string; json?: boolean; keyFile: string }, command: Command) => {
      const verifier = await LocalKeyFileSigner.open(options.keyFile)
      const database = await openConfigured(command)
      try {
        const results = await verifyOperators(database.db, { verifier, ...(options.operator ? { operatorId: options.operator } : {}) })
        const ok = results.every((r) => r.ok)
        if (options.json) process.stdout.write(`${JSON.stringify({ ok, operators: results }, null, 2)}\n`)
        else process.stdout.write(`${results.map(describeResult).join('\n')}\n${ok ? 'all chains intact' : 'a chain is BROKEN'}\n`)
        if (!ok) process.exitCode = 1
      } finally {
        await database.close()
      }
    })

  audit
    .command('checkpoint')
    .description("sign a checkpoint of every operator's audit chain (or one); a broken chain is refused and exits 1")
    .option('--operator <id>', 'only this operator')
    .option('--key-file <file>', 'the checkpoint signing key (created, mode 0600, when absent)', DEFAULT_SIGNING_KEY_FILE)
    .action(async (options: { operator?: string; keyFile: string }, command: Command) => {
      const signer = await LocalKeyFileSigner.open(options.keyFile)
      const database = await openConfigured(command)
      try {
        const outcomes = await checkpointOperators(database.db, signer, () => new Date(), options.operator ? { operatorId: options.operator } : {})
        for (const o of outcomes) {
          if (o.status === 'signed') process.stdout.write(`${o.operatorId}: signed seq ${o.checkpoint.seq} (${o.checkpoint.hash.slice(0, 16)}…) with ${o.checkpoint.keyId}\n`)
          else if (o.status === 'refused') process.stdout.write(`${o.operatorId}: REFUSED — ${o.error}\n`)
        }
        if (outcomes.some((o) => o.status === 'refused')) process.exitCode = 1
      } finally {
        await database.close()
      }
    })

  return audit
}
