import { userInfo } from 'node:os'
import { Command, Option } from 'commander'
import { createStaff, issueAuditedApiKey, listApiKeys, PERMISSIONS, revokeAuditedApiKey, type Permission } from '../access/index.ts'
import { loadConfig } from '../config/index.ts'
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'

/**
 * `derbes access`: staff users and API keys from the command line — how the
 * first key and the first administrator come to exist. Each subcommand opens
 * the database as `derbes migrate` does (PGlite in the data directory, or
 * DATABASE_URL); with PGlite, stop `derbes serve` first (one process at a time).
 */
export function accessCommand(): Command {
  const access = new Command('access').description('staff users and API keys')
  const apiKey = access.command('api-key').description("an operator's API keys")
  const staff = access.command('staff').description("an operator's staff users")

  apiKey
    .command('create')
    .description('issue an API key and print its token (shown this once)')
    .requiredOption('--operator <id>', 'the operator the key acts for')
    .requiredOption('--name <name>', 'what the key is for, e.g. crm')
    .requiredOption('--permissions <list>', `comma-separated: ${PERMISSIONS.join(',')}`)
    .option('--role <role>', "a role of the operator's policy: limits the data items the key reads")
    .option('--expires <date>', 'ISO date or date-time after which the key stops working')
    .action(async function (this: Command, o: { operator: string; name: string; permissions: string; role?: string; expires?: string }) {
      const expiresAt = o.expires === undefined ? undefined : parseDate(o.expires)
      await withDatabase(this, async (database) => {
        const { keyId, token } = await issueAuditedApiKey(
          { db: database.db, clock: () => new Date() },
          {
            operatorId: o.operator,
            name: o.name,
            permissions: o.permissions.split(',').map((p) => p.trim()).filter(Boolean) as Permission[],
            ...(o.role ? { roleId: o.role } : {}),
            ...(expiresAt ? { expiresAt } : {}),
            createdBy: cliActor(),
          },
        )
        process.stderr.write(`API key ${keyId} issued for ${o.operator}; the token below is shown only now:\n`)
        process.stdout.write(`${token}\n`)
      })
    })

  apiKey
    .command('list')
    .description("list the operator's API keys (never their secrets)")
    .requiredOption('--operator <id>', 'the operator')
    .action(async function (this: Command, o: { operator: string }) {
      await withDatabase(this, async (database) => {
        for (const k of await listApiKeys(database.db, o.operator)) {
          const state = k.revokedAt ? `revoked ${k.revokedAt}` : k.expiresAt ? `expires ${k.expiresAt}` : 'active'
          process.stdout.write(`${k.keyId}  ${k.name}  ${k.permissions.join(',')}${k.roleId ? `  role=${k.roleId}` : ''}  ${state}\n`)
        }
      })
    })

  apiKey
    .command('revoke')
    .description('revoke an API key; it stops working at once (other running servers: within seconds)')
    .requiredOption('--operator <id>', 'the operator')
    .requiredOption('--key <keyId>', 'the key id (the third part of the token)')
    .action(async function (this: Command, o: { operator: string; key: string }) {
      await withDatabase(this, async (database) => {
        await revokeAuditedApiKey({ db: database.db, clock: () => new Date() }, o.operator, o.key, cliActor())
        process.stdout.write(`API key ${o.key} of ${o.operator} revoked\n`)
      })
    })

  staff
    .command('add')
    .description('add a member of staff; the password comes from DERBES_STAFF_PASSWORD or standard input')
    .requiredOption('--operator <id>', 'the operator')
    .requiredOption('--login <login>', 'their login')
    .requiredOption('--role <role>', "a role of the operator's published policy (access.roles)")
    .option('--name <display name>', 'the name shown in the console')
    .addOption(new Option('--admin', 'grant every permission on top of the role (staff:manage, audit, events …)'))
    .action(async function (this: Command, o: { operator: string; login: string; role: string; name?: string; admin?: boolean }) {
      const password = await readPassword()
      await withDatabase(this, async (database) => {
        const added = await createStaff(
          { db: database.db, clock: () => new Date() },
          {
            operatorId: o.operator,
            login: o.login,
            password,
            roleId: o.role,
            ...(o.name ? { displayName: o.name } : {}),
            extraPermissions: o.admin ? PERMISSIONS : [],
            createdBy: cliActor(),
          },
        )
        process.stdout.write(`staff ${added.staffId} (${added.login}) added to ${o.operator}: ${added.permissions.join(',')}\n`)
      })
    })

  return access
}

/** The audit log names the operating-system user who ran the command. */
export const cliActor = () => `cli:${userInfo().username}`

export function parseDate(text: string): Date {
  const date = new Date(text)
  if (Number.isNaN(date.getTime())) throw new DerbesError('DERBES_VALIDATION', `--expires '${text}' is not a date`, [{ pointer: '--expires', detail: 'ISO 8601 date or date-time' }])
  return date
}

/** The password never goes on the command line (it would sit in the shell history and `ps`). */
async function readPassword(): Promise<string> {
  const fromEnv = process.env.DERBES_STAFF_PASSWORD
  if (fromEnv) return fromEnv
  if (process.stdin.isTTY) {
    throw new DerbesError('DERBES_VALIDATION', 'set DERBES_STAFF_PASSWORD or pipe the password in; it is not read from a terminal, where it would show', [
      { pointer: 'DERBES_STAFF_PASSWORD', detail: 'missing' },
    ])
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
  if (!password) throw new DerbesError('DERBES_VALIDATION', 'no password: set DERBES_STAFF_PASSWORD or pipe it in', [{ pointer: 'DERBES_STAFF_PASSWORD', detail: 'missing' }])
  return password
}

/** Opens the database the way `derbes migrate` does, brings it to the newest schema, runs `work`, closes. */
export async function withDatabase(command: Command, work: (database: DatabaseHandle) => Promise<void>): Promise<void> {
  const file = command.optsWithGlobals().config as string | undefined
  const config = loadConfig({ env: process.env, ...(file ? { file } : {}) })
  const database = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir })
  try {
    await migrateToLatest(database.db)
    await work(database)
  } finally {
    await database.close()
  }
}
