import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from './passwords.ts'

describe('passwords', () => {
  it('are stored as argon2id with a random salt, never as given', async () => {
    const a = await hashPassword('correct horse battery')
    const b = await hashPassword('correct horse battery')
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain('correct horse')
  })

  it('verify the right password only', async () => {
    const stored = await hashPassword('correct horse battery')
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true)
    expect(await verifyPassword(stored, 'correct horse batterY')).toBe(false)
    expect(await verifyPassword(stored, 'x'.repeat(257))).toBe(false)
  })

  it('refuse an unknown login (no stored hash) and a malformed hash, after the same argon2 work', async () => {
    expect(await verifyPassword(undefined, 'derbes: no such staff user')).toBe(false)
    expect(await verifyPassword('not a hash', 'correct horse battery')).toBe(false)
  })
})
