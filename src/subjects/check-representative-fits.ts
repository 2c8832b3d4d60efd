import type { RepresentativeRelation } from '../db/database-schema.ts'
import { DerbesError } from '../errors/index.ts'
import type { LocalDate } from '../kz/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import { ageBand } from './age.ts'
import type { SubjectRow } from './subject-row.ts'

const notFitting = (pointer: string, detail: string, why: string) => new DerbesError('DERBES_REPRESENTATIVE_NOT_FITTING', why, [{ pointer, detail }])

/**
 * Whether `representative` may act for `subject` under `relation`:
 * - parent or guardian: only of a minor (KZK-1.13; Civil Code art. 17(1)) —
 *   by age, or by a kind the policy declares as minors while the age is unknown;
 * - legal representative: of a minor, or of a person of limited or no
 *   capacity (TW-4.1; Civil Code art. 22, 26–27);
 * - attorney: only with the power of attorney's end date (ESP-3);
 * - legal entity's representative: only a subject of a kind whose role is
 *   `legal_entity_representative` (TTC-2);
 * and always: another active subject with full capacity who is not a minor,
 * of a kind that may represent the subject's kind (`represents` in the policy).
 */
export function checkRepresentativeFits(
  policy: CompiledPolicy,
  subject: SubjectRow,
  representative: SubjectRow,
  relation: { relation: RepresentativeRelation; validUntil: string | null },
  today: LocalDate,
): void {
  const subjectKind = policy.subjectKinds.get(subject.kind)
  const representativeKind = policy.subjectKinds.get(representative.kind)
  if (representative.subjectId === subject.subjectId) {
    throw notFitting('/body/representativeId', 'the subject itself', 'a subject cannot represent itself')
  }
  if (representative.status !== 'active') {
    throw notFitting('/body/representativeId', `is ${representative.status}`, `the representative '${representative.subjectId}' is ${representative.status}`)
  }
  if (representative.legalCapacity !== 'full' || ageBand(representative, today, representativeKind?.minor === true) === 'minor') {
    throw notFitting('/body/representativeId', 'lacks full capacity', 'a representative must have full legal capacity and be of age (Civil Code art. 17, 26)')
  }
  if (representativeKind?.represents && !representativeKind.represents.includes(subject.kind)) {
    throw notFitting('/body/representativeId', `a '${representativeKind.id}' represents ${representativeKind.represents.join(', ')}`, `the policy lets a '${representativeKind.id}' represent only ${representativeKind.represents.join(', ')}, not '${subject.kind}'`)
  }
  const minor = ageBand(subject, today, subjectKind?.minor === true) === 'minor'
  switch (relation.relation) {
    case 'parent':
    case 'guardian':
      if (!minor) throw notFitting('/body/relation', 'the subject is not a minor', `a ${relation.relation} acts only for a minor (KZK-1.13); this subject is of age or of unknown age`)
      break
    case 'legal_representative':
      if (!minor && subject.legalCapacity === 'full') {
        throw notFitting('/body/relation', 'the subject is of age with full capacity', 'a legal representative acts for a minor or for a person of limited or no capacity (TW-4.1)')
      }
      break
    case 'attorney':
      if (!relation.validUntil) throw notFitting('/body/validUntil', 'required for an attorney', 'a power of attorney has a term: give validUntil (ESP-3)')
      break
    case 'legal_entity_representative':
      if (representativeKind?.role !== 'legal_entity_representative') {
        throw notFitting('/body/representativeId', `a '${representative.kind}' is not a legal entity's representative`, "a legal entity's representative must be a subject of a kind with the role legal_entity_representative (TTC-2)")
      }
      break
  }
}
