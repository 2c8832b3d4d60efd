import { describe, expect, it } from 'vitest'
import { Secret, TOTP } from 'otpauth'
import { newTotpSecret, totpCode, totpStep, totpUri } from './totp.ts'

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII of "12345678901234567890".
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii')

describe('TOTP (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  it('computes the RFC 6238 Appendix B codes (last 6 of the 8 digits)', () => {
    expect(totpCode(RFC_SEED, new Date(59_000))).toBe('287082') // 94287082
    expect(totpCode(RFC_SEED, new Date(1_111_111_109_000))).toBe('081804') // 07081804
    expect(totpCode(RFC_SEED, new Date(2_000_000_000_000))).toBe('279037') // 69279037
  })

  it('accepts a code one step either side of now and names its step, nothing further', () => {
    const secret = newTotpSecret()
    const now = new Date('2026-12-02T05:00:10Z')
    const step = Math.floor(now.getTime() / 30_000)
    expect(totpStep(secret, totpCode(secret, now), now)).toBe(step)
    expect(totpStep(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1)
    expect(totpStep(secret, totpCode(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1)
    expect(totpStep(secret, totpCode(secret, new Date(now.getTime() - 60_000)), now)).toBeUndefined()
    expect(totpStep(secret, totpCode(secret, new Date(now.getTime() + 90_000)), now)).toBeUndefined()
  })

  it('refuses anything but six digits', () => {
    const secret = newTotpSecret()
    const now = new Date()
    for (const code of ['', '12345', '1234567', 'abcdef', `${totpCode(secret, now)} `]) expect(totpStep(secret, code, now)).toBeUndefined()
  })

  it('writes an otpauth:// URI an authenticator app reads back to the same codes', () => {
    const secret = newTotpSecret()
    expect(secret).toHaveLength(32)
    const uri = totpUri(secret, 'ttc', 'a.nurlanova')
    expect(uri).toMatch(/^otpauth:\/\/totp\/Derbes%20ttc:a\.nurlanova\?/)
    expect(uri).toContain('algorithm=SHA1')
    expect(uri).toContain('digits=6')
    expect(uri).toContain('period=30')
    const parsed = new URL(uri)
    const app = new TOTP({ secret: Secret.fromBase32(parsed.searchParams.get('secret')!) })
    const at = new Date('2026-12-02T05:00:00Z')
    expect(app.generate({ timestamp: at.getTime() })).toBe(totpCode(secret, at))
  })
})
