import { hash, verify, type Algorithm } from '@node-rs/argon2'

/**
 * argon2id at the library's defaults (19 MiB, 2 passes, 1 lane): OWASP's
 * minimum recommended setting, and about 30 ms here, so a burst of sign-ins
 * cannot starve the two cores.
 */
// `Algorithm` is an ambient const enum, which verbatimModuleSyntax cannot read: 2 is its Argon2id.
const OPTIONS = { algorithm: 2 as Algorithm } as const

/** Passwords shorter than this are refused; longer than the maximum too, so hashing cannot be made slow on purpose. */
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 256

/**
 * A PHC-format argon2id hash with a random salt.
 *
 * @example
 * const stored = await hashPassword('correct horse battery') // $argon2id$v=19$m=19456,t=2,p=1$…
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

let dummy: Promise<string> | undefined

/**
 * Checks a password against a stored hash. Without one (unknown login) it
 * checks against a throw-away hash of the same cost, so an unknown login takes
 * as long as a wrong password and does not reveal which logins exist.
 */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH) return false
  dummy ??= hash('derbes: no such staff user', OPTIONS)
  try {
    const ok = await verify(stored ?? (await dummy), password)
    return ok && stored !== undefined
  } catch {
    return false // a malformed stored hash never signs anyone in
  }
}
