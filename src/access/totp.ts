import { randomBytes } from 'node:crypto'
import { Secret, TOTP } from 'otpauth'

/**
 * RFC 6238 as every authenticator app reads it: HMAC-SHA-1, 6 digits, 30 s
 * steps. A code of the step before or after is accepted too (clock drift).
 */
export const TOTP_SETTINGS = { algorithm: 'SHA1', digits: 6, period: 30 } as const
const WINDOW = 1

/** 32 random bytes: the same size as a data key, so the operator's key provider wraps it as one. */
export function newTotpSecret(): Buffer {
  return randomBytes(32)
}

/**
 * The `otpauth://totp/…` URI an authenticator app scans (as a QR code).
 *
 * @example
 * totpUri(secret, 'ttc', 'a.nurlanova') // otpauth://totp/Derbes%20ttc:a.nurlanova?issuer=Derbes%20ttc&secret=…&algorithm=SHA1&digits=6&period=30
 */
export function totpUri(secret: Buffer, operatorId: string, login: string): string {
  return new TOTP({ ...TOTP_SETTINGS, issuer: `Derbes ${operatorId}`, label: login, secret: new Secret({ buffer: toArrayBuffer(secret) }) }).toString()
}

/**
 * The time step a code belongs to, when it is valid at `now` within one step
 * either side; undefined otherwise. The caller refuses a step it accepted
 * before, so no code works twice (RFC 6238 §5.2).
 */
export function totpStep(secret: Buffer, code: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined
  const totp = new TOTP({ ...TOTP_SETTINGS, secret: new Secret({ buffer: toArrayBuffer(secret) }) })
  const timestamp = now.getTime()
  const delta = totp.validate({ token: code, timestamp, window: WINDOW })
  return delta === null ? undefined : totp.counter({ timestamp }) + delta
}

/** The code of a step, for tests and the CLI's demo: what the authenticator app would show. */
export function totpCode(secret: Buffer, at: Date): string {
  return TOTP.generate({ ...TOTP_SETTINGS, secret: new Secret({ buffer: toArrayBuffer(secret) }), timestamp: at.getTime() })
}

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
}
