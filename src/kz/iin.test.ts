import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { iinBinCheckDigit } from './iin-bin-check-digit.ts'
import { isValidIin, parseIin } from './iin.ts'

/** law.md "Identifiers", written out independently of the implementation. */
function referenceCheckDigit(first11: readonly number[]): number | undefined {
  const first = first11.reduce((sum, d, i) => sum + d * (i + 1), 0) % 11
  if (first !== 10) return first
  const weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
  const second = first11.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 11
  return second === 10 ? undefined : second
}

/** The first valid IIN that starts with `prefix7`. */
function validIinStartingWith(prefix7: string): string {
  for (let serial = 0; ; serial++) {
    const first11 = `${prefix7}${String(serial).padStart(4, '0')}`
    const check = referenceCheckDigit([...first11].map(Number))
    if (check !== undefined) return `${first11}${check}`
  }
}

const digits11 = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 })
const validIin = digits11
  .map((ds) => ({ ds, check: referenceCheckDigit(ds) }))
  .filter((x) => x.check !== undefined)
  .map(({ ds, check }) => ds.join('') + String(check))

describe('parseIin — law.md "Identifiers"', () => {
  it('accepts the example IIN 791028302728 and decodes it', () => {
    expect(parseIin('791028302728')).toEqual({
      ok: true,
      value: { iin: '791028302728', birthDate: '1979-10-28', century: 1900, sex: 'male' },
    })
    expect(isValidIin('791028302728')).toBe(true)
  })

  it('refuses a wrong check digit as checksum', () => {
    expect(parseIin('791028302729')).toEqual({ ok: false, reason: 'checksum' })
  })

  it.each(['', '79102830272', '7910283027281', '79102830272a', ' 791028302728', '７９１０２８３０２７２８'])(
    'refuses %j as format',
    (s) => {
      expect(parseIin(s)).toEqual({ ok: false, reason: 'format' })
    },
  )

  it('uses the second pass of weights when the first gives 10', () => {
    // A 1 in position 10: first pass 1·10 = 10, second pass 1·w₁₀ = 1·1 = 1.
    const first11 = '00000000010'
    expect([...first11].reduce((s, d, i) => s + Number(d) * (i + 1), 0) % 11).toBe(10)
    expect(iinBinCheckDigit(first11)).toBe(1) // second pass: 1·1 = 1
    expect(isValidIin(`${first11}1`)).toBe(true)
    expect(isValidIin(`${first11}0`)).toBe(false)
  })

  it('refuses every number whose check is 10 after both passes', () => {
    // First pass 10 and second pass 10: find one by search, then no 12th digit can save it.
    let found: string | undefined
    for (let n = 0; found === undefined; n++) {
      const candidate = String(n).padStart(11, '0')
      if (referenceCheckDigit([...candidate].map(Number)) === undefined) found = candidate
    }
    expect(iinBinCheckDigit(found)).toBeUndefined()
    for (let d = 0; d <= 9; d++) expect(parseIin(`${found}${d}`)).toEqual({ ok: false, reason: 'checksum' })
  })

  it.each([
    ['1', 1800, 'male'],
    ['2', 1800, 'female'],
    ['3', 1900, 'male'],
    ['4', 1900, 'female'],
    ['5', 2000, 'male'],
    ['6', 2000, 'female'],
  ] as const)('digit 7 = %s → %i, %s', (digit, century, sex) => {
    const iin = validIinStartingWith(`050315${digit}`)
    expect(parseIin(iin)).toEqual({ ok: true, value: { iin, century, sex, birthDate: `${century + 5}-03-15` } })
  })

  it.each(['0', '7', '8', '9'])('never rejects on digit 7 = %s: the guesses are left out', (digit) => {
    const iin = validIinStartingWith(`791028${digit}`)
    expect(parseIin(iin)).toEqual({ ok: true, value: { iin } })
  })

  it.each(['990231', '991301', '990000'])('never rejects on the impossible date %s: century and sex stay, the date goes', (yymmdd) => {
    const iin = validIinStartingWith(`${yymmdd}4`)
    expect(parseIin(iin)).toEqual({ ok: true, value: { iin, century: 1900, sex: 'female' } })
  })
})

describe('IIN check digit — properties', () => {
  it('an IIN built with the computed check digit always validates', () => {
    fc.assert(fc.property(validIin, (iin) => isValidIin(iin) && parseIin(iin).ok))
  })

  it('changing one digit invalidates it exactly when the recomputed check no longer matches', () => {
    fc.assert(
      fc.property(validIin, fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (iin, position, delta) => {
        const digits = [...iin].map(Number)
        digits[position] = (digits[position]! + delta) % 10
        const mutated = digits.join('')
        const expected = referenceCheckDigit(digits.slice(0, 11)) === digits[11]
        expect(isValidIin(mutated)).toBe(expected)
        // A single changed digit among the first 11 always changes a first-pass check that was not 10 (11 is prime).
        if (position === 11) expect(expected).toBe(false)
      }),
    )
  })

  it('decodes the birth date of IINs built from a real date, century and sex', () => {
    const born = fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    fc.assert(
      fc.property(born, fc.boolean(), fc.integer({ min: 0, max: 9999 }), (date, female, serial) => {
        const iso = date.toISOString().slice(0, 10)
        const year = Number(iso.slice(0, 4))
        const century = Math.floor(year / 100) * 100
        const digit7 = (century - 1800) / 50 + 1 + (female ? 1 : 0)
        const first11 = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${digit7}${String(serial).padStart(4, '0')}`
        const check = referenceCheckDigit([...first11].map(Number))
        fc.pre(check !== undefined)
        const parsed = parseIin(`${first11}${check}`)
        expect(parsed).toEqual({
          ok: true,
          value: { iin: `${first11}${check}`, birthDate: iso, century, sex: female ? 'female' : 'male' },
        })
      }),
    )
  })
})
