import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import type { Language } from '../policy/index.ts'
import type { SignInIdentifierKind } from './portal-tables.ts'
import { formatSubjectToken, hashTokenSecret, newSubjectTokenParts, parseSubjectToken, tokenSecretMatches } from './subject-token.ts'

/** A portal session unused this long ends. */
export const SUBJECT_SESSION_IDLE_MS = 30 * 60_000
/** A portal session ends this long after sign-in however busy it is. */
export const SUBJECT_SESSION_LIFETIME_MS = 8 * 60 * 60_000

/** The signed-in subject of a portal request. */
export interface SubjectSession {
  operatorId: string
  /** Who signed in: the subject, or a representative acting for others (`onBehalfOf`). */
  subjectId: string
  sessionId: string
  language: Language
  /** How the audit log names the subject acting through the portal. */
  actor: string
  /** The idle or absolute end, whichever comes first. */
  expiresAt: Date
}

export interface OpenedSubjectSession {
  sessionId: string
  /** `dss.<operator>.<session id>.<secret>`: returned once, only its SHA-256 is stored. */
  token: string
  subjectId: string
  language: Language
  expiresAt: Date
}

/** Opens a session for a subject who entered the right code. */
export async function openSubjectSession(
  trx: Transaction<Database>,
  input: { operatorId: string; subjectId: string; challengeId: string; identifierKind: SignInIdentifierKind; language: Language },
  now: Date,
): Promise<OpenedSubjectSession> {
  const parts = newSubjectTokenParts(input.operatorId)
  const expiresAt = new Date(now.getTime() + SUBJECT_SESSION_LIFETIME_MS)
  await trx
    .insertInto('portal_sessions')
    .values({
      operator_id: input.operatorId,
      session_id: parts.sessionId,
      subject_id: input.subjectId,
      secret_hash: hashTokenSecret(parts.secret),
      challenge_id: input.challengeId,
      identifier_kind: input.identifierKind,
      language: input.language,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ended_at: null,
    })
    .execute()
  return { sessionId: parts.sessionId, token: formatSubjectToken(parts), subjectId: input.subjectId, language: input.language, expiresAt }
}

/**
 * The session of a `dss.` token, or undefined when it is malformed, unknown,
 * signed out, idle for 30 minutes, past its 8 hours, or its subject can no
 * longer sign in (anonymised; a destroyed subject takes its sessions along).
 * Each check refreshes the idle timer.
 *
 * @example
 * const session = await verifySubjectSession(db, token, new Date())
 */
export async function verifySubjectSession(db: Kysely<Database>, token: string, now: Date): Promise<SubjectSession | undefined> {
  const parts = parseSubjectToken(token)
  if (!parts) return undefined
  const row = await db
    .selectFrom('portal_sessions as p')
    .innerJoin('subjects as s', (join) => join.onRef('s.operator_id', '=', 'p.operator_id').onRef('s.subject_id', '=', 'p.subject_id'))
    .select(['p.subject_id', 'p.secret_hash', 'p.language', 'p.last_seen_at', 'p.expires_at', 'p.ended_at', 's.status'])
    .where('p.operator_id', '=', parts.operatorId)
    .where('p.session_id', '=', parts.sessionId)
    .executeTakeFirst()
  if (!row || row.ended_at || !tokenSecretMatches(row.secret_hash, parts.secret)) return undefined
  if (row.status !== 'active' && row.status !== 'blocked') return undefined
  const idleEnd = new Date(row.last_seen_at).getTime() + SUBJECT_SESSION_IDLE_MS
  if (new Date(row.expires_at) <= now || idleEnd <= now.getTime()) return undefined
  await db.updateTable('portal_sessions').set({ last_seen_at: now }).where('operator_id', '=', parts.operatorId).where('session_id', '=', parts.sessionId).execute()
  return {
    operatorId: parts.operatorId,
    subjectId: row.subject_id,
    sessionId: parts.sessionId,
    language: row.language,
    actor: `subject:${row.subject_id}`,
    expiresAt: new Date(Math.min(new Date(row.expires_at).getTime(), now.getTime() + SUBJECT_SESSION_IDLE_MS)),
  }
}

/** Signs a session out; its token is refused from then on. */
export async function endSubjectSession(db: Kysely<Database>, operatorId: string, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('portal_sessions').set({ ended_at: now }).where('operator_id', '=', operatorId).where('session_id', '=', sessionId).where('ended_at', 'is', null).execute()
}
