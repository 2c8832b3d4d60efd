import { getPublishedVersion } from '../operators/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

/**
 * The operator's published policy, which every subject rule is read from:
 * kinds, items, sources, purposes, age rules, access roles. Compiled models
 * are cached by the operators module, so this is two small queries.
 */
export async function publishedPolicy(deps: Pick<SubjectsDeps, 'db' | 'clock'>, operatorId: string): Promise<CompiledPolicy> {
  return (await getPublishedVersion(deps, operatorId)).compiled
}
