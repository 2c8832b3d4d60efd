import { describe, expect, it } from 'vitest'
import { DerbesError } from '../../errors/index.ts'
import { decryptField, encryptField, newDataKey, type FieldContext } from './field-cipher.ts'

const context: FieldContext = { operatorId: 'ttc', subjectId: 'subject-1', itemId: 'phone' }
const dek = newDataKey()

function expectDecryptFailure(run: () => unknown): void {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(DerbesError)
    expect((error as DerbesError).code).toBe('DERBES_VAULT_DECRYPT_FAILED')
    return
  }
  expect.fail('decryption succeeded')
}

/** Flips one bit of byte `index` of the decoded part `part` (1 = nonce, 2 = ciphertext ‖ tag). */
function flip(ciphertext: string, part: 1 | 2, index: number): string {
  const parts = ciphertext.split('.')
  const bytes = Buffer.from(parts[part]!, 'base64url')
  bytes[(index + bytes.length) % bytes.length]! ^= 0x01
  parts[part] = bytes.toString('base64url')
  return parts.join('.')
}

describe('field cipher', () => {
  it('round-trips a value, in the v1 format', () => {
    const ciphertext = encryptField(dek, context, '+77011234567')
    expect(ciphertext).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/)
    expect(ciphertext).not.toContain('7011234567')
    expect(decryptField(dek, context, ciphertext)).toBe('+77011234567')
  })

  it('round-trips the empty string and Kazakh text', () => {
    for (const value of ['', 'Әлия Қасымқызы Нұрғалиева, Өскемен, Ұлы Дала көшесі 5', '🇰🇿 Һһ Іі Үү Ңң Ғғ']) {
      expect(decryptField(dek, context, encryptField(dek, context, value))).toBe(value)
    }
  })

  it('gives a different ciphertext each time for the same value (random nonce)', () => {
    const a = encryptField(dek, context, '791028302728')
    const b = encryptField(dek, context, '791028302728')
    expect(a).not.toBe(b)
    expect(a.split('.')[1]).not.toBe(b.split('.')[1])
  })

  it('makes a data key of 32 random bytes', () => {
    expect(newDataKey()).toHaveLength(32)
    expect(newDataKey().equals(newDataKey())).toBe(false)
  })

  describe('detects tampering', () => {
    const ciphertext = encryptField(dek, context, 'Алматы, Абай даңғылы 10')

    it('of any nonce byte', () => {
      for (let i = 0; i < 12; i++) expectDecryptFailure(() => decryptField(dek, context, flip(ciphertext, 1, i)))
    })
    it('of the first and last ciphertext bytes', () => {
      expectDecryptFailure(() => decryptField(dek, context, flip(ciphertext, 2, 0)))
      expectDecryptFailure(() => decryptField(dek, context, flip(ciphertext, 2, -17)))
    })
    it('of any tag byte', () => {
      for (let i = 1; i <= 16; i++) expectDecryptFailure(() => decryptField(dek, context, flip(ciphertext, 2, -i)))
    })
    it('of the length: a truncated or extended body', () => {
      const [v, n, body] = ciphertext.split('.') as [string, string, string]
      const bytes = Buffer.from(body, 'base64url')
      expectDecryptFailure(() => decryptField(dek, context, `${v}.${n}.${bytes.subarray(1).toString('base64url')}`))
      expectDecryptFailure(() => decryptField(dek, context, `${v}.${n}.${Buffer.concat([bytes, Buffer.from([0])]).toString('base64url')}`))
    })
  })

  describe('binds operator, subject and item (AAD)', () => {
    const ciphertext = encryptField(dek, context, '+77011234567')
    it.each([
      ['another subject', { ...context, subjectId: 'subject-2' }],
      ['another item', { ...context, itemId: 'email' }],
      ['another operator', { ...context, operatorId: 'kcell' }],
    ])('fails for %s', (_, other) => {
      expectDecryptFailure(() => decryptField(dek, other, ciphertext))
    })
    it('fails when a separator moves between ids', () => {
      const joined = encryptField(dek, { operatorId: 'ttc', subjectId: 'a|b', itemId: 'c' }, 'x')
      expectDecryptFailure(() => decryptField(dek, { operatorId: 'ttc', subjectId: 'a', itemId: 'b|c' }, joined))
    })
    it("fails under another subject's data key", () => {
      expectDecryptFailure(() => decryptField(newDataKey(), context, ciphertext))
    })
  })

  it.each([
    ['another version', (c: string) => c.replace(/^v1\./, 'v2.')],
    ['a missing part', (c: string) => c.split('.').slice(0, 2).join('.')],
    ['an extra part', (c: string) => `${c}.AA`],
    ['a non-base64url character', (c: string) => c.replace('.', '.!')],
    ['padding', (c: string) => `${c}=`],
    ['a short nonce', (c: string) => c.replace(/^v1\.[^.]{2}/, 'v1.')],
    ['nothing at all', () => ''],
  ])('refuses %s with a typed error', (_, mangle) => {
    expectDecryptFailure(() => decryptField(dek, context, mangle(encryptField(dek, context, 'value'))))
  })

  it('refuses to encrypt a lone surrogate, which UTF-8 would silently replace', () => {
    expect(() => encryptField(dek, context, 'a\uD800b')).toThrow(/well-formed/)
  })

  it('refuses a data key that is not 32 bytes', () => {
    expect(() => encryptField(Buffer.alloc(16), context, 'x')).toThrow(RangeError)
    expect(() => decryptField(Buffer.alloc(31), context, encryptField(dek, context, 'x'))).toThrow(RangeError)
  })
})
