import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decryptField, encryptField, newDataKey } from './field-cipher.ts'

/** The Kazakh Cyrillic letters beyond Russian's, and a few neighbours, so Kazakh text is hit often. */
const KAZAKH = [...'ӘәҒғҚқҢңӨөҰұҮүҺһІіАаЁёЖжЩщЪъ .,-']
const kazakhText = fc.string({ unit: fc.constantFrom(...KAZAKH), maxLength: 200 })
/** Any well-formed Unicode: every code point, astral planes included. */
const anyText = fc.string({ unit: 'binary', maxLength: 200 })
const id = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 })
const context = fc.record({ operatorId: id, subjectId: id, itemId: id })

describe('field cipher — properties', () => {
  const dek = newDataKey()

  it('decrypt(encrypt(v)) = v for any Unicode string in any context', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, kazakhText), context, (value, where) => {
        expect(decryptField(dek, where, encryptField(dek, where, value))).toBe(value)
      }),
      { numRuns: 500 },
    )
  })

  it('a ciphertext never decrypts in a different context', () => {
    fc.assert(
      fc.property(kazakhText, context, context, (value, a, b) => {
        fc.pre(a.operatorId !== b.operatorId || a.subjectId !== b.subjectId || a.itemId !== b.itemId)
        expect(() => decryptField(dek, b, encryptField(dek, a, value))).toThrow()
      }),
    )
  })
})
