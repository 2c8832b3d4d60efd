import { Command } from 'commander'
import { issueAdminKey, listAdminKeys, revokeAdminKey } from '../access/index.ts'
import { cliActor, parseDate, withDatabase } from './access-command.ts'

/**
 * `derbes admin key create|list|revoke`: installation administrator keys,
 * the credential of installation-wide routes (`POST /v1/operators`). Only
 * whoever can run this command against the database — the person running
 * the server — can issue one; no HTTP route does. With PGlite, stop
 * `derbes serve` first (one process at a time).
 */
export function adminCommand(): Command {
  const admin = new Command('admin').description('the installation: administrator keys for installation-wide routes (registering operators)')
  const key = admin.command('key').description('installation administrator keys')

  key
    .command('create')
    .description('issue an installation administrator key and print its token (shown this once)')
    .requiredOption('--name <name>', 'whose or what it is for, e.g. ops-team')
    .option('--expires <date>', 'ISO date or date-time after which the key stops working')
    .action(async function (this: Command, o: { name: string; expires?: string }) {
      const expiresAt = o.expires === undefined ? undefined : parseDate(o.expires)
      await withDatabase(this, async (database) => {
        const { keyId, token } = await issueAdminKey({ db: database.db, clock: () => new Date() }, { name: o.name, ...(expiresAt ? { expiresAt } : {}), createdBy: cliActor() })
        process.stderr.write(`installation administrator key ${keyId} issued; the token below is shown only now:\n`)
        process.stdout.write(`${token}\n`)
      })
    })

  key
    .command('list')
    .description('list the installation administrator keys (never their secrets)')
    .action(async function (this: Command) {
      await withDatabase(this, async (database) => {
        for (const k of await listAdminKeys(database.db)) {
          const state = k.revokedAt ? `revoked ${k.revokedAt}` : k.expiresAt ? `expires ${k.expiresAt}` : 'active'
          process.stdout.write(`${k.keyId}  ${k.name}  by ${k.createdBy} at ${k.createdAt}  ${state}\n`)
        }
      })
    })

  key
    .command('revoke')
    .description('revoke an installation administrator key; it stops working at once (other running servers: within seconds)')
    .requiredOption('--key <keyId>', 'the key id (the second part of the token)')
    .action(async function (this: Command, o: { key: string }) {
      await withDatabase(this, async (database) => {
        await revokeAdminKey({ db: database.db, clock: () => new Date() }, o.key)
        process.stdout.write(`installation administrator key ${o.key} revoked\n`)
      })
    })

  return admin
}
