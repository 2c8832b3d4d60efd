import { describe, expect, it } from 'vitest'
import { iinBinCheckDigit } from './iin-bin-check-digit.ts'
import { isValidBin, parseBin } from './bin.ts'

/** The first valid BIN that starts with `prefix6`. */
function validBin(prefix6: string): string {
  for (let serial = 0; ; serial++) {
    const first11 = `${prefix6}${String(serial).padStart(5, '0')}`
    const check = iinBinCheckDigit(first11)
    if (check !== undefined) return `${first11}${check}`
  }
}

describe('parseBin — law.md "Identifiers"', () => {
  it.each([
    ['940140000385', 1994, 1],
    ['990140004654', 1999, 1],
    ['991140001226', 1999, 11], // Transtelecom
    ['220240037922', 2022, 2], // Esperance
  ])('accepts %s: registered %i-%i, resident legal entity, head office', (bin, year, month) => {
    expect(isValidBin(bin)).toBe(true)
    expect(parseBin(bin)).toEqual({
      ok: true,
      value: { bin, registeredYear: year, registeredMonth: month, entityType: 'resident_legal_entity', division: 'head_office' },
    })
  })

  it('refuses a wrong check digit and a wrong length', () => {
    expect(parseBin('940140000386')).toEqual({ ok: false, reason: 'checksum' })
    expect(parseBin('94014000038')).toEqual({ ok: false, reason: 'format' })
    expect(parseBin('9401-4000038')).toEqual({ ok: false, reason: 'format' })
  })

  it.each([
    ['5', 'non_resident_legal_entity'],
    ['6', 'joint_individual_entrepreneurship'],
  ] as const)('digit 5 = %s → %s', (digit, entityType) => {
    const bin = validBin(`1503${digit}0`)
    expect(parseBin(bin)).toMatchObject({ ok: true, value: { entityType } })
  })

  it.each([
    ['1', 'branch'],
    ['2', 'representative_office'],
    ['3', 'peasant_farm'],
  ] as const)('digit 6 = %s → %s', (digit, division) => {
    const bin = validBin(`15034${digit}`)
    expect(parseBin(bin)).toMatchObject({ ok: true, value: { division } })
  })

  it('never rejects unknown digits: month 13, entity type 9 and division 7 only leave fields out', () => {
    const bin = validBin('151397')
    expect(parseBin(bin)).toEqual({ ok: true, value: { bin } })
  })
})
