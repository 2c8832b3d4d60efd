import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ibanMod97, isValidKzIban, kzIbanCheckDigits, parseKzIban } from './iban.ts'

/** ISO 7064 MOD 97-10 with big integers, independent of the digit-by-digit implementation. */
function referenceMod97(iban: string): bigint {
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  const numeric = [...rearranged].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('')
  return BigInt(numeric) % 97n
}

function referenceIban(bban: string): string {
  const check = 98n - referenceMod97(`KZ00${bban}`)
  return `KZ${String(check).padStart(2, '0')}${bban}`
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const bban = fc
  .tuple(
    fc.array(fc.constantFrom(...'0123456789'), { minLength: 3, maxLength: 3 }),
    fc.array(fc.constantFrom(...ALPHANUMERIC), { minLength: 13, maxLength: 13 }),
  )
  .map(([bank, account]) => bank.join('') + account.join(''))

describe('Kazakhstan IBAN — law.md "Identifiers"', () => {
  it('accepts the real-world sample KZ86125KZT5004100100', () => {
    expect(referenceMod97('KZ86125KZT5004100100')).toBe(1n)
    expect(parseKzIban('KZ86125KZT5004100100')).toEqual({ ok: true, value: { iban: 'KZ86125KZT5004100100', bankCode: '125' } })
  })

  it('accepts an IBAN whose check digits the test computes, with spaces and lower case', () => {
    const iban = referenceIban('9650000000000001')
    const spaced = iban.toLowerCase().replace(/(.{4})/g, '$1 ')
    expect(parseKzIban(spaced)).toEqual({ ok: true, value: { iban, bankCode: '965' } })
  })

  it('refuses a wrong check digit as checksum', () => {
    expect(parseKzIban('KZ87125KZT5004100100')).toEqual({ ok: false, reason: 'checksum' })
  })

  it.each([
    ['another country', 'DE89370400440532013000'],
    ['too short', 'KZ86125KZT500410010'],
    ['too long', 'KZ86125KZT50041001000'],
    ['a letter in the bank code', 'KZ861A5KZT5004100100'],
    ['punctuation', 'KZ86-125KZT5004100100'],
  ])('refuses %s as format', (_, input) => {
    expect(parseKzIban(input)).toEqual({ ok: false, reason: 'format' })
  })

  it('the MOD-97 check matches the big-integer reference for generated IBANs', () => {
    fc.assert(
      fc.property(bban, (b) => {
        const iban = referenceIban(b)
        expect(kzIbanCheckDigits(b)).toBe(iban.slice(2, 4))
        expect(ibanMod97(iban)).toBe(1)
        expect(isValidKzIban(iban)).toBe(true)
      }),
    )
  })

  it('a changed character is refused exactly when the reference says the checksum breaks', () => {
    fc.assert(
      fc.property(bban, fc.integer({ min: 2, max: 19 }), fc.constantFrom(...ALPHANUMERIC), (b, position, replacement) => {
        const iban = referenceIban(b)
        const mutated = iban.slice(0, position) + replacement + iban.slice(position + 1)
        const wellFormed = /^KZ\d{5}[0-9A-Z]{13}$/.test(mutated)
        expect(isValidKzIban(mutated)).toBe(wellFormed && referenceMod97(mutated) === 1n)
      }),
    )
  })
})
