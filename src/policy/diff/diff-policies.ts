import type { CompiledPolicy } from '../compiled-policy.ts'
import { LAW_94V, type LawProfile } from '../law-profile.ts'
import type { Language } from '../schema/index.ts'
import type { DiffContext } from './diff-context.ts'
import { diffConsentForms } from './diff-consent.ts'
import { diffData } from './diff-data.ts'
import { diffDeadlines } from './diff-deadlines.ts'
import { diffOperator } from './diff-operator.ts'
import { diffAgeRules, diffCookies, diffPractice } from './diff-practice.ts'
import { diffPurposes, diffRecipients } from './diff-purposes.ts'
import { diffRetentionRules } from './diff-retention.ts'
import { CHANGE_AREAS, type PolicyChange } from './policy-change.ts'

export interface DiffOptions {
  /** The law that decides what is a cross-border transfer (its storage country). Law 94-V by default. */
  law?: LawProfile
}

/**
 * What changed between two versions of an operator's policy, each change told
 * in a sentence of `lang` for the responsible person: purposes, data,
 * recipients (new cross-border transfers flagged), retention, deadlines,
 * consent forms (a new version flags the subjects who may have to consent
 * again), withdrawal, cookies, minors, contacts. Ordered by area, then as the
 * policy lists things.
 *
 * @example
 * for (const change of diffPolicies(v1, v2, 'ru')) if (change.reconsentNeeded) console.log(change.summary)
 */
export function diffPolicies(before: CompiledPolicy, after: CompiledPolicy, lang: Language, options: DiffOptions = {}): PolicyChange[] {
  const ctx: DiffContext = { before, after, lang, law: options.law ?? LAW_94V, changes: [] }
  diffOperator(ctx)
  diffData(ctx)
  diffPurposes(ctx)
  diffRetentionRules(ctx)
  diffRecipients(ctx)
  diffConsentForms(ctx)
  diffDeadlines(ctx)
  diffCookies(ctx)
  diffAgeRules(ctx)
  diffPractice(ctx)
  const order = (change: PolicyChange) => CHANGE_AREAS.indexOf(change.area)
  // Array.prototype.sort is stable: within an area the policy's own order stays.
  return ctx.changes.sort((a, b) => order(a) - order(b))
}
