import { describe, expect, it } from 'vitest'
import { ageBand, ageFacts, ageOn, anniversary } from './age.ts'
import { makeIin } from './subjects-test-helpers.ts'

describe('age', () => {
  it('counts full years; 29 February reaches an age on 1 March in a common year', () => {
    expect(anniversary('2008-02-29', 18)).toBe('2026-03-01')
    expect(anniversary('2008-02-29', 16)).toBe('2024-02-29')
    expect(ageOn('2008-12-02', '2026-12-01')).toBe(17)
    expect(ageOn('2008-12-02', '2026-12-02')).toBe(18)
  })

  it('minor_until is the day of the policy adult age, null once reached (Civil Code art. 17(1))', () => {
    expect(ageFacts({ birthDate: '2008-12-03' }, 18, '2026-12-02')).toEqual({ minorUntil: '2026-12-03', ageSource: 'birth_date', age: 17 })
    expect(ageFacts({ birthDate: '2008-12-02' }, 18, '2026-12-02')).toEqual({ minorUntil: null, ageSource: 'birth_date', age: 18 })
    expect(ageFacts({ birthDate: '2008-12-03' }, 16, '2026-12-02').minorUntil).toBeNull()
  })

  it('reads the IIN as a best guess, and ignores a guess in the future', () => {
    expect(ageFacts({ iin: makeIin('100101', 5, 1) }, 18, '2026-12-02')).toEqual({ minorUntil: '2028-01-01', ageSource: 'iin', age: 16 })
    expect(ageFacts({ iin: makeIin('300101', 5, 1) }, 18, '2026-12-02')).toEqual({ minorUntil: null, ageSource: null, age: null })
    expect(ageFacts({}, 18, '2026-12-02')).toEqual({ minorUntil: null, ageSource: null, age: null })
  })

  it('refuses a birth date in the future or not a date', () => {
    expect(() => ageFacts({ birthDate: '2027-01-01' }, 18, '2026-12-02')).toThrow(expect.objectContaining({ code: 'DERBES_VALIDATION' }))
    expect(() => ageFacts({ birthDate: '2010-13-01' }, 18, '2026-12-02')).toThrow(expect.objectContaining({ code: 'DERBES_VALIDATION' }))
  })

  it('bands: minor until the day, adult after, unknown without an age unless the kind is minors only', () => {
    expect(ageBand({ minorUntil: '2026-12-03', ageSource: 'iin' }, '2026-12-02')).toBe('minor')
    expect(ageBand({ minorUntil: '2026-12-03', ageSource: 'iin' }, '2026-12-03')).toBe('adult')
    expect(ageBand({ minorUntil: null, ageSource: 'birth_date' }, '2026-12-02')).toBe('adult')
    expect(ageBand({ minorUntil: null, ageSource: null }, '2026-12-02')).toBe('unknown')
    expect(ageBand({ minorUntil: null, ageSource: null }, '2026-12-02', true)).toBe('minor')
  })
})
