import { describe, expect, it } from 'vitest'
import { normalizeItemValue } from './item-value.ts'

const today = '2026-12-02'

describe('normalizeItemValue', () => {
  it.each([
    ['iin', ' 791028 302728', '791028302728'],
    ['bin', '991140001226', '991140001226'],
    ['phone', '8 (701) 123-45-67', '+77011234567'],
    ['email', ' Aigerim@Mail.KZ ', 'aigerim@mail.kz'],
    ['postcode', 'z05h9a7', 'Z05H9A7'],
    ['bank_account', 'kz86 125K ZT50 0410 0100', 'KZ86125KZT5004100100'],
    ['birth_date', '2010-02-28', '2010-02-28'],
    ['full_name', 'Әлия Нұрғалиева', 'Әлия Нұрғалиева'],
    ['address', '  Алматы, Абай даңғылы 10 ', '  Алматы, Абай даңғылы 10 '],
  ] as const)('%s %j → %j', (kind, value, stored) => {
    expect(normalizeItemValue(kind, value, '/v', today)).toBe(stored)
  })

  it.each([
    ['iin', '791028302729'],
    ['bin', '991140001227'],
    ['phone', '+7 495 123-45-67'],
    ['email', 'a b@c.kz'],
    ['postcode', 'Z05H9A'],
    ['bank_account', 'KZ87125KZT5004100100'],
    ['bank_account', 'DE89370400440532013000'],
    ['birth_date', '2027-01-01'],
    ['birth_date', '2026-02-30'],
    ['full_name', '   '],
  ] as const)('refuses %s %j with the field and without the value', (kind, value) => {
    try {
      normalizeItemValue(kind, value, '/body/items/3/value', today)
      expect.fail('accepted')
    } catch (error) {
      expect(error).toMatchObject({ code: 'DERBES_VAULT_VALUE_INVALID', errors: [{ pointer: '/body/items/3/value' }] })
      if (value.trim()) expect((error as Error).message).not.toContain(value)
    }
  })
})
