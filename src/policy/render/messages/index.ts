/**
 * The one message catalogue of the notice, the consent form and the version
 * diff: every fixed string a subject or a responsible person reads, in Kazakh,
 * Russian and English, split by area into the files of this folder. The types
 * make a missing language, a missing key or a missing enum value a compile
 * error: enum tables are `Record<EnumValue, Localized>` over the schema's
 * `as const` lists, the parts of `MESSAGES` each `satisfies Record<string,
 * Localized>`, and `message-catalogue.ts` refuses a key found in two parts.
 *
 * Templates take `{name}` placeholders, filled by `fill()` (../format-text.ts),
 * which throws on a placeholder left without a value.
 */
export type { Localized } from './localized.ts'
export { MONTHS, NOUNS, type Noun, type PluralNoun } from './units.ts'
export { MESSAGES, type MessageKey } from './message-catalogue.ts'
export { ITEM_KIND_LABELS, SENSITIVITY_LABELS, SOURCE_LABELS, SUBJECT_ROLE_LABELS } from './enum-labels-data.ts'
export {
  CHANNEL_LABELS, CROSS_BORDER_GROUND_LABELS, LEGAL_BASIS_LABELS, RECIPIENT_ROLE_LABELS, RETENTION_ACTION_LABELS, RETENTION_AFTER,
  RETENTION_TRIGGER_LABELS,
} from './enum-labels-purposes.ts'
export {
  CONSENT_GIVER_LABELS, CONSENT_METHOD_LABELS, CONSENT_TERM_LABELS, WITHDRAWAL_BLOCKER_LABELS, WITHDRAWAL_CHANNEL_LABELS,
  WITHDRAWAL_CONSEQUENCE_LABELS,
} from './enum-labels-consent.ts'
export { CORRECTIONS_FROM_LABELS, DAY_UNIT_LABELS, IDENTITY_PROOF_LABELS, REQUEST_CHANNEL_LABELS, REQUEST_KIND_LABELS } from './enum-labels-requests.ts'
export {
  ACCESS_ACTION_LABELS, ACCESS_BASIS_LABELS, AGE_CONSENT_BY_LABELS, BREACH_EXCEPTION_LABELS, CHANGE_NOTICE_LABELS, COOKIE_CATEGORY_LABELS,
  PURPOSE_LOCK_OTHER_USE_LABELS, UNDER_AGE_ACTION_LABELS,
} from './enum-labels-practice.ts'
export { CHANGE_AREA_LABELS, CHANGE_ENTITIES, CHANGE_FIELD_LABELS } from './diff-messages.ts'
