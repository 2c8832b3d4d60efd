import { DerbesError } from '../errors/index.ts'
import { loadPolicy, type PolicyDocument } from '../policy/index.ts'

export type PolicyFormat = 'yaml' | 'json'

/**
 * Parses an uploaded policy and refuses it, with every issue's line, column and
 * pointer, when it is malformed or inconsistent. Nothing is stored before this passes.
 */
export function parsePolicyUpload(source: string, format: PolicyFormat, file: string): PolicyDocument {
  if (format === 'json') {
    try {
      JSON.parse(source)
    } catch (error) {
      throw new DerbesError('DERBES_POLICY_INVALID', `the body is not valid JSON: ${(error as Error).message}`)
    }
  }
  const loaded = loadPolicy(source, file)
  if (!loaded.ok) {
    throw new DerbesError(
      'DERBES_POLICY_INVALID',
      `${loaded.issues.length} problem(s) in ${file}`,
      loaded.issues.map((i) => ({ pointer: i.path, detail: i.message, line: i.line, column: i.column, code: i.code })),
    )
  }
  return loaded.document
}
