/**
 * Test support for the lint rules: the compliant base policy, and a way to
 * lint a copy of it with one deviation written in. Edits go through the real
 * loader, so a fixture that no longer validates fails loudly instead of
 * testing a policy no operator could upload.
 */
import { readFileSync } from 'node:fs'
import { stringify } from 'yaml'
import { LAW_94V, type LawProfile } from '../law-profile.ts'
import { loadPolicy } from '../load-policy.ts'
import { formatPolicyIssue } from '../policy-issue.ts'
import type { PolicyDocument } from '../schema/index.ts'
import { lintPolicy, type LintReport } from './lint-policy.ts'
import type { LintFinding, LintRule } from './lint-rule.ts'

export const BASE_POLICY_SOURCE = readFileSync(new URL('./fixtures/base-policy.yaml', import.meta.url), 'utf8')

export function basePolicy(): PolicyDocument {
  const loaded = loadPolicy(BASE_POLICY_SOURCE, 'base-policy.yaml')
  if (!loaded.ok) throw new Error(`base-policy.yaml does not load:\n${loaded.issues.map(formatPolicyIssue).join('\n')}`)
  return structuredClone(loaded.document)
}

/** Lints the base policy after `edit` has changed a copy of it. */
export function lintVariant(edit: (policy: PolicyDocument) => void = () => {}, law: LawProfile = LAW_94V): LintReport {
  const policy = basePolicy()
  edit(policy)
  const loaded = loadPolicy(stringify(policy), 'variant.yaml')
  if (!loaded.ok) throw new Error(`the edited policy does not load:\n${loaded.issues.map(formatPolicyIssue).join('\n')}`)
  return lintPolicy(loaded, law)
}

/** The findings of one rule on the edited base policy. */
export function findingsOf(rule: LintRule, edit?: (policy: PolicyDocument) => void, law?: LawProfile): LintFinding[] {
  return lintVariant(edit, law).findings.filter((finding) => finding.ruleId === rule.id)
}

/** The entry with this id; throws when the base policy has none, so a renamed fixture id fails the test that uses it. */
export function byId<T extends { id: string }>(list: readonly T[] | undefined, id: string): T {
  const found = list?.find((entry) => entry.id === id)
  if (!found) throw new Error(`no '${id}' in the base policy`)
  return found
}
