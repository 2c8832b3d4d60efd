export { diffPolicies, type DiffOptions } from './diff-policies.ts'
export { formatPolicyDiff, type FormatDiffOptions } from './format-policy-diff.ts'
export { CHANGE_AREAS, CHANGE_FIELDS, CHANGE_KINDS, type ChangeArea, type ChangeField, type ChangeKind, type PolicyChange } from './policy-change.ts'
