import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { BusinessCalendar } from './business-calendar.ts'
import { DerbesError } from '../errors/index.ts'
import { addCalendarDays, isLocalDate, type LocalDate } from './local-date.ts'

const problem = { $ref: 'Problem#' }
const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, Asia/Almaty' })

/**
 * The working-day calendar deadlines are counted in, so staff can see why a
 * date is due when it is — and whether the year's data is official or estimated.
 */
export async function calendarRoutes(app: FastifyInstance, calendar: BusinessCalendar) {
  app.get<{ Params: { year: number } }>('/v1/calendar/:year', {
    schema: {
      tags: ['calendar'],
      summary: "A year's days off: weekends, holidays, moved holidays and decree transfers",
      params: Type.Object({ year: Type.Integer({ minimum: 2013, maximum: 2100 }) }),
      response: { 400: problem },
    },
  }, async (request) => {
    const { year } = request.params
    const days = []
    let businessDays = 0
    for (let date = `${year}-01-01` as LocalDate; date.startsWith(String(year)); date = addCalendarDays(date, 1)) {
      const day = calendar.describeDay(date)
      if (day.businessDay) businessDays++
      // Plain weekends are implied; list what a person would want explained.
      if (day.kind !== 'workday' && day.kind !== 'weekend') {
        days.push({ date, kind: day.kind, businessDay: day.businessDay, ...(day.holiday ? { holiday: day.holiday.name } : {}) })
      }
    }
    return { year, coverage: calendar.coverage(year), source: calendar.yearData(year).source, businessDays, days }
  })

  app.get<{ Querystring: { from: string; days: number; unit?: 'business' | 'calendar' } }>('/v1/calendar/due', {
    schema: {
      tags: ['calendar'],
      summary: 'When something received on `from` is due: N business days counted from the next business day, or N calendar days',
      querystring: Type.Object({
        from: DateString,
        days: Type.Integer({ minimum: 0, maximum: 366 }),
        unit: Type.Optional(Type.Union([Type.Literal('business'), Type.Literal('calendar')])),
      }),
      response: { 400: problem },
    },
  }, async (request) => {
    const { from, days, unit = 'business' } = request.query
    if (!isLocalDate(from)) throw new DerbesError('DERBES_VALIDATION', `${from} is not a calendar date`, [{ pointer: '/querystring/from', detail: 'no such date' }])
    const due = unit === 'business' ? calendar.addBusinessDays(from, days) : addCalendarDays(from, days)
    const year = Number(due.slice(0, 4))
    return { from, days, unit, due, coverage: calendar.coverage(year) }
  })
}
