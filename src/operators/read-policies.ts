import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { compilePolicy, type CompiledPolicy, type LocalizedText, type PolicyDocument } from '../policy/index.ts'
import type { OperatorsDeps } from './operators-deps.ts'
import { toVersionView, VERSION_COLUMNS, type VersionRow, type VersionView } from './version-view.ts'

export interface OperatorSummary {
  operatorId: string
  name: LocalizedText
  bin: string | null
  publishedVersionId: string | null
}

export async function listOperators(deps: Pick<OperatorsDeps, 'db'>): Promise<OperatorSummary[]> {
  const rows = await deps.db.selectFrom('operators').selectAll().orderBy('operator_id').execute()
  return rows.map((r) => ({ operatorId: r.operator_id, name: r.name, bin: r.bin, publishedVersionId: r.published_version_id }))
}

export async function getOperator(deps: Pick<OperatorsDeps, 'db'>, operatorId: string): Promise<OperatorSummary> {
  const r = await deps.db.selectFrom('operators').selectAll().where('operator_id', '=', operatorId).executeTakeFirst()
  if (!r) throw new DerbesError('DERBES_OPERATOR_NOT_FOUND', `no operator '${operatorId}'`)
  return { operatorId: r.operator_id, name: r.name, bin: r.bin, publishedVersionId: r.published_version_id }
}

export async function findVersionRow(
  db: Kysely<Database>,
  operatorId: string,
  versionId: string,
  options: { forUpdate?: boolean } = {},
): Promise<VersionRow> {
  let query = db.selectFrom('policy_versions').selectAll().where('operator_id', '=', operatorId).where('version_id', '=', versionId)
  if (options.forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  if (row) return row
  await getOperator({ db }, operatorId) // a missing operator is a different answer from a missing version
  throw new DerbesError('DERBES_POLICY_VERSION_NOT_FOUND', `operator '${operatorId}' has no version '${versionId}'`)
}

export async function listVersions(deps: OperatorsDeps, operatorId: string): Promise<VersionView[]> {
  await getOperator(deps, operatorId)
  const rows = await deps.db
    .selectFrom('policy_versions')
    .select([...VERSION_COLUMNS])
    .where('operator_id', '=', operatorId)
    .orderBy('seq')
    .execute()
  return rows.map(toVersionView)
}

export interface StoredVersion {
  view: VersionView
  document: PolicyDocument
  source: string
  sourceFormat: 'yaml' | 'json'
  compiled: CompiledPolicy
}

// Compiling is pure and a version never changes once stored, so a compiled model is shared by hash.
const compiledByHash = new Map<string, CompiledPolicy>()
const COMPILED_CACHE_LIMIT = 256

function compiledFor(row: VersionRow): CompiledPolicy {
  let compiled = compiledByHash.get(row.hash)
  if (!compiled) {
    compiled = compilePolicy(row.document as PolicyDocument)
    if (compiledByHash.size >= COMPILED_CACHE_LIMIT) compiledByHash.delete(compiledByHash.keys().next().value as string)
    compiledByHash.set(row.hash, compiled)
  }
  return compiled
}

function toStored(row: VersionRow): StoredVersion {
  return {
    view: toVersionView(row),
    document: row.document as PolicyDocument,
    source: row.source,
    sourceFormat: row.source_format,
    compiled: compiledFor(row),
  }
}

export async function getVersion(deps: OperatorsDeps, operatorId: string, versionId: string): Promise<StoredVersion> {
  return toStored(await findVersionRow(deps.db, operatorId, versionId))
}

/** The version subjects see now. */
export async function getPublishedVersion(deps: OperatorsDeps, operatorId: string): Promise<StoredVersion> {
  const operator = await getOperator(deps, operatorId)
  if (!operator.publishedVersionId) throw new DerbesError('DERBES_POLICY_NOT_PUBLISHED', `operator '${operatorId}' has not published a policy yet`)
  return getVersion(deps, operatorId, operator.publishedVersionId)
}

/** The version uploaded just before `versionId`, for "what changed". */
export async function getPreviousVersion(deps: OperatorsDeps, operatorId: string, versionId: string): Promise<StoredVersion | undefined> {
  const current = await findVersionRow(deps.db, operatorId, versionId)
  const row = await deps.db
    .selectFrom('policy_versions')
    .selectAll()
    .where('operator_id', '=', operatorId)
    .where('seq', '<', current.seq)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? toStored(row) : undefined
}
