import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError, type FieldProblem } from '../errors/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { issueApiKey, revokeApiKey, type ApiKeyRequest, type IssuedApiKey } from './api-keys.ts'
import { forgetCredentials } from './credential-cache.ts'
import { isPermission } from './permissions.ts'
import { recordAccessChange } from './record-access-change.ts'

/** An API key as listed: never its secret or hash. */
export interface ApiKeyView {
  keyId: string
  name: string
  permissions: string[]
  roleId: string | null
  createdAt: string
  createdBy: string
  expiresAt: string | null
  revokedAt: string | null
}

/**
 * Issues a key the way the API and the CLI do: checks the permissions, the
 * role against the published policy and the expiry, then stores the key and
 * its audit entry in one transaction. The token is in the result only.
 *
 * @example
 * const { token } = await issueAuditedApiKey({ db, clock }, { operatorId: 'ttc', name: 'crm', permissions: ['decisions'], createdBy: 'staff:1a2b' })
 */
export async function issueAuditedApiKey(deps: { db: Kysely<Database>; clock: () => Date }, request: ApiKeyRequest): Promise<IssuedApiKey> {
  const now = deps.clock()
  const problems: FieldProblem[] = []
  request.permissions.forEach((p, i) => {
    if (!isPermission(p)) problems.push({ pointer: `/body/permissions/${i}`, detail: `'${p}' is not a permission` })
  })
  if (request.roleId !== undefined) {
    const roles = (await getPublishedVersion(deps, request.operatorId)).compiled.document.access.roles.map((r) => r.id)
    if (!roles.includes(request.roleId)) problems.push({ pointer: '/body/roleId', detail: `not a role of the published policy: one of ${roles.join(', ')}` })
  }
  if (request.expiresAt && request.expiresAt <= now) problems.push({ pointer: '/body/expiresAt', detail: 'must be in the future' })
  if (problems.length > 0) throw new DerbesError('DERBES_VALIDATION', `${problems.length} field(s) are not valid`, problems)
  return deps.db.transaction().execute(async (trx) => {
    const issued = await issueApiKey(trx, request, now)
    await recordAccessChange(trx, request.operatorId, request.createdBy, now, {
      change: 'api_key_issued',
      keyId: issued.keyId,
      permissions: [...new Set(request.permissions)],
      roleId: request.roleId ?? null,
      expiresAt: request.expiresAt?.toISOString() ?? null,
    })
    return issued
  })
}

/** Revokes a key with its audit entry; `DERBES_NOT_FOUND` when the operator has no such active key. */
export async function revokeAuditedApiKey(deps: { db: Kysely<Database>; clock: () => Date }, operatorId: string, keyId: string, actor: string): Promise<void> {
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    await revokeApiKey(trx, operatorId, keyId, now)
    await recordAccessChange(trx, operatorId, actor, now, { change: 'api_key_revoked', keyId })
  })
  // Again after commit: a request between the first drop and the commit could have cached the key anew.
  forgetCredentials({ operatorId, kind: 'api_key', id: keyId })
}

/** The operator's keys, newest first, revoked and expired ones included (marked). */
export async function listApiKeys(db: Kysely<Database>, operatorId: string): Promise<ApiKeyView[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select(['key_id', 'name', 'permissions', 'role_id', 'created_at', 'created_by', 'expires_at', 'revoked_at'])
    .where('operator_id', '=', operatorId)
    .orderBy('created_at', 'desc')
    .orderBy('key_id')
    .execute()
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())
  return rows.map((r) => ({
    keyId: r.key_id,
    name: r.name,
    permissions: r.permissions as string[],
    roleId: r.role_id,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by,
    expiresAt: iso(r.expires_at),
    revokedAt: iso(r.revoked_at),
  }))
}
