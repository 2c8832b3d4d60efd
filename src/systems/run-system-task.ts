import type { SystemTaskInput, SystemTaskResult } from './system-task.ts'
import type { SystemsDeps } from './systems-deps.ts'

/** Placeholder while the connectors are written; the signature is final. */
export async function runSystemTask(_deps: SystemsDeps, _input: SystemTaskInput): Promise<SystemTaskResult> {
  throw new Error('runSystemTask: not implemented yet')
}
