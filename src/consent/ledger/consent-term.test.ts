import { describe, expect, it } from 'vitest'
import { consentExpiresAt } from './consent-term.ts'

describe('consentExpiresAt (art. 8(4)(3), 8(5)–(6))', () => {
  const from = new Date('2026-01-31T07:30:00.000Z')

  it('adds calendar years, months, weeks and days, clamping to the end of a shorter month', () => {
    expect(consentExpiresAt({ duration: 'P1Y' }, from)?.toISOString()).toBe('2027-01-31T07:30:00.000Z')
    expect(consentExpiresAt({ duration: 'P1M' }, from)?.toISOString()).toBe('2026-02-28T07:30:00.000Z')
    expect(consentExpiresAt({ duration: 'P2Y1M' }, new Date('2026-01-31T00:00:00Z'))?.toISOString()).toBe('2028-02-29T00:00:00.000Z')
    expect(consentExpiresAt({ duration: 'P1W3D' }, from)?.toISOString()).toBe('2026-02-10T07:30:00.000Z')
    expect(consentExpiresAt({ duration: 'P0D' }, from)?.toISOString()).toBe(from.toISOString())
  })

  it('has no end date until the purpose is achieved, withdrawal or the relationship ends — or when no term is stated (art. 8(6))', () => {
    expect(consentExpiresAt({ until: 'purpose_achieved' }, from)).toBeNull()
    expect(consentExpiresAt({ until: 'withdrawn' }, from)).toBeNull()
    expect(consentExpiresAt({ until: 'relationship_end' }, from)).toBeNull()
    expect(consentExpiresAt(undefined, from)).toBeNull()
  })
})
