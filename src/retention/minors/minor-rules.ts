import type { RepresentativeRelation } from '../../db/database-schema.ts'
import type { CompiledPolicy } from '../../policy/index.ts'

/** Why a subject is flagged: its age puts it under the minimum, or its kind is minors' (KZK `child`) and its age is unknown. */
export const MINOR_FLAG_REASONS = ['under_minimum_age', 'minor_kind_age_unknown'] as const
export type MinorFlagReason = (typeof MINOR_FLAG_REASONS)[number]

/**
 * What the policy's `ageRules.underAge` makes of a flagged subject:
 * `delete_asap` → destroyed by the next retention run (TTC-10.4);
 * `parental_consent` → blocked until a representative consents (KZK-1.13);
 * `reject` → flagged for refusal (decisions already refuse a minor's data).
 */
export const MINOR_FLAG_HANDLINGS = ['destroy_due', 'blocked_until_representative_consents', 'refused'] as const
export type MinorFlagHandling = (typeof MINOR_FLAG_HANDLINGS)[number]

export const MINOR_FLAG_CLEARED_REASONS = ['came_of_age', 'representative_consented', 'subject_gone', 'policy_changed'] as const
export type MinorFlagClearedReason = (typeof MINOR_FLAG_CLEARED_REASONS)[number]

const ALL_REPRESENTATIVES: readonly RepresentativeRelation[] = ['parent', 'guardian', 'legal_representative']

/** The policy's age rules as the minors scan applies them. */
export interface MinorRules {
  policyVersionId: string
  adultAge: number
  /** `ageRules.minimumAge`, or the adult age when the policy sets none. */
  minimumAge: number
  underAge: 'delete_asap' | 'parental_consent' | 'reject'
  handling: MinorFlagHandling
  /**
   * Whether a representative's consent makes a minor's data fine: only under
   * `parental_consent`. Under `delete_asap` and `reject` the policy does not
   * process minors at all — decisions refuse them whoever consented
   * (`subject.under_age`), so every minor is flagged.
   */
  representativeConsentSuffices: boolean
  /** Who may consent for a minor (`ageRules.consentBy`; parent, guardian or legal representative when unset). */
  consentBy: readonly RepresentativeRelation[]
  /** Block the subject when it is flagged: `parental_consent` until a parent consents; `delete_asap` when `restrictAccess` (TTC-10.4). */
  block: boolean
  /** Kinds the policy declares as minors: flagged while their age is unknown. */
  minorKinds: readonly string[]
  clauses: readonly string[]
}

/**
 * The minors rules of a published policy.
 *
 * @example
 * minorRules(ttc) // { minimumAge: 18, underAge: 'delete_asap', handling: 'destroy_due', block: true, clauses: ['TTC-2(2)', 'TTC-10.4'], … }
 */
export function minorRules(policy: CompiledPolicy): MinorRules {
  const age = policy.document.ageRules
  const handling: MinorFlagHandling =
    age.underAge === 'delete_asap' ? 'destroy_due' : age.underAge === 'parental_consent' ? 'blocked_until_representative_consents' : 'refused'
  return {
    policyVersionId: policy.versionId,
    adultAge: age.adultAge,
    minimumAge: age.minimumAge ?? age.adultAge,
    underAge: age.underAge,
    handling,
    representativeConsentSuffices: age.underAge === 'parental_consent',
    consentBy: age.consentBy?.length ? age.consentBy : ALL_REPRESENTATIVES,
    block: age.underAge === 'parental_consent' || (age.underAge === 'delete_asap' && age.restrictAccess === true),
    minorKinds: policy.document.subjectKinds.filter((k) => k.minor === true).map((k) => k.id),
    // Civil Code art. 17(1): full capacity at 18; art. 22(1): a minor acts with the representative's consent.
    clauses: age.clauses?.length ? [...age.clauses] : ['Civil Code art. 17(1)', 'Civil Code art. 22(1)'],
  }
}
