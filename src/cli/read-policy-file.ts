import { readFile } from 'node:fs/promises'
import { DerbesError } from '../errors/index.ts'
import { formatPolicyIssue, loadPolicy, type LoadResult, type PolicyIssue } from '../policy/index.ts'

export type LoadedPolicy = LoadResult & { ok: true }

/** Reads and loads a policy file; refuses it with every issue named at its line and column. */
export async function readPolicyFile(file: string): Promise<LoadedPolicy> {
  const loaded = loadPolicy(await readFile(file, 'utf8'), file)
  if (!loaded.ok) throw new PolicyFileError(loaded.issues)
  return loaded
}

export class PolicyFileError extends DerbesError {
  readonly issues: readonly PolicyIssue[]
  constructor(issues: readonly PolicyIssue[]) {
    super('DERBES_POLICY_INVALID', `${issues.length} problem(s):\n${issues.map((i) => `  ${formatPolicyIssue(i)}`).join('\n')}`)
    this.issues = issues
  }
}
