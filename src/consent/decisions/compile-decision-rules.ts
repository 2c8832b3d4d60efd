import type { CompiledPolicy, CrossBorderGround, LegalBasis, RecipientRole } from '../../policy/index.ts'
import { parseCalendarDuration, type CalendarDuration } from './calendar-duration.ts'
import type { Decision } from './decision-types.ts'

const NONE: readonly string[] = Object.freeze([])

/** Retention a decision can check from the subject's row: a clock that starts at the end of the relationship or contract. */
export interface RetentionCheck {
  readonly keep: CalendarDuration
  /** The rule's ISO 8601 `keep`, for the audience's SQL. */
  readonly keepText: string
  readonly clauses: readonly string[]
}

export interface PurposeRules {
  readonly id: string
  readonly basis: LegalBasis
  readonly marketing: boolean
  /** Declared channels; null when the purpose declares none (consent is then not per channel). */
  readonly channels: ReadonlySet<string> | null
  readonly itemIds: ReadonlySet<string>
  /** Subject kinds the purpose serves; null = all kinds. */
  readonly subjectKinds: ReadonlySet<string> | null
  readonly clauses: readonly string[]
  /** null when the rule has no clock a decision can see, keeps data without limit, or a law keeps it longer (TTC-6.5, PS-6.2). */
  readonly retention: RetentionCheck | null
  /** Clauses of the retention rule when it ends with a withdrawal or expiry of consent (TW-6.1, TW-6.3). */
  readonly consentEndClauses: readonly string[]
  /** The one answer for "allowed", built once so the allow path allocates nothing. */
  readonly allow: Decision
}

export interface FormRules {
  readonly version: number
  readonly thirdPartyTransfer: boolean | undefined
  readonly clauses: readonly string[]
  readonly withdrawalClauses: readonly string[]
}

export interface RecipientRules {
  readonly id: string
  readonly role: RecipientRole
  readonly country: string
  readonly crossBorderGround: CrossBorderGround | undefined
  readonly purposes: ReadonlySet<string>
  /** Items of the categories it receives; null = any item of its purposes. */
  readonly itemIds: ReadonlySet<string> | null
  readonly clauses: readonly string[]
}

/** KZK-3.16: items that may serve only some purposes. */
export interface PurposeLockRules {
  readonly itemIds: ReadonlySet<string>
  readonly purposes: ReadonlySet<string>
  readonly subjectKinds: ReadonlySet<string> | null
  readonly otherUse: 'forbidden' | 'additional_parental_consent'
  /** Per other purpose, the separate forms whose parental consent counts as the further consent of KZK-3.17. */
  readonly additionalForms: ReadonlyMap<string, ReadonlySet<string>>
  readonly clauses: readonly string[]
}

/** Everything a decision needs from one policy version, indexed once. */
export interface CompiledDecisionRules {
  readonly policy: CompiledPolicy
  readonly operatorId: string
  readonly versionId: string
  readonly purposes: ReadonlyMap<string, PurposeRules>
  /** Item id → category id. */
  readonly itemCategory: ReadonlyMap<string, string>
  readonly forms: ReadonlyMap<string, FormRules>
  readonly recipients: ReadonlyMap<string, RecipientRules>
  readonly locks: readonly PurposeLockRules[]
  /** Kinds the policy marks as minors (KZK child). */
  readonly minorKinds: ReadonlySet<string>
  /** `ageRules.underAge` is not parental consent: minors' data is not processed at all (TTC-10.4). */
  readonly minorsRefused: boolean
  readonly ageClauses: readonly string[]
  /** The policy version's clauses (TTC-1.8: each consent is tied to the version shown). */
  readonly versionClauses: readonly string[]
}

/** Triggers whose start a decision knows from `subjects.relationship_ended_at`. */
const RELATIONSHIP_TRIGGERS = new Set(['relationship_end', 'contract_end', 'account_closed'])

const cache = new WeakMap<CompiledPolicy, CompiledDecisionRules>()

/**
 * The decision rules of a compiled policy, built on first use and kept as
 * long as the policy object lives.
 *
 * @example
 * const rules = decisionRulesFor(compiled)
 * rules.purposes.get('marketing')?.channels?.has('sms')
 */
export function decisionRulesFor(policy: CompiledPolicy): CompiledDecisionRules {
  let rules = cache.get(policy)
  if (!rules) {
    rules = compileDecisionRules(policy)
    cache.set(policy, rules)
  }
  return rules
}

