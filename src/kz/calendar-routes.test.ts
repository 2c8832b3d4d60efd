import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/index.ts'
import { buildTestApp } from '../http/index.ts'
import { BusinessCalendar } from './business-calendar.ts'
import { loadCalendarDirectory } from './load-calendar-directory.ts'

/** An operator's copy of 2026 with one extra decree: Friday 4 December off, Saturday 12 December worked. */
function operatorCalendarDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'derbes-calendar-'))
  const year = JSON.parse(readFileSync(new URL('./calendar-data/kz-2026.json', import.meta.url), 'utf8'))
  year.transfers = [{ dayOff: '2026-12-04', workingDay: '2026-12-12', source: 'a decree the repository does not have yet' }]
  writeFileSync(join(dir, 'kz-2026.json'), JSON.stringify(year))
  return dir
}

describe('the working-day calendar over HTTP', () => {
  let database: DatabaseHandle
  let app: FastifyInstance
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' })
    await migrateToLatest(database.db)
    const calendar = new BusinessCalendar().extend(...(await loadCalendarDirectory(operatorCalendarDir())))
    app = await buildTestApp(database, { calendar })
  })
  afterAll(async () => {
    await app.close()
    await database.close()
  })

  it('explains a year: Nauryz 2026 and the operator-added transfer (Labour Code art. 85(3))', async () => {
    const res = (await app.inject('/v1/calendar/2026')).json()
    expect(res).toMatchObject({ year: 2026, coverage: 'official' })
    expect(res.days).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: '2026-03-23', kind: 'holiday', businessDay: false }),
        expect.objectContaining({ date: '2026-12-04', kind: 'transfer_day_off', businessDay: false }),
        expect.objectContaining({ date: '2026-12-12', kind: 'transfer_working_day', businessDay: true }),
      ]),
    )
    expect(res.days.some((d: { date: string }) => d.date === '2026-08-30')).toBe(false)
    expect((await app.inject('/v1/calendar/2031')).json().coverage).toBe('estimated')
  })

  it('counts a deadline from the next business day (DESIGN "Time"; art. 8(7): 15 working days)', async () => {
    const oneDay = (await app.inject('/v1/calendar/due?from=2026-11-20&days=1')).json()
    expect(oneDay).toEqual({ from: '2026-11-20', days: 1, unit: 'business', due: '2026-11-23', coverage: 'official' })
    const withTransfer = (await app.inject('/v1/calendar/due?from=2026-12-03&days=1')).json()
    expect(withTransfer.due).toBe('2026-12-07')
    const calendarDays = (await app.inject('/v1/calendar/due?from=2026-11-20&days=15&unit=calendar')).json()
    expect(calendarDays.due).toBe('2026-12-05')
  })

  it('refuses an impossible date or count with problem details naming the field', async () => {
    const res = await app.inject('/v1/calendar/due?from=2026-02-30&days=1')
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'DERBES_VALIDATION', errors: [{ pointer: '/querystring/from' }] })
    const negative = await app.inject('/v1/calendar/due?from=2026-02-10&days=-1')
    expect(negative.json().errors[0].pointer).toBe('/querystring/days')
  })
})

describe('loadCalendarDirectory', () => {
  it('refuses a malformed operator file, naming the file and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'derbes-calendar-'))
    writeFileSync(join(dir, 'kz-2027.json'), JSON.stringify({ year: 2027, source: 'x', holidays: [{ date: '2027-13-01', name: { kk: 'a', ru: 'b', en: 'c' }, religious: false }], transfers: [] }))
    writeFileSync(join(dir, 'kz-2028.json'), '{ not json')
    await expect(loadCalendarDirectory(dir)).rejects.toMatchObject({
      code: 'DERBES_CONFIG_INVALID',
      errors: expect.arrayContaining([
        expect.objectContaining({ pointer: expect.stringMatching(/^kz-2027\.json#\/holidays\/0/) }),
        expect.objectContaining({ pointer: 'kz-2028.json' }),
      ]),
    })
  })
})
