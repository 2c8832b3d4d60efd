import { appendAudit } from '../audit/index.ts'
import { DerbesError, type FieldProblem } from '../errors/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { forgetSystemConnection } from './connection-cache.ts'
import { splitConnection } from './connection-settings.ts'
import { openSecret, sealSecret, type SystemSecret } from './seal-secret.ts'
import { insertMap, readSystem } from './system-rows.ts'
import type { SystemInput, SystemView } from './system-map.ts'
import type { SystemsDeps } from './systems-deps.ts'
import { validateMap } from './validate-map.ts'

const SYSTEM_ID = /^[a-z][a-z0-9-]{0,63}$/

/**
 * Declares one of the operator's systems with its data map. The map is
 * checked against the operator's published policy and for soundness
 * (`validateMap`), the connection secret is sealed, and the declaration is
 * audited, all or nothing. The answer shows the connection redacted.
 *
 * @example
 * await createSystem(deps, 'esp', {
 *   systemId: 'loyalty-db', name: 'Loyalty database', kind: 'postgres',
 *   connection: { url: 'postgres://derbes:s3cret@10.0.0.5:5432/loyalty', schema: 'public' },
 *   tables: [{ name: 'customers', columns: [{ name: 'phone', itemId: 'phone', identifies: 'phone', masking: { strategy: 'redact' } }] }],
 *   relations: [],
 * }, 'api_key:k1')
 */
export async function createSystem(deps: SystemsDeps, operatorId: string, input: SystemInput, actor: string): Promise<SystemView> {
  const { stored, secret } = await checkInput(deps, operatorId, input, undefined)
  const sealed = secret ? await sealSecret(deps.keys, operatorId, input.systemId, secret) : undefined
  const now = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('systems').select('system_id').where('operator_id', '=', operatorId).where('system_id', '=', input.systemId).executeTakeFirst()
    if (existing) throw new DerbesError('DERBES_SYSTEM_EXISTS', `operator '${operatorId}' already has a system '${input.systemId}'; change it with PUT`)
    await trx
      .insertInto('systems')
      .values({
        operator_id: operatorId,
        system_id: input.systemId,
        name: input.name,
        kind: input.kind,
        description: input.description ?? null,
        connection: JSON.stringify(stored),
        secret_key_id: sealed?.keyId ?? null,
        secret_wrapped_key: sealed?.wrappedKey ?? null,
        secret_sealed: sealed?.sealed ?? null,
        created_at: now,
        created_by: actor,
        updated_at: now,
        updated_by: actor,
      })
      .execute()
    await insertMap(trx, operatorId, input.systemId, input)
    await auditChange(trx, operatorId, now, actor, 'declared', input)
    return (await readSystem(trx, operatorId, input.systemId)).view
  })
}

/**
 * Replaces a system's name, description, connection and whole map. A secret
 * left out of `connection` (the URL, the token) keeps the sealed one when the
 * kind stays the same; the system's open pool is ended either way.
 */
export async function updateSystem(deps: SystemsDeps, operatorId: string, input: SystemInput, actor: string): Promise<SystemView> {
  const current = await readSystem(deps.db, operatorId, input.systemId)
  const previous = current.view.kind === input.kind && current.sealed ? await openSecret(deps.keys, operatorId, input.systemId, current.sealed) : undefined
  const { stored, secret } = await checkInput(deps, operatorId, input, previous)
  const sealed = secret ? await sealSecret(deps.keys, operatorId, input.systemId, secret) : undefined
  const now = deps.clock()
  const view = await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('systems')
      .set({
        name: input.name,
        kind: input.kind,
        description: input.description ?? null,
        connection: JSON.stringify(stored),
        secret_key_id: sealed?.keyId ?? null,
        secret_wrapped_key: sealed?.wrappedKey ?? null,
        secret_sealed: sealed?.sealed ?? null,
        updated_at: now,
        updated_by: actor,
      })
      .where('operator_id', '=', operatorId)
      .where('system_id', '=', input.systemId)
      .executeTakeFirst()
    if (updated.numUpdatedRows === 0n) throw new DerbesError('DERBES_SYSTEM_NOT_FOUND', `operator '${operatorId}' has no system '${input.systemId}'`)
    // Columns and relations go with their tables (on delete cascade).
    await trx.deleteFrom('system_tables').where('operator_id', '=', operatorId).where('system_id', '=', input.systemId).execute()
    await insertMap(trx, operatorId, input.systemId, input)
    await auditChange(trx, operatorId, now, actor, 'changed', input)
    return (await readSystem(trx, operatorId, input.systemId)).view
  })
  await forgetSystemConnection(operatorId, input.systemId)
  return view
}

/** Removes a system and its map; tasks already planned on it then fail as not found. */
export async function deleteSystem(deps: SystemsDeps, operatorId: string, systemId: string, actor: string): Promise<void> {
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('systems').where('operator_id', '=', operatorId).where('system_id', '=', systemId).returning('kind').executeTakeFirst()
    if (!removed) throw new DerbesError('DERBES_SYSTEM_NOT_FOUND', `operator '${operatorId}' has no system '${systemId}'`)
    await appendAudit(trx, { operatorId, at: now, actor, action: 'system_changed', details: { systemId, kind: removed.kind, change: 'removed' } })
  })
  await forgetSystemConnection(operatorId, systemId)
}

/** Every problem of the input at once, against the published policy; nothing is written when there is one. */
async function checkInput(deps: SystemsDeps, operatorId: string, input: SystemInput, previous: SystemSecret | undefined) {
  const policy = (await getPublishedVersion(deps, operatorId)).compiled
  const problems: FieldProblem[] = []
  if (!SYSTEM_ID.test(input.systemId)) problems.push({ pointer: '/body/systemId', detail: 'must be lower-case letters, digits and -, starting with a letter' })
  const connection = splitConnection(input.kind, input.connection, previous)
  problems.push(...connection.problems, ...validateMap(input.kind, input, new Set(policy.items.keys())))
  if (problems.length > 0) {
    throw new DerbesError('DERBES_SYSTEM_MAPPING_INVALID', `${problems.length} problem(s) in system '${input.systemId}' (against policy version ${policy.versionId})`, problems)
  }
  return connection
}

/** Which system changed and how — names, never the connection or its secret. */
async function auditChange(trx: Parameters<typeof appendAudit>[0], operatorId: string, at: Date, actor: string, change: 'declared' | 'changed', input: SystemInput) {
  const items = [...new Set(input.tables.flatMap((t) => t.columns.flatMap((c) => (c.itemId ? [c.itemId] : []))))].sort()
  await appendAudit(trx, { operatorId, at, actor, action: 'system_changed', details: { systemId: input.systemId, kind: input.kind, change, tables: input.tables.map((t) => t.name), items } })
}
