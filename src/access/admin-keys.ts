import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { hashSecret, newTokenParts, secretMatches } from './bearer-token.ts'
import { forgetCredentials } from './credential-cache.ts'
import { INSTALLATION, type Principal } from './principal.ts'

/**
 * Installation administrator keys: the credential of the installation-wide
 * routes — registering an operator — which no operator's key or staff may
 * call, since before it exists the operator has neither. Issued by the CLI
 * (`derbes admin key create`, run by whoever runs the server) or by
 * `derbes serve --seed` for the demo; never over HTTP, so no key can mint
 * another. Token: `da.<key id>.<secret>`, shown once; only a SHA-256 of the
 * secret is stored, as for API keys (256 random bits: nothing to brute-force).
 */
const SHAPE = /^da\.([a-z0-9]{16})\.([A-Za-z0-9_-]{43})$/

export interface AdminKeyRequest {
  name: string
  expiresAt?: Date
  /** Who issued it: `cli:<os user>` or `derbes demo`. */
  createdBy: string
}

export interface AdminKeyView {
  keyId: string
  name: string
  createdAt: string
  createdBy: string
  expiresAt: string | null
  revokedAt: string | null
}

/**
 * Issues an installation administrator key; its token is in the result only.
 *
 * @example
 * const { token } = await issueAdminKey({ db, clock }, { name: 'ops', createdBy: 'cli:root' })
 * // curl -X POST …/v1/operators -H "authorization: Bearer da.…" --data-binary @policy.yaml
 */
export async function issueAdminKey(deps: { db: Kysely<Database>; clock: () => Date }, request: AdminKeyRequest): Promise<{ keyId: string; token: string }> {
  const now = deps.clock()
  if (request.name.trim() === '') throw new DerbesError('DERBES_VALIDATION', 'the key needs a name', [{ pointer: '--name', detail: 'empty' }])
  if (request.expiresAt && request.expiresAt <= now) throw new DerbesError('DERBES_VALIDATION', 'the expiry must be in the future', [{ pointer: '--expires', detail: 'in the past' }])
  const { id: keyId, secret } = newTokenParts()
  await deps.db
    .insertInto('installation_admin_keys')
    .values({ key_id: keyId, name: request.name.trim(), secret_hash: hashSecret(secret), created_at: now, created_by: request.createdBy, expires_at: request.expiresAt ?? null, revoked_at: null })
    .execute()
  return { keyId, token: `da.${keyId}.${secret}` }
}

/** Revokes a key; this process stops trusting it at once, other processes within their credential cache time. */
export async function revokeAdminKey(deps: { db: Kysely<Database>; clock: () => Date }, keyId: string): Promise<void> {
  const result = await deps.db
    .updateTable('installation_admin_keys')
    .set({ revoked_at: deps.clock() })
    .where('key_id', '=', keyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) throw new DerbesError('DERBES_NOT_FOUND', `no active installation administrator key '${keyId}'`)
  forgetCredentials({ operatorId: INSTALLATION, kind: 'installation_admin', id: keyId })
}

/** Every key, oldest first, never a secret or its hash. */
export async function listAdminKeys(db: Kysely<Database>): Promise<AdminKeyView[]> {
  const rows = await db.selectFrom('installation_admin_keys').select(['key_id', 'name', 'created_at', 'created_by', 'expires_at', 'revoked_at']).orderBy('created_at').orderBy('key_id').execute()
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())
  return rows.map((r) => ({ keyId: r.key_id, name: r.name, createdAt: iso(r.created_at)!, createdBy: r.created_by, expiresAt: iso(r.expires_at), revokedAt: iso(r.revoked_at) }))
}

/** The principal a `da.` token stands for, or undefined when it is malformed, unknown, revoked or expired. */
export async function verifyAdminKey(db: Kysely<Database>, token: string, now: Date): Promise<Principal | undefined> {
  const match = SHAPE.exec(token)
  if (!match) return undefined
  const [, keyId, secret] = match as unknown as [string, string, string]
  const row = await db.selectFrom('installation_admin_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst()
  if (!row || row.revoked_at || (row.expires_at && new Date(row.expires_at) <= now)) return undefined
  if (!secretMatches(row.secret_hash, secret)) return undefined
  return {
    kind: 'installation_admin',
    id: keyId,
    operatorId: INSTALLATION,
    permissions: new Set(),
    actor: `installation_admin:${keyId}`,
    ...(row.expires_at ? { expiresAt: new Date(row.expires_at) } : {}),
  }
}

const DEMO_NAME = 'demo'

/**
 * The demo's installation administrator key, for `npm start` (README): issued
 * when the installation has no active key named `demo`, its token returned
 * that once; later starts return nothing (the token is not stored).
 */
export async function ensureDemoAdminKey(deps: { db: Kysely<Database>; clock: () => Date }): Promise<string | undefined> {
  const now = deps.clock()
  const existing = await deps.db
    .selectFrom('installation_admin_keys')
    .select('key_id')
    .where('name', '=', DEMO_NAME)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst()
  if (existing) return undefined
  return (await issueAdminKey(deps, { name: DEMO_NAME, createdBy: 'derbes demo' })).token
}
