import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { formatToken, hashSecret, newTokenParts, parseToken, secretMatches } from './bearer-token.ts'
import { forgetCredentials } from './credential-cache.ts'
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

/**
 * Issues an API key scoped to one operator and a set of permissions. It
 * writes no audit entry (tests and scripts use it directly); the HTTP route
 * and the CLI go through `issueAuditedApiKey`.
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
  const { id: keyId, secret } = newTokenParts()
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
  return { keyId, token: formatToken('dk', { operatorId: request.operatorId, id: keyId, secret }) }
}

/** Revokes a key; this process stops trusting it at once, others within their cache time. */
export async function revokeApiKey(db: Kysely<Database>, operatorId: string, keyId: string, now: Date): Promise<void> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('operator_id', '=', operatorId)
    .where('key_id', '=', keyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) throw new DerbesError('DERBES_NOT_FOUND', `no active API key '${keyId}' for operator '${operatorId}'`)
  forgetCredentials({ operatorId, kind: 'api_key', id: keyId })
}

/** The principal a bearer token stands for, or undefined when it is malformed, unknown, revoked or expired. */
export async function verifyApiKey(db: Kysely<Database>, token: string, now: Date): Promise<Principal | undefined> {
  const parts = parseToken('dk', token)
  if (!parts) return undefined
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('operator_id', '=', parts.operatorId)
    .where('key_id', '=', parts.id)
    .executeTakeFirst()
  if (!row || row.revoked_at || (row.expires_at && new Date(row.expires_at) <= now)) return undefined
  if (!secretMatches(row.secret_hash, parts.secret)) return undefined
  return {
    kind: 'api_key',
    id: parts.id,
    operatorId: parts.operatorId,
    permissions: new Set((row.permissions as string[]).filter(isPermission)),
    ...(row.role_id ? { roleId: row.role_id } : {}),
    actor: `api_key:${parts.id}`,
    ...(row.expires_at ? { expiresAt: new Date(row.expires_at) } : {}),
  }
}
