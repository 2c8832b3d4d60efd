import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { isPermission, type Permission } from './permissions.ts'
import type { Principal } from './principal.ts'

export interface ApiKeyRequest {
  operatorId: string
  name: string
  permissions: readonly Permission[]
  roleId?: string
  expiresAt?: Date
  createdBy: string
}

export interface IssuedApiKey {
  keyId: string
  /** `dk.<operator>.<key id>.<secret>`: shown once, never stored. */
  token: string
}

const TOKEN = /^dk\.([a-z][a-z0-9-]{0,63})\.([a-z0-9]{16})\.([A-Za-z0-9_-]{43})$/

/** The secret has 256 random bits, so a plain SHA-256 is enough to store it (no password stretching needed). */
const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex')

/**
 * Issues an API key scoped to one operator and a set of permissions.
 *
 * @example
 * const { token } = await issueApiKey(db, { operatorId: 'ttc', name: 'crm', permissions: ['decisions'], createdBy: 'staff:admin' }, new Date())
 * // Authorization: Bearer dk.ttc.0f3k…
 */
export async function issueApiKey(db: Kysely<Database>, request: ApiKeyRequest, now: Date): Promise<IssuedApiKey> {
  const unknown = request.permissions.filter((p) => !isPermission(p))
  if (unknown.length > 0) {
    throw new DerbesError('DERBES_VALIDATION', `unknown permissions: ${unknown.join(', ')}`, unknown.map((p) => ({ pointer: '/permissions', detail: `'${p}' is not a permission` })))
  }
  const keyId = randomBytes(10).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 16).padEnd(16, '0')
  const secret = randomBytes(32).toString('base64url')
  await db
    .insertInto('api_keys')
    .values({
      operator_id: request.operatorId,
      key_id: keyId,
      name: request.name,
      secret_hash: hashSecret(secret),
      permissions: JSON.stringify([...new Set(request.permissions)]),
      role_id: request.roleId ?? null,
      created_at: now,
      created_by: request.createdBy,
      expires_at: request.expiresAt ?? null,
      revoked_at: null,
    })
    .execute()
  return { keyId, token: `dk.${request.operatorId}.${keyId}.${secret}` }
}

export async function revokeApiKey(db: Kysely<Database>, operatorId: string, keyId: string, now: Date): Promise<void> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('operator_id', '=', operatorId)
    .where('key_id', '=', keyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) throw new DerbesError('DERBES_NOT_FOUND', `no active API key '${keyId}' for operator '${operatorId}'`)
}

/** The principal a bearer token stands for, or undefined when it is malformed, unknown, revoked or expired. */
export async function verifyApiKey(db: Kysely<Database>, token: string, now: Date): Promise<Principal | undefined> {
  const match = TOKEN.exec(token)
  if (!match) return undefined
  const [, operatorId, keyId, secret] = match as unknown as [string, string, string, string]
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('operator_id', '=', operatorId)
    .where('key_id', '=', keyId)
    .executeTakeFirst()
  if (!row || row.revoked_at || (row.expires_at && new Date(row.expires_at) <= now)) return undefined
  if (!timingSafeEqual(Buffer.from(row.secret_hash, 'hex'), Buffer.from(hashSecret(secret), 'hex'))) return undefined
  return {
    kind: 'api_key',
    id: keyId,
    operatorId,
    permissions: new Set((row.permissions as string[]).filter(isPermission)),
    ...(row.role_id ? { roleId: row.role_id } : {}),
    actor: `api_key:${keyId}`,
  }
}
