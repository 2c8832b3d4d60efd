import type { CompiledDecisionRules, FormRules, PurposeRules } from './compile-decision-rules.ts'
import { DECISION_REASONS, type ReasonCode } from './decision-reasons.ts'
import type { ConsentFact, DecisionReason, SubjectFacts } from './decision-types.ts'
import type { ConsentStanding } from './select-consent.ts'

const NONE: readonly string[] = Object.freeze([])

/** Clause lists joined without repeats; only the deny path builds them. */
function clauses(...lists: readonly (readonly string[] | undefined)[]): readonly string[] {
  const all = new Set<string>()
  for (const list of lists) if (list) for (const c of list) all.add(c)
  return all.size === 0 ? NONE : [...all]
}

export function reason(code: ReasonCode, policyClauses: readonly string[] = NONE, detail?: DecisionReason['detail']): DecisionReason {
  return detail === undefined
    ? { code, clause: DECISION_REASONS[code].clause, policyClauses }
    : { code, clause: DECISION_REASONS[code].clause, policyClauses, detail }
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
