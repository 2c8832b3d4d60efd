import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * A subject's portal session token: `dss.<operator>.<session id>.<secret>`,
 * the shape of the staff (`ds.`) and API key (`dk.`) tokens with a prefix of
 * its own, so no staff credential check ever accepts it and no portal check
 * accepts theirs. The secret has 256 random bits; only its SHA-256 is stored.
 */
export interface SubjectTokenParts {
  operatorId: string
  sessionId: string
  secret: string
}

export const SUBJECT_TOKEN_PREFIX = 'dss'

const SHAPE = /^dss\.([a-z][a-z0-9-]{0,63})\.([a-z0-9]{16})\.([A-Za-z0-9_-]{43})$/

/** A new session id and secret. */
export function newSubjectTokenParts(operatorId: string): SubjectTokenParts {
  const sessionId = randomBytes(10).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 16).padEnd(16, '0')
  return { operatorId, sessionId, secret: randomBytes(32).toString('base64url') }
}

export function formatSubjectToken(parts: SubjectTokenParts): string {
  return `${SUBJECT_TOKEN_PREFIX}.${parts.operatorId}.${parts.sessionId}.${parts.secret}`
}

/** The parts of a `dss.` token, or undefined when it is not one. */
export function parseSubjectToken(token: string): SubjectTokenParts | undefined {
  const match = SHAPE.exec(token)
  if (!match) return undefined
  return { operatorId: match[1]!, sessionId: match[2]!, secret: match[3]! }
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** Compares in constant time. */
export function tokenSecretMatches(storedHash: string, secret: string): boolean {
  const stored = Buffer.from(storedHash, 'hex')
  const given = Buffer.from(hashTokenSecret(secret), 'hex')
  return stored.length === given.length && timingSafeEqual(stored, given)
}
