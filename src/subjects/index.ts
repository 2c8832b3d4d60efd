/**
 * Subjects and the encrypted personal-data vault (DESIGN "Storage"): the
 * registry with blind-indexed identifiers, representatives, per-subject data
 * keys, values encrypted per field, block, anonymise, destroy
 * (crypto-shredding), key rotation. Other modules use it through this file.
 */
export { subjectRoutes } from './subject-routes.ts'
export type { SubjectsDeps } from './subjects-deps.ts'
export { registerSubject, type RegisterSubjectInput, type RegisteredSubject } from './register-subject.ts'
export { getSubject, findSubjectByIdentifier, type SubjectView } from './find-subject.ts'
export { updateSubject, type UpdateSubjectInput } from './update-subject.ts'
export { addRepresentative, removeRepresentative, listRepresentatives, type RepresentativeInput, type RepresentativeView } from './representatives.ts'
export { activeRepresentatives, type ActiveRepresentative } from './active-representatives.ts'
export { collectSubjectData, type CollectDataInput } from './collect-data.ts'
export { changeSubjectData, type ChangeDataInput } from './change-data.ts'
export { readSubjectData, type ReadDataInput, type SubjectData, type DataValue } from './read-data.ts'
export { blockSubject, unblockSubject } from './block-subject.ts'
export { anonymiseSubject } from './anonymise-subject.ts'
export { destroySubject } from './destroy-subject.ts'
export { BLOCK_REASONS, UNBLOCK_REASONS, ERASE_REASONS, type BlockReason, type UnblockReason, type EraseReason, type StatusChangeInput } from './status-reasons.ts'
export { subjectDataKey } from './data-keys.ts'
export { rotateOperatorKey, rewrapSubjectKeys, type KeyDeps, type RewrapProgress } from './rotate-keys.ts'
export { ageBand, ageFacts, AGE_BANDS, type AgeBand } from './age.ts'
export type { DataValueInput } from './check-data-values.ts'
export type { IdentifierInput } from './identifiers.ts'
export type { StoredValueInfo } from './vault-values.ts'
export * from './transfers/index.ts'
