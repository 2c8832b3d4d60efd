/** What a change does to a part of the policy. */
export const CHANGE_KINDS = ['added', 'removed', 'changed'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

/** The parts of a policy a change can touch, in the order a responsible person reads them. */
export const CHANGE_AREAS = [
  'operator', 'version', 'subject_kinds', 'categories', 'items', 'purposes', 'retention', 'recipients', 'consent_forms',
  'withdrawal', 'deadlines', 'cookies', 'age_rules', 'requests', 'access', 'breach', 'notice',
] as const
export type ChangeArea = (typeof CHANGE_AREAS)[number]

/** The fields a change can name; each has a label in kk, ru and en in the message catalogue. */
export const CHANGE_FIELDS = [
  'name', 'bin', 'iin', 'address', 'postal_address', 'email', 'phone', 'website', 'responsible_person', 'data_location', 'legal_acts',
  'change_notice', 'description', 'role', 'min_age', 'minor', 'represents', 'citizenship', 'kind', 'sensitivity', 'sources', 'category',
  'optional', 'basis', 'basis_note', 'categories', 'items', 'subject_kinds', 'marketing', 'transactional', 'channels', 'anonymised',
  'research', 'automated_decisions', 'publication', 'retention', 'country', 'purposes', 'cross_border_ground', 'conditions', 'title',
  'text', 'version', 'methods', 'given_by', 'term', 'third_party_transfer', 'cross_border', 'separate', 'notice_period', 'blocked_by',
  'consequences', 'deadline', 'banner', 'changeable', 'personal_data', 'requires_consent', 'adult_age', 'minimum_age', 'under_age',
  'consent_by', 'purpose_lock', 'restrict_access', 'approval_authority', 'identity_proof', 'answer_channels', 'free', 'corrections_from', 'notify_recipients', 'bases',
  'minimum_necessary', 'monitored', 'roles', 'notify_subjects', 'exceptions', 'body',
] as const
export type ChangeField = (typeof CHANGE_FIELDS)[number]

/**
 * One difference between two versions of a policy, told in plain words for
 * the responsible person. `before` and `after` are the values in the same
 * language as the summary; JSON output is an array of these.
 */
export interface PolicyChange {
  readonly kind: ChangeKind
  readonly area: ChangeArea
  /** The id of what changed: a purpose, recipient, consent form, request kind, or the operator field. */
  readonly id: string
  readonly field?: ChangeField
  readonly summary: string
  readonly before?: string
  readonly after?: string
  /** Subjects who consented under the earlier version may have to consent again. */
  readonly reconsentNeeded?: boolean
  /** The change starts, moves or widens a transfer of data abroad (art. 16). */
  readonly crossBorder?: boolean
}
