import { LineCounter, parseDocument } from 'yaml'
import { checkReferences } from './check-references.ts'
import type { PolicyIssue } from './policy-issue.ts'
import type { PolicyDocument } from './schema/index.ts'
import { SourceMap, type Place } from './source-map.ts'
import { validatePolicySchema } from './validate-schema.ts'

export type LoadResult =
  | { ok: true; document: PolicyDocument; source: string; file: string; locate: (path: string) => Place }
  | { ok: false; issues: PolicyIssue[] }

/**
 * Parses a policy written in YAML (or JSON, which is YAML too), validates it
 * against the schema and checks every cross-reference. Reports all issues,
 * each with the file, line, column and JSON Pointer it concerns.
 *
 * @example
 * const result = loadPolicy(await readFile('policies/ttc.yaml', 'utf8'), 'policies/ttc.yaml')
 * if (!result.ok) for (const i of result.issues) console.error(formatPolicyIssue(i))
 */
export function loadPolicy(source: string, file = '<policy>'): LoadResult {
  const lines = new LineCounter()
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const { line, col } = lines.linePos(e.pos[0])
        return { file, line, column: col, path: '', code: 'yaml', message: e.message.split('\n')[0] ?? e.message }
      }),
    }
  }
  const map = new SourceMap(doc, lines)
  const value: unknown = doc.toJS({ maxAliasCount: 100 })
  const place = (path: string, atKey = false) => ({ file, path, ...map.locate(path, { key: atKey }) })

  const violations = validatePolicySchema(value)
  if (violations.length > 0) {
    return { ok: false, issues: violations.map((v) => ({ ...place(v.path, v.atKey), code: v.code, message: v.message })) }
  }
  const document = value as PolicyDocument
  const broken = checkReferences(document)
  if (broken.length > 0) {
    return { ok: false, issues: broken.map((r) => ({ ...place(r.path), code: r.code, message: r.message })) }
  }
  return { ok: true, document, source, file, locate: (path) => map.locate(path) }
}