const frozen = (list: readonly string[] | undefined): readonly string[] => (list && list.length > 0 ? Object.freeze([...new Set(list)]) : NONE)
const setOrNull = (list: readonly string[] | undefined): ReadonlySet<string> | null => (list ? new Set(list) : null)

/** Indexes a compiled policy for decisions: per purpose item sets, channel sets, lock sets, recipient country and purpose sets. */
export function compileDecisionRules(policy: CompiledPolicy): CompiledDecisionRules {
  const document = policy.document
  const purposes = new Map<string, PurposeRules>()
  for (const purpose of policy.purposes.values()) {
    const rule = purpose.retentionRule
    const clocked = rule.keep !== 'unlimited' && rule.triggers.some((t) => RELATIONSHIP_TRIGGERS.has(t))
    // A legal obligation keeps the data as long as that law demands (TTC-6.5, PS-6.2: "unless the law requires").
    const lawKeeps = purpose.basis === 'legal_obligation' && rule.unlessLawRequires === true
    const consentEnds = rule.triggers.includes('consent_withdrawn') || rule.triggers.includes('consent_expired')
    purposes.set(purpose.id, Object.freeze({
      id: purpose.id,
      basis: purpose.basis,
      marketing: purpose.marketing === true,
      channels: setOrNull(purpose.channels),
      itemIds: new Set(purpose.itemIds),
      subjectKinds: setOrNull(purpose.subjectKinds),
      clauses: frozen(purpose.clauses),
      retention: clocked && !lawKeeps ? Object.freeze({ keep: parseCalendarDuration(rule.keep), keepText: rule.keep, clauses: frozen(rule.clauses) }) : null,
      consentEndClauses: consentEnds ? frozen(rule.clauses) : NONE,
      allow: Object.freeze({ allow: true, basis: purpose.basis, reasons: Object.freeze([]) }),
    }))
  }

  const forms = new Map<string, FormRules>()
  for (const [id, form] of policy.consentForms) {
    forms.set(id, Object.freeze({
      version: form.version,
      thirdPartyTransfer: form.thirdPartyTransfer,
      clauses: frozen(form.clauses),
      withdrawalClauses: frozen(form.withdrawal.clauses),
    }))
  }

  const itemCategory = new Map<string, string>()
  for (const [id, item] of policy.items) itemCategory.set(id, item.categoryId)

  const recipients = new Map<string, RecipientRules>()
  for (const r of policy.recipients.values()) {
    const itemIds = r.categories ? [...policy.items.values()].filter((i) => r.categories!.includes(i.categoryId)).map((i) => i.id) : undefined
    recipients.set(r.id, Object.freeze({
      id: r.id,
      role: r.role,
      country: r.country,
      crossBorderGround: r.crossBorderGround,
      purposes: new Set(r.purposes),
      itemIds: setOrNull(itemIds),
      clauses: frozen(r.clauses),
    }))
  }

  const age = document.ageRules
  const locks = (age.purposeLocks ?? []).map((lock): PurposeLockRules => {
    const additionalForms = new Map<string, Set<string>>()
    // The further consent of KZK-3.17 is a separate form of its own that names the locked items, not the registration consent.
    for (const form of policy.consentForms.values()) {
      if (form.separate !== true || !form.items?.some((i) => lock.items.includes(i))) continue
      for (const purposeId of form.purposes) {
        if (lock.purposes.includes(purposeId)) continue
        const set = additionalForms.get(purposeId) ?? new Set<string>()
        set.add(form.id)
        additionalForms.set(purposeId, set)
      }
    }
    return Object.freeze({
      itemIds: new Set(lock.items),
      purposes: new Set(lock.purposes),
      subjectKinds: setOrNull(lock.subjectKinds),
      otherUse: lock.otherUse,
      additionalForms,
      clauses: frozen([...(lock.clauses ?? []), ...(age.clauses ?? [])]),
    })
  })

  return Object.freeze({
    policy,
    operatorId: policy.operatorId,
    versionId: policy.versionId,
    purposes,
    itemCategory,
    forms,
    recipients,
    locks: Object.freeze(locks),
    minorKinds: new Set(document.subjectKinds.filter((k) => k.minor === true).map((k) => k.id)),
    minorsRefused: age.underAge !== 'parental_consent',
    ageClauses: frozen(age.clauses),
    versionClauses: frozen(document.version.clauses),
  })
}
