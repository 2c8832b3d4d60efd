import { describe, expect, it } from 'vitest'
import { BusinessCalendar } from './business-calendar.ts'
import type { LocalDate } from './local-date.ts'

/**
 * The production calendars of 2023–2026, date by date: each fact from law.md
 * "Working days" or from the transfer acts cited in `calendar-data/`.
 */
const calendar = new BusinessCalendar()

function offDays(year: number): string[] {
  const off: string[] = []
  for (let d: LocalDate = `${year}-01-01`; d.startsWith(String(year)); ) {
    const day = calendar.describeDay(d)
    if (day.kind !== 'workday' && day.kind !== 'weekend') off.push(`${d.slice(5)} ${day.kind}`)
    const next = new Date(`${d}T00:00:00Z`)
    next.setUTCDate(next.getUTCDate() + 1)
    d = next.toISOString().slice(0, 10) as LocalDate
  }
  return off
}

describe('Kazakhstan production calendar facts', () => {
  it.each([
    // 2023
    ['2023-01-03', false, 'moved_holiday'], // 1 January on a Sunday
    ['2023-01-09', true, 'workday'], // 7 January (Saturday) is religious: not moved
    ['2023-05-08', false, 'moved_holiday'], // 7 May on a Sunday
    ['2023-06-28', false, 'holiday'], // Kurban Ait
    ['2023-07-01', true, 'transfer_working_day'], // working Saturday
    ['2023-07-07', false, 'transfer_day_off'], // government decree, April 2023
    ['2023-12-18', false, 'moved_holiday'], // 16 December on a Saturday
    // 2024
    ['2024-01-08', true, 'workday'], // 7 January on a Sunday, religious: not moved
    ['2024-03-25', false, 'moved_holiday'], // Nauryz 23 March on a Saturday
    ['2024-05-04', true, 'transfer_working_day'], // labour ministry order of 17 April 2024
    ['2024-05-08', false, 'transfer_day_off'],
    ['2024-06-16', false, 'holiday'], // Kurban Ait on a Sunday…
    ['2024-06-17', true, 'workday'], // …not moved
    ['2024-07-08', false, 'moved_holiday'], // 6 July on a Saturday
    // 2025
    ['2025-01-03', false, 'transfer_day_off'], // moved from Sunday 5 January
    ['2025-01-05', true, 'transfer_working_day'],
    ['2025-03-08', false, 'holiday'],
    ['2025-03-10', false, 'moved_holiday'], // 8 March on a Saturday
    ['2025-03-24', false, 'moved_holiday'], // Nauryz 22 March on a Saturday
    ['2025-03-25', false, 'moved_holiday'], // Nauryz 23 March on a Sunday
    ['2025-06-06', false, 'holiday'], // Kurban Ait
    ['2025-07-07', false, 'moved_holiday'], // 6 July on a Sunday
    ['2025-09-01', false, 'moved_holiday'], // 30 August on a Saturday
    ['2025-10-27', false, 'moved_holiday'], // 25 October on a Saturday
    // 2026
    ['2026-03-09', false, 'moved_holiday'], // 8 March on a Sunday
    ['2026-03-15', false, 'weekend'], // a Sunday, not a holiday (15 March only from 2027)
    ['2026-03-16', true, 'workday'], // so no moved day off on Monday
    ['2026-03-24', false, 'moved_holiday'], // Nauryz 21 March on a Saturday
    ['2026-03-25', false, 'moved_holiday'], // Nauryz 22 March on a Sunday (law.md)
    ['2026-03-26', true, 'workday'],
    ['2026-05-11', false, 'moved_holiday'], // 9 May on a Saturday
    ['2026-05-27', false, 'holiday'], // Kurban Ait
    ['2026-08-30', false, 'weekend'], // no longer Constitution Day (law.md)
    ['2026-08-31', true, 'workday'], // so no moved day off
    ['2026-10-26', false, 'moved_holiday'], // 25 October on a Sunday
  ] as const)('%s: business day %s (%s)', (date, businessDay, kind) => {
    expect(calendar.describeDay(date)).toMatchObject({ businessDay, kind, coverage: 'official' })
    expect(calendar.isBusinessDay(date)).toBe(businessDay)
  })

  it('says which holiday a moved day off stands for', () => {
    expect(calendar.describeDay('2025-03-10').holiday?.name.en).toBe("International Women's Day")
    expect(calendar.describeDay('2026-03-25').holiday?.name.ru).toBe('Наурыз мейрамы')
    expect(calendar.describeDay('2025-01-03').transfer).toEqual({ dayOff: '2025-01-03', workingDay: '2025-01-05' })
  })

  it('lists every day off other than an ordinary weekend, year by year', () => {
    expect(offDays(2023)).toEqual([
      '01-01 holiday', '01-02 holiday', '01-03 moved_holiday', '01-07 holiday', '03-08 holiday', '03-21 holiday',
      '03-22 holiday', '03-23 holiday', '05-01 holiday', '05-07 holiday', '05-08 moved_holiday', '05-09 holiday',
      '06-28 holiday', '07-01 transfer_working_day', '07-06 holiday', '07-07 transfer_day_off', '08-30 holiday',
      '10-25 holiday', '12-16 holiday', '12-18 moved_holiday',
    ])
    expect(offDays(2024)).toEqual([
      '01-01 holiday', '01-02 holiday', '01-07 holiday', '03-08 holiday', '03-21 holiday', '03-22 holiday',
      '03-23 holiday', '03-25 moved_holiday', '05-01 holiday', '05-04 transfer_working_day', '05-07 holiday',
      '05-08 transfer_day_off', '05-09 holiday', '06-16 holiday', '07-06 holiday', '07-08 moved_holiday',
      '08-30 holiday', '10-25 holiday', '12-16 holiday',
    ])
    expect(offDays(2025)).toEqual([
      '01-01 holiday', '01-02 holiday', '01-03 transfer_day_off', '01-05 transfer_working_day', '01-07 holiday',
      '03-08 holiday', '03-10 moved_holiday', '03-21 holiday', '03-22 holiday', '03-23 holiday', '03-24 moved_holiday',
      '03-25 moved_holiday', '05-01 holiday', '05-07 holiday', '05-09 holiday', '06-06 holiday', '07-06 holiday',
      '07-07 moved_holiday', '08-30 holiday', '09-01 moved_holiday', '10-25 holiday', '10-27 moved_holiday', '12-16 holiday',
    ])
    expect(offDays(2026)).toEqual([
      '01-01 holiday', '01-02 holiday', '01-07 holiday', '03-08 holiday', '03-09 moved_holiday', '03-21 holiday',
      '03-22 holiday', '03-23 holiday', '03-24 moved_holiday', '03-25 moved_holiday', '05-01 holiday', '05-07 holiday',
      '05-09 holiday', '05-11 moved_holiday', '05-27 holiday', '07-06 holiday', '10-25 holiday', '10-26 moved_holiday',
      '12-16 holiday',
    ])
  })

  it('counts the working days of each year (five-day week)', () => {
    const count = (year: number) => calendar.businessDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)
    expect([2023, 2024, 2025, 2026].map(count)).toEqual([246, 249, 246, 247])
  })
})
