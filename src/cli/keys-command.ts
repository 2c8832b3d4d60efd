import { Command } from 'commander'
import { loadConfig } from '../config/index.ts'
import { openDatabase } from '../db/index.ts'
import { rewrapSubjectKeys, rotateOperatorKey } from '../subjects/index.ts'
import { DEFAULT_KEYS_DIRECTORY, LocalKeyProvider } from '../subjects/crypto/index.ts'

interface KeysOptions {
  operator: string
  keysDir: string
}

/** Opens the database of the configuration (`--config`, DERBES_CONFIG, DATABASE_URL …) and the keyring directory, runs `work`, closes. */
async function withKeys<T>(command: Command, options: KeysOptions, work: (deps: { db: Awaited<ReturnType<typeof openDatabase>>['db']; keys: LocalKeyProvider }) => Promise<T>): Promise<T> {
  const file = command.optsWithGlobals<{ config?: string }>().config
  const config = loadConfig({ env: process.env, ...(file ? { file } : {}) })
  const database = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir })
  try {
    return await work({ db: database.db, keys: new LocalKeyProvider({ directory: options.keysDir }) })
  } finally {
    await database.close()
  }
}

const operatorOption = (command: Command) =>
  command.requiredOption('--operator <id>', 'the operator whose keyring to use').option('--keys-dir <dir>', 'the keyring directory', DEFAULT_KEYS_DIRECTORY)

/**
 * `derbes keys rotate|rewrap`: the operators' keyrings. Rotation adds a new
 * key-encryption key and re-encrypts nothing; rewrap moves every subject's
 * data key to it in batches, leaving every vault value as it is.
 */
export function keysCommand(): Command {
  const keys = new Command('keys').description("the operators' keyrings: rotate, rewrap")

  operatorOption(keys.command('rotate'))
    .description('add a new key-encryption key and make it current; stored values stay readable and are not re-encrypted')
    .action(async (options: KeysOptions, command: Command) => {
      const { previousKeyId, currentKeyId } = await withKeys(command, options, (deps) => rotateOperatorKey(deps, options.operator))
      process.stdout.write(`${options.operator}: ${currentKeyId} is current (was ${previousKeyId})\n`)
      process.stdout.write(`  subjects' data keys stay under ${previousKeyId} until \`derbes keys rewrap --operator ${options.operator}\`\n`)
      process.stdout.write('  a running `derbes serve` wraps new subjects under the new key after its restart\n')
    })

  operatorOption(keys.command('rewrap'))
    .description("re-wrap every subject's data key under the current key-encryption key, in batches; values are not re-encrypted")
    .option('--batch-size <n>', 'data keys per transaction', (v) => Number.parseInt(v, 10), 500)
    .action(async (options: KeysOptions & { batchSize: number }, command: Command) => {
      const result = await withKeys(command, options, (deps) =>
        rewrapSubjectKeys(deps, options.operator, {
          batchSize: options.batchSize,
          onBatch: (progress) => process.stderr.write(`\r${options.operator}: ${progress.rewrapped} data keys re-wrapped`),
        }),
      )
      if (result.batches > 0) process.stderr.write('\n')
      process.stdout.write(`${options.operator}: ${result.rewrapped} data keys re-wrapped under ${result.currentKeyId} in ${result.batches} batch(es)\n`)
    })

  return keys
}
