import { describe, expect, it } from 'vitest'
import { BusinessCalendar } from '../kz/index.ts'
import { seedPolicy } from '../requests/requests-test-kit.ts'
import { incidentDueDate } from './incident-due-date.ts'

const calendar = new BusinessCalendar()
const kzk = seedPolicy('kzk')

describe('incidentDueDate — art. 25(2)(8): the authorised body within 1 working day of discovery', () => {
  it('art. 25(2)(8): discovered on Friday evening in Almaty, due by the end of Monday', () => {
    const due = incidentDueDate(kzk, new Date('2026-12-04T20:00:00+05:00'), calendar)
    expect(due.dueOn).toBe('2026-12-07')
    expect(due.dueAt.toISOString()).toBe('2026-12-07T18:59:59.999Z')
    expect(due.basis).toMatchObject({ rule: 'law', days: 1, unit: 'business', article: 'art. 25(2)(8)', discoveredOn: '2026-12-04', coverage: 'official' })
  })

  it('art. 25(2)(8): Friday 23:30 Almaty is still Friday (18:30 UTC), not Saturday', () => {
    expect(incidentDueDate(kzk, new Date('2026-12-04T18:30:00Z'), calendar).dueOn).toBe('2026-12-07')
  })

  it('art. 25(2)(8): discovered on Friday 20 March 2026, the eve of Nauryz (21–25 March off), due Thursday 26 March', () => {
    expect(incidentDueDate(kzk, new Date('2026-03-20T10:00:00+05:00'), calendar).dueOn).toBe('2026-03-26')
  })

  it('art. 25(2)(8): Independence Day 16 December 2026 is skipped', () => {
    expect(incidentDueDate(kzk, new Date('2026-12-15T09:00:00+05:00'), calendar).dueOn).toBe('2026-12-17')
  })

  it('a stricter policy deadline wins over the law (1 calendar day: Saturday, not Monday)', () => {
    const strict = seedPolicy('kzk', (d) => {
      d.deadlines = { ...d.deadlines, breach_notice_authority: { days: 1, unit: 'calendar', clauses: ['KZK-6.1'] } }
    })
    const due = incidentDueDate(strict, new Date('2026-12-04T20:00:00+05:00'), calendar)
    expect(due.dueOn).toBe('2026-12-05')
    expect(due.basis.rule).toBe('policy')
    expect(due.basis.considered.map((c) => c.rule)).toEqual(['policy', 'law'])
  })

  it('a looser policy deadline does not move the law’s', () => {
    const loose = seedPolicy('kzk', (d) => {
      d.deadlines = { ...d.deadlines, breach_notice_authority: { days: 5, unit: 'business' } }
    })
    expect(incidentDueDate(loose, new Date('2026-12-04T20:00:00+05:00'), calendar)).toMatchObject({ dueOn: '2026-12-07', basis: { rule: 'law' } })
  })
})
