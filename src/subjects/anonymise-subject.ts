import { eraseSubject } from './erase-subject.ts'
import type { SubjectView } from './find-subject.ts'
import type { EraseReason, StatusChangeInput } from './status-reasons.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

/**
 * Anonymises a subject, irreversibly (TW-2: data can no longer be linked to
 * the subject; art. 17(1); PS-6.2): its identifiers, data key, vault values
 * and representations are deleted, and the row stays as `anonymised` with
 * its kind and nothing that links it to the person — it still counts in
 * anonymised statistics (TW-3.2).
 *
 * @example
 * await anonymiseSubject(deps, { operatorId: 'ps', subjectId, reason: 'relationship_ended' }, 'system:retention')
 */
export async function anonymiseSubject(deps: SubjectsDeps, input: StatusChangeInput<EraseReason>, actor: string): Promise<SubjectView> {
  return eraseSubject(deps, input, actor, 'anonymised')
}
