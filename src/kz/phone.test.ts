import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeKzPhone, phoneType } from './phone.ts'

describe('normalizeKzPhone — law.md "Identifiers": +7, 10-digit national number, trunk prefix 8', () => {
  it.each(['8 (701) 123-45-67', '+7 701 1234567', '87011234567', '7011234567', '+7 (701) 123 45 67', '  +77011234567  '])(
    'normalises %j to +77011234567',
    (input) => {
      expect(normalizeKzPhone(input)).toEqual({ ok: true, value: '+77011234567' })
    },
  )

  it('normalises a fixed line in Almaty and in Astana', () => {
    expect(normalizeKzPhone('8 727 250 12 34')).toEqual({ ok: true, value: '+77272501234' })
    expect(normalizeKzPhone('+7 7172 55 55 55')).toEqual({ ok: true, value: '+77172555555' })
  })

  it.each(['+7 495 123-45-67', '8 (495) 123-45-67', '+7 999 123 45 67', '+1 212 555 0100'])(
    'refuses %j as not Kazakhstan (+7 is shared with Russia)',
    (input) => {
      expect(normalizeKzPhone(input)).toEqual({ ok: false, reason: 'not_kz' })
    },
  )

  it.each(['', '   ', 'call me', '8 701 CALL-NOW', '+', '8 (701) 123-45-67 ext 5'])('refuses %j as format', (input) => {
    expect(normalizeKzPhone(input)).toEqual({ ok: false, reason: 'format' })
  })

  it.each(['+7 600 123 45 67', '123', '8 701 123 45 67 89'])('refuses %j as invalid', (input) => {
    expect(normalizeKzPhone(input)).toEqual({ ok: false, reason: 'invalid' })
  })
})

describe('phoneType', () => {
  it.each([
    ['+77011234567', 'mobile'],
    ['8 (747) 123-45-67', 'mobile'],
    ['+77272501234', 'fixed'],
    ['+74951234567', 'unknown'],
    ['nonsense', 'unknown'],
  ] as const)('%s → %s', (input, type) => {
    expect(phoneType(input)).toBe(type)
  })
})

describe('normalizeKzPhone — properties', () => {
  const mobilePrefix = fc.constantFrom('700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778')
  const subscriber = fc.integer({ min: 0, max: 9_999_999 }).map((n) => String(n).padStart(7, '0'))

  it('is idempotent, and every written form of a number normalises to the same E.164', () => {
    fc.assert(
      fc.property(mobilePrefix, subscriber, (prefix, rest) => {
        const e164 = `+7${prefix}${rest}`
        const forms = [
          e164,
          `8${prefix}${rest}`,
          `${prefix}${rest}`,
          `8 (${prefix}) ${rest.slice(0, 3)}-${rest.slice(3, 5)}-${rest.slice(5)}`,
          `+7 ${prefix} ${rest}`,
        ]
        for (const form of forms) {
          const once = normalizeKzPhone(form)
          expect(once).toEqual({ ok: true, value: e164 })
          if (once.ok) expect(normalizeKzPhone(once.value)).toEqual(once)
        }
        expect(phoneType(e164)).toBe('mobile')
      }),
    )
  })

  it('is idempotent on arbitrary input: whatever it accepts normalises to itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[0-9 ()-]{0,16}$/), (input) => {
        const once = normalizeKzPhone(input)
        if (once.ok) expect(normalizeKzPhone(once.value)).toEqual(once)
      }),
    )
  })
})
