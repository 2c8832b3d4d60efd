import { compilePolicy } from '../compile-policy.ts'
import { LAW_94V, type LawProfile } from '../law-profile.ts'
import type { LoadResult } from '../load-policy.ts'
import { LINT_SEVERITIES, type LintFinding, type LintRule, type LintSeverity } from './lint-rule.ts'
import { LINT_RULES } from './rules/index.ts'

export interface LintReport {
  file: string
  /** Errors first, then warnings, then info; within each, in file order. */
  findings: LintFinding[]
  counts: Record<LintSeverity, number>
}

/**
 * Lints a loaded policy against the law: runs every rule on the compiled
 * policy and places each finding at the line and column its JSON Pointer
 * lands on.
 *
 * @example
 * const loaded = loadPolicy(await readFile('policies/kzk.yaml', 'utf8'), 'policies/kzk.yaml')
 * if (loaded.ok) console.log(formatHuman(lintPolicy(loaded)))
 */
export function lintPolicy(
  loaded: LoadResult & { ok: true },
  law: LawProfile = LAW_94V,
  rules: readonly LintRule[] = LINT_RULES,
): LintReport {
  const policy = compilePolicy(loaded.document, law)
  const findings = rules
    .flatMap((rule) => rule.check(policy, law))
    .map((finding) => ({ ...finding, ...loaded.locate(finding.path), file: loaded.file }))
    .sort(byReadingOrder)
  const counts = { error: 0, warning: 0, info: 0 }
  for (const finding of findings) counts[finding.severity] += 1
  return { file: loaded.file, findings, counts }
}

function byReadingOrder(a: LintFinding, b: LintFinding): number {
  return (
    LINT_SEVERITIES.indexOf(a.severity) - LINT_SEVERITIES.indexOf(b.severity) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.ruleId.localeCompare(b.ruleId)
  )
}
