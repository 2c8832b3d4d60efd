import { DerbesError } from '../errors/index.ts'
import type { RepresentativeRelation } from '../db/database-schema.ts'
import { activeRepresentatives, getSubject } from '../subjects/index.ts'
import type { PortalDeps } from './portal-deps.ts'
import type { SubjectSession } from './subject-sessions.ts'

/** Whose data, consents and requests a portal call is about. */
export interface ActingFor {
  /** The subject concerned. */
  subjectId: string
  /** Set when the signed-in subject acts as its representative. */
  representative: { representativeId: string; relation: RepresentativeRelation } | null
}

/**
 * The subject a call is about: the signed-in subject itself, or — with
 * `onBehalfOf` — a subject it represents now (`activeRepresentatives`: a
 * parent or guardian of a minor, KZK-1.13; a legal representative, TW-4.1;
 * an attorney within the power's dates, ESP-3). Representatives sign in as
 * themselves. Anyone else → `DERBES_PORTAL_NOT_REPRESENTATIVE`, the same for
 * a subject that does not exist, so ids cannot be probed.
 *
 * @example
 * const { subjectId, representative } = await actingFor(deps, session, childId)
 */
export async function actingFor(deps: Pick<PortalDeps, 'db' | 'clock'>, session: SubjectSession, onBehalfOf?: string, pointer = '/querystring/onBehalfOf'): Promise<ActingFor> {
  if (onBehalfOf === undefined || onBehalfOf === session.subjectId) return { subjectId: session.subjectId, representative: null }
  const reps = await activeRepresentatives(deps.db, session.operatorId, onBehalfOf, deps.clock())
  const mine = reps.find((r) => r.representativeId === session.subjectId)
  if (!mine) {
    throw new DerbesError('DERBES_PORTAL_NOT_REPRESENTATIVE', `the signed-in subject does not represent '${onBehalfOf}' now`, [
      { pointer, detail: 'not a subject you represent now (KZK-1.13, TW-4.1, ESP-3)' },
    ])
  }
  return { subjectId: onBehalfOf, representative: { representativeId: session.subjectId, relation: mine.relation } }
}

/** The subjects the signed-in subject may act for now, itself first. */
export async function actableSubjects(deps: Pick<PortalDeps, 'db' | 'clock'>, session: SubjectSession): Promise<ActingFor[]> {
  const me = await getSubject(deps, session.operatorId, session.subjectId)
  const now = deps.clock()
  const others: ActingFor[] = []
  for (const { subjectId } of me.represents) {
    const mine = (await activeRepresentatives(deps.db, session.operatorId, subjectId, now)).find((r) => r.representativeId === session.subjectId)
    if (mine) others.push({ subjectId, representative: { representativeId: session.subjectId, relation: mine.relation } })
  }
  return [{ subjectId: session.subjectId, representative: null }, ...others]
}
