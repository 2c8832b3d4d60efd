import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { canonicalJson, sha256Hex } from '../policy/index.ts'
import { approvePolicyVersion } from './approve-policy-version.ts'
import type { OperatorsDeps } from './operators-deps.ts'
import { parsePolicyUpload } from './parse-policy-upload.ts'
import { publishPolicyVersion } from './publish-policy-version.ts'
import { uploadPolicyVersion } from './upload-policy-version.ts'

export interface SeedResult {
  operatorId: string
  versionId: string
  action: 'created' | 'new-version' | 'unchanged'
}

const SEED_ACTOR = 'derbes seed loader'

/**
 * Loads every `*.yaml` policy in `dir` and publishes it, so a fresh Derbes
 * serves the seed operators. Idempotent: a version already stored is left
 * alone; a file with a new version id becomes a new published version.
 * The approval written in the file (TTC-3.7) is used when present.
 */
export async function seedOperators(deps: OperatorsDeps, dir: string): Promise<SeedResult[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort()
  const results: SeedResult[] = []
  for (const file of files) {
    const source = await readFile(join(dir, file), 'utf8')
    const document = parsePolicyUpload(source, 'yaml', join(dir, file))
    const operatorId = document.operator.id
    const versionId = document.version.id
    const existing = await deps.db
      .selectFrom('policy_versions')
      .select(['hash'])
      .where('operator_id', '=', operatorId)
      .where('version_id', '=', versionId)
      .executeTakeFirst()
    if (existing) {
      if (existing.hash !== sha256Hex(canonicalJson(document))) {
        throw new Error(`${file}: version '${versionId}' of '${operatorId}' is already stored with other content; give the changed policy a new version id`)
      }
      results.push({ operatorId, versionId, action: 'unchanged' })
      continue
    }
    const operatorExists = await deps.db.selectFrom('operators').select('operator_id').where('operator_id', '=', operatorId).executeTakeFirst()
    await uploadPolicyVersion(deps, { source, format: 'yaml', uploadedBy: SEED_ACTOR, ...(operatorExists ? { operatorId } : {}) })
    const approved = document.version.approved
    await approvePolicyVersion(deps, operatorId, versionId, {
      approvedBy: approved?.by ?? SEED_ACTOR,
      order: approved?.order ?? `seed file ${file}`,
      ...(approved ? { approvedAt: new Date(`${approved.at}T00:00:00+05:00`) } : {}),
    })
    await publishPolicyVersion(deps, operatorId, versionId, SEED_ACTOR)
    results.push({ operatorId, versionId, action: operatorExists ? 'new-version' : 'created' })
  }
  return results
}
