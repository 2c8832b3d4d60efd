import type { CompiledDecisionRules, FormRules, PurposeRules } from './compile-decision-rules.ts'
import { DECISION_REASONS, type ReasonCode } from './decision-reasons.ts'
import type { ConsentFact, DecisionReason, SubjectFacts } from './decision-types.ts'
import type { ConsentStanding } from './select-consent.ts'

const NONE: readonly string[] = Object.freeze([])

const joined = new WeakMap<readonly string[], WeakMap<readonly string[], readonly string[]>>()

/**
 * Two clause lists joined without repeats. The lists are the compiled rules'
 * frozen arrays, so each pair is joined once and shared: a denial allocates
 * its reasons, not their citations.
 */
function clauses(a: readonly string[] = NONE, b: readonly string[] = NONE): readonly string[] {
  if (b.length === 0) return a
  if (a.length === 0) return b
  let inner = joined.get(a)
  if (!inner) joined.set(a, (inner = new WeakMap()))
  let both = inner.get(b)
  if (!both) inner.set(b, (both = Object.freeze([...new Set([...a, ...b])])))
  return both
}

const plain = new WeakMap<readonly string[], Map<ReasonCode, DecisionReason>>()

/** A reason; one without detail is built once per code and clause list and shared (they are frozen). */
export function reason(code: ReasonCode, policyClauses: readonly string[] = NONE, detail?: DecisionReason['detail']): DecisionReason {
  if (detail !== undefined) return { code, clause: DECISION_REASONS[code].clause, policyClauses, detail }
  let byCode = plain.get(policyClauses)
  if (!byCode) plain.set(policyClauses, (byCode = new Map()))
  let shared = byCode.get(code)
  if (!shared) byCode.set(code, (shared = Object.freeze({ code, clause: DECISION_REASONS[code].clause, policyClauses })))
  return shared
}

export function statusReason(status: Exclude<SubjectFacts['status'], 'active'>): DecisionReason {
  return reason(status === 'blocked' ? 'subject.blocked' : status === 'destroyed' ? 'subject.destroyed' : 'subject.anonymised')
}

type Detail = Record<string, string | number | readonly string[]>

const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString())

/** Why a consent-based purpose has no consent in force, with the clauses of the form and the retention rule that name it. */
export function consentReason(
  rules: CompiledDecisionRules,
  p: PurposeRules,
  row: ConsentFact | undefined,
  standing: Exclude<ConsentStanding, 'given'>,
  channel: string,
): DecisionReason {
  const form = row ? rules.forms.get(row.formId) : undefined
  const about: Detail = row ? { formId: row.formId, formVersion: row.formVersion } : {}
  switch (standing) {
    case 'missing':
      // ESP-2: a marketing consent through one channel does not open another.
      return p.marketing && channel !== ''
        ? reason('channel.not_consented', p.clauses, { channel })
        : reason('consent.missing', p.clauses)
    case 'refused':
      return reason('consent.refused', clauses(form?.clauses, p.clauses), about)
    case 'withdrawn': {
      const effectiveAt = iso(row!.withdrawalEffectiveAt)
      // TW-6.3: the retention rule ends with the withdrawal; ESP App.1 §5: effective after the notice period.
      return reason('consent.withdrawn', clauses(form?.withdrawalClauses, p.consentEndClauses), effectiveAt ? { ...about, effectiveAt } : about)
    }
    case 'expired': {
      const expiredAt = iso(row!.expiresAt)
      return reason('consent.expired', clauses(form?.clauses, p.consentEndClauses), expiredAt ? { ...about, expiredAt } : about)
    }
  }
}

/** TTC-1.8: each consent is tied to the version of the form shown; a newer version needs a new consent. */
export function formOutdated(rules: CompiledDecisionRules, row: ConsentFact, form: FormRules | undefined): DecisionReason {
  const detail: Detail = { formId: row.formId, formVersion: row.formVersion }
  if (form) detail.currentVersion = form.version
  return reason('consent.form_outdated', clauses(form?.clauses, rules.versionClauses), detail)
}
