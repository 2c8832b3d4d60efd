import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * The shape shared by API keys (`dk.`) and staff session tokens (`ds.`):
 * `<prefix>.<operator>.<id>.<secret>`. The id finds the row; the secret has
 * 256 random bits and only its SHA-256 is stored, so a stolen database holds
 * no usable token (a plain hash suffices: nothing to brute-force).
 */
export interface TokenParts {
  operatorId: string
  id: string
  secret: string
}

const SHAPE = /^(dk|ds)\.([a-z][a-z0-9-]{0,63})\.([a-z0-9]{16})\.([A-Za-z0-9_-]{43})$/

/** A new 16-character id and 43-character secret. */
export function newTokenParts(): { id: string; secret: string } {
  const id = randomBytes(10).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 16).padEnd(16, '0')
  return { id, secret: randomBytes(32).toString('base64url') }
}

export function formatToken(prefix: 'dk' | 'ds', parts: TokenParts): string {
  return `${prefix}.${parts.operatorId}.${parts.id}.${parts.secret}`
}

/** The parts of a token of the given kind, or undefined when it is not one. */
export function parseToken(prefix: 'dk' | 'ds', token: string): TokenParts | undefined {
  const match = SHAPE.exec(token)
  if (!match || match[1] !== prefix) return undefined
  return { operatorId: match[2]!, id: match[3]!, secret: match[4]! }
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** Compares in constant time, so the stored hash cannot be guessed byte by byte. */
export function secretMatches(storedHash: string, secret: string): boolean {
  const stored = Buffer.from(storedHash, 'hex')
  const given = Buffer.from(hashSecret(secret), 'hex')
  return stored.length === given.length && timingSafeEqual(stored, given)
}
