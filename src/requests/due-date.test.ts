import { describe, expect, it } from 'vitest'
import { BusinessCalendar } from '../kz/index.ts'
import { dueDate } from './due-date.ts'
import { seedPolicy } from './requests-test-kit.ts'

const calendar = new BusinessCalendar()
const settings = { defaultDeadlineDays: 15 }
/** An instant in Almaty (UTC+5 since March 2024). */
const almaty = (local: string) => new Date(`${local}+05:00`)

describe('dueDate', () => {
  const ttc = seedPolicy('ttc')
  const tw = seedPolicy('tw')
  const esp = seedPolicy('esp')
  const kzk = seedPolicy('kzk')
  const ps = seedPolicy('ps')

  it('TTC-9.3: a withdrawal is due 1 business day after receipt — the policy beats art. 8(7)’s 15 working days', () => {
    const due = dueDate(ttc, 'withdraw_consent', almaty('2026-12-02T10:00'), calendar, settings)
    expect(due.dueOn).toBe('2026-12-03')
    expect(due.dueAt.toISOString()).toBe('2026-12-03T18:59:59.999Z') // the end of 3 December in Almaty
    expect(due.basis).toMatchObject({ rule: 'policy', days: 1, unit: 'business', clauses: ['TTC-9.3'], receivedOn: '2026-12-02', coverage: 'official' })
    // 16 December (Independence Day) is skipped in the law's count.
    expect(due.basis.considered).toEqual([
      expect.objectContaining({ rule: 'policy', dueOn: '2026-12-03' }),
      expect.objectContaining({ rule: 'law', days: 15, article: 'art. 8(7)', dueOn: '2026-12-24' }),
    ])
  })

  it('TW-9.1: access within 15 calendar days, not moved off a holiday', () => {
    expect(dueDate(tw, 'access', almaty('2026-12-02T10:00'), calendar, settings)).toMatchObject({ dueOn: '2026-12-17', basis: { rule: 'policy', days: 15, unit: 'calendar', clauses: ['TW-9.1', 'TW-9.2'] } })
    // Received on 1 December: the 15th day is 16 December, Independence Day — the earlier reading stands.
    expect(dueDate(tw, 'information', almaty('2026-12-01T10:00'), calendar, settings).dueOn).toBe('2026-12-16')
  })

  it('TW-9.3: rectify within 1 business day — received on a Friday, due on Monday', () => {
    expect(dueDate(tw, 'rectify', almaty('2026-11-20T17:30'), calendar, settings)).toMatchObject({ dueOn: '2026-11-23', basis: { rule: 'policy', clauses: ['TW-9.3'] } })
    // 23:30 on Friday in Almaty is 18:30 UTC: still Friday.
    expect(dueDate(tw, 'rectify', new Date('2026-11-20T18:30:00Z'), calendar, settings).dueOn).toBe('2026-11-23')
    // 00:30 on Saturday in Almaty: counting starts after Saturday, Monday is still day 1.
    expect(dueDate(tw, 'rectify', new Date('2026-11-20T19:30:00Z'), calendar, settings)).toMatchObject({ dueOn: '2026-11-23', basis: { receivedOn: '2026-11-21' } })
  })

  it('TW-9.6: stop unlawful processing within 3 business days', () => {
    expect(dueDate(tw, 'stop_unlawful_processing', almaty('2026-12-02T10:00'), calendar, settings)).toMatchObject({ dueOn: '2026-12-07', basis: { rule: 'policy', days: 3, clauses: ['TW-9.6'] } })
  })

  it('ESP-9: information within 3 business days', () => {
    expect(dueDate(esp, 'information', almaty('2026-11-30T12:00'), calendar, settings)).toMatchObject({ dueOn: '2026-12-03', basis: { rule: 'policy', days: 3, unit: 'business', clauses: ['ESP-9'] } })
  })

  it('KZK-7.1: a complaint is settled within 7 business days', () => {
    expect(dueDate(kzk, 'complaint', almaty('2026-12-01T09:00'), calendar, settings)).toMatchObject({ dueOn: '2026-12-10', basis: { rule: 'policy', days: 7, clauses: ['KZK-7.1'] } })
  })

  it('KZK-5.1.4: a block "from the moment of the request" is due the same business day, or the next one after a weekend', () => {
    expect(dueDate(kzk, 'block', almaty('2026-12-02T09:00'), calendar, settings).dueOn).toBe('2026-12-02')
    expect(dueDate(kzk, 'block', almaty('2026-12-05T09:00'), calendar, settings).dueOn).toBe('2026-12-07')
  })

  it('art. 8(7): a withdrawal under a policy that promises nothing is due in 15 working days', () => {
    expect(dueDate(tw, 'withdraw_consent', almaty('2026-12-02T10:00'), calendar, settings)).toMatchObject({ dueOn: '2026-12-24', basis: { rule: 'law', days: 15, unit: 'business', article: 'art. 8(7)' } })
  })

  it('art. 25(2)(8): a block is due in 1 working day where the policy is silent', () => {
    const due = dueDate(esp, 'block', almaty('2026-12-04T15:00'), calendar, settings)
    expect(due).toMatchObject({ dueOn: '2026-12-07', basis: { rule: 'law', days: 1, article: 'art. 25(2)(8)' } })
    expect(due.basis.considered).toHaveLength(1)
  })

  it('the stricter wins when the law is stricter than the policy', () => {
    const loose = seedPolicy('tw', (d) => {
      d.deadlines.rectify = { days: 5, unit: 'business', clauses: ['TW-9.3'] }
    })
    expect(dueDate(loose, 'rectify', almaty('2026-12-02T10:00'), calendar, settings)).toMatchObject({ dueOn: '2026-12-03', basis: { rule: 'law', article: 'art. 25(2)(8)' } })
  })

  it('the earlier due date wins across units: 20 calendar days before 15 working days', () => {
    const calendarDays = seedPolicy('tw', (d) => {
      d.deadlines.withdraw_consent = { days: 20, unit: 'calendar', clauses: ['TW-4.5'] }
    })
    const due = dueDate(calendarDays, 'withdraw_consent', almaty('2026-12-02T10:00'), calendar, settings)
    expect(due).toMatchObject({ dueOn: '2026-12-22', basis: { rule: 'policy', days: 20, unit: 'calendar' } })
    expect(due.basis.considered.map((c) => [c.rule, c.dueOn])).toEqual([['policy', '2026-12-22'], ['law', '2026-12-24']])
  })

  it('law.md [U]: where neither policy nor law sets one, the configurable default applies, marked unconfirmed', () => {
    expect(dueDate(ps, 'information', almaty('2026-12-02T10:00'), calendar, settings)).toMatchObject({ dueOn: '2026-12-24', basis: { rule: 'default', days: 15, unit: 'business', unconfirmed: true } })
    expect(dueDate(ps, 'complaint', almaty('2026-12-02T10:00'), calendar, { defaultDeadlineDays: 10 })).toMatchObject({ dueOn: '2026-12-17', basis: { rule: 'default', days: 10 } })
    // PS-7.1 anonymisation: no deadline in the original or the law.
    expect(dueDate(ps, 'anonymise', almaty('2026-12-02T10:00'), calendar, settings).basis.rule).toBe('default')
  })

  it('Nauryz: 21–23 March 2026 fall on Saturday to Monday, the weekend days move to 24–25 March', () => {
    // TTC-9.3 on Friday 20 March: the next business day is Thursday 26 March.
    expect(dueDate(ttc, 'rectify', almaty('2026-03-20T11:00'), calendar, settings).dueOn).toBe('2026-03-26')
    // ESP-9 on Thursday 19 March: 20, 26, 27 March.
    expect(dueDate(esp, 'information', almaty('2026-03-19T11:00'), calendar, settings).dueOn).toBe('2026-03-27')
    // 8 March 2026 is a Sunday, moved to Monday 9 March.
    expect(dueDate(esp, 'access', almaty('2026-03-06T11:00'), calendar, settings).dueOn).toBe('2026-03-12')
  })

  it('a transferred day off: Friday 3 January 2025 off, Sunday 5 January a working day', () => {
    // Received on 2 January (a holiday): day 1 is Sunday 5 January.
    expect(dueDate(ttc, 'rectify', almaty('2025-01-02T12:00'), calendar, settings).dueOn).toBe('2025-01-05')
    // 3 business days: 5, 6, 8 January (7 January is Orthodox Christmas).
    expect(dueDate(esp, 'information', almaty('2025-01-02T12:00'), calendar, settings).dueOn).toBe('2025-01-08')
  })

  it('a transferred day off: Wednesday 8 May 2024 off, Saturday 4 May a working day', () => {
    expect(dueDate(ttc, 'withdraw_consent', almaty('2024-05-03T12:00'), calendar, settings).dueOn).toBe('2024-05-04')
    // 4 May, 6 May, then 7 (Defender of the Fatherland Day), 8 (moved) and 9 May (Victory Day) are off: 10 May.
    expect(dueDate(esp, 'information', almaty('2024-05-03T12:00'), calendar, settings).dueOn).toBe('2024-05-10')
  })

  it('says when a year crossed has no calendar data, so the date is only estimated', () => {
    expect(dueDate(ttc, 'rectify', almaty('2031-06-02T12:00'), calendar, settings).basis.coverage).toBe('estimated')
  })
})
