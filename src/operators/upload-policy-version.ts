import { appendAudit } from '../audit/index.ts'
import { DerbesError } from '../errors/index.ts'
import { canonicalJson, sha256Hex } from '../policy/index.ts'
import type { OperatorsDeps } from './operators-deps.ts'
import { parsePolicyUpload, type PolicyFormat } from './parse-policy-upload.ts'
import { isUniqueViolation } from './unique-violation.ts'
import { toVersionView, VERSION_COLUMNS, type VersionView } from './version-view.ts'

export interface PolicyUpload {
  source: string
  format: PolicyFormat
  uploadedBy: string
  /** The operator named in the URL; the document must be that operator's. Absent: a new operator. */
  operatorId?: string
}

/**
 * Stores a new draft version of an operator's policy — or, without `operatorId`,
 * registers the operator with its first version. A bad document changes nothing.
 */
export async function uploadPolicyVersion(deps: OperatorsDeps, upload: PolicyUpload): Promise<VersionView> {
  const document = parsePolicyUpload(upload.source, upload.format, `upload.${upload.format}`)
  const operatorId = document.operator.id
  if (upload.operatorId !== undefined && upload.operatorId !== operatorId) {
    throw new DerbesError('DERBES_POLICY_OPERATOR_MISMATCH', `the document is for operator '${operatorId}', not '${upload.operatorId}'`, [
      { pointer: '/operator/id', detail: `expected '${upload.operatorId}'` },
    ])
  }
  const now = deps.clock()
  try {
    const row = await deps.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('operators').select('operator_id').where('operator_id', '=', operatorId).executeTakeFirst()
      if (upload.operatorId === undefined && existing) throw new DerbesError('DERBES_OPERATOR_EXISTS', `operator '${operatorId}' already exists; upload a new version under it`)
      if (upload.operatorId !== undefined && !existing) throw new DerbesError('DERBES_OPERATOR_NOT_FOUND', `no operator '${operatorId}'`)
      if (!existing) {
        await trx
          .insertInto('operators')
          .values({ operator_id: operatorId, name: JSON.stringify(document.operator.name), bin: document.operator.bin ?? null, created_at: now })
          .execute()
      }
      const inserted = await trx
        .insertInto('policy_versions')
        .values({
          operator_id: operatorId,
          version_id: document.version.id,
          state: 'draft',
          document: JSON.stringify(document),
          source: upload.source,
          source_format: upload.format,
          hash: sha256Hex(canonicalJson(document)),
          uploaded_at: now,
          uploaded_by: upload.uploadedBy,
        })
        .returning([...VERSION_COLUMNS])
        .executeTakeFirstOrThrow()
      await appendAudit(trx, {
        operatorId,
        at: now,
        actor: upload.uploadedBy,
        action: 'policy_uploaded',
        details: { versionId: inserted.version_id, hash: inserted.hash },
      })
      return inserted
    })
    return toVersionView(row)
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DerbesError('DERBES_POLICY_VERSION_EXISTS', `operator '${operatorId}' already has version '${document.version.id}'`, [
        { pointer: '/version/id', detail: 'a version with this id exists; versions are never overwritten' },
      ])
    }
    throw error
  }
}
