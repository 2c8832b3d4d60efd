import { eraseSubject } from './erase-subject.ts'
import type { SubjectView } from './find-subject.ts'
import type { EraseReason, StatusChangeInput } from './status-reasons.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

/**
 * Destroys a subject's data so it cannot be restored (TW-2; art. 18): the
 * wrapped data key is deleted with the vault values, identifiers and
 * representations in one transaction with the `destroy` audit entry and a
 * `subject.destroyed` event (crypto-shredding: any copy of a ciphertext that
 * survives, in a backup or a replica, has no key left to open it). The row
 * stays as `destroyed`, for the audit log and the consent ledger to point at.
 *
 * @example
 * await destroySubject(deps, { operatorId: 'tw', subjectId, reason: 'unlawful_processing', reference: 'Act 7 of 02.12.2026' }, 'staff:1')
 */
export async function destroySubject(deps: SubjectsDeps, input: StatusChangeInput<EraseReason>, actor: string): Promise<SubjectView> {
  return eraseSubject(deps, input, actor, 'destroyed')
}
