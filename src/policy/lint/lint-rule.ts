import type { CompiledPolicy } from '../compiled-policy.ts'
import type { LawProfile } from '../law-profile.ts'
import { toPointer } from '../policy-issue.ts'

export const LINT_SEVERITIES = ['error', 'warning', 'info'] as const
export type LintSeverity = (typeof LINT_SEVERITIES)[number]

/** One place where a policy departs from the law, as `derbes policy lint` reports it. */
export interface LintFinding {
  ruleId: string
  severity: LintSeverity
  /** The article of Law 94-V (or the act) the finding rests on, e.g. `art. 12(2)`. */
  article: string
  /** Names the offending id, so the reader need not open the file to know what is meant. */
  message: string
  /** How to fix it. */
  hint: string
  /** JSON Pointer into the policy document, e.g. `/retention/2/keep`. */
  path: string
  line?: number
  column?: number
  file?: string
}

/** A check of a compiled policy against the law. Every rule cites its article and says how to fix what it finds. */
export interface LintRule {
  /** kebab-case, stable: users silence and search by it. */
  id: string
  article: string
  severity: LintSeverity
  title: string
  hint: string
  check(policy: CompiledPolicy, law: LawProfile): LintFinding[]
}

export type LintRuleMeta = Omit<LintRule, 'check'>

/** What a rule's body receives: the policy, the law, and `report` to add a finding at a place in the document. */
export interface RuleContext {
  policy: CompiledPolicy
  law: LawProfile
  /** `article` narrows the rule's article for this finding (a deadline rule cites the deadline's own article). */
  report(path: readonly (string | number)[], message: string, article?: string): void
}

/**
 * Builds a rule from its description and a body that reports findings, so
 * each finding carries the rule's id, severity, article and hint unchanged.
 *
 * @example
 * export const noResponsiblePerson = defineRule(
 *   { id: 'no-responsible-person', article: 'art. 25(2)(10)', severity: 'error', title: '…', hint: '…' },
 *   ({ policy, report }) => { if (!policy.document.operator.responsiblePerson) report(['operator'], '…') },
 * )
 */
export function defineRule(meta: LintRuleMeta, body: (context: RuleContext) => void): LintRule {
  return Object.freeze({
    ...meta,
    check(policy: CompiledPolicy, law: LawProfile): LintFinding[] {
      const findings: LintFinding[] = []
      const report = (path: readonly (string | number)[], message: string, article = meta.article) =>
        findings.push({ ruleId: meta.id, severity: meta.severity, article, message, hint: meta.hint, path: toPointer(path) })
      body({ policy, law, report })
      return findings
    },
  })
}
