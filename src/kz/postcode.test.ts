import { describe, expect, it } from 'vitest'
import { isValidPostcode, parsePostcode } from './postcode.ts'

describe('postcodes — law.md "Identifiers"', () => {
  it('accepts the 7-character example Z05H9A7', () => {
    expect(parsePostcode('Z05H9A7')).toEqual({ ok: true, value: { postcode: 'Z05H9A7', legacy: false } })
    expect(isValidPostcode('Z05H9A7')).toBe(true)
  })

  it('normalises case and surrounding spaces', () => {
    expect(parsePostcode(' z05h9a7 ')).toEqual({ ok: true, value: { postcode: 'Z05H9A7', legacy: false } })
  })

  it('accepts a 6-digit code as legacy unless told not to', () => {
    expect(parsePostcode('010000')).toEqual({ ok: true, value: { postcode: '010000', legacy: true } })
    expect(isValidPostcode('010000')).toBe(true)
    expect(isValidPostcode('010000', { legacy: false })).toBe(false)
    expect(isValidPostcode('Z05H9A7', { legacy: false })).toBe(true)
  })

  it.each(['', 'Z05H9A', 'Z05H9A77', '005H9A7', 'ZZ5H9A7', 'Z05 H9A7', '01000', '0100000', 'Ж05H9A7'])('refuses %j', (s) => {
    expect(parsePostcode(s)).toEqual({ ok: false, reason: 'format' })
    expect(isValidPostcode(s)).toBe(false)
  })
})
