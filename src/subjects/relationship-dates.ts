import { DerbesError } from '../errors/index.ts'

/** Reads the relationship's start and end (a contract, a membership), refusing an end before the start. */
export function relationshipDates(
  startedAt: Date | string | null | undefined,
  endedAt: Date | string | null | undefined,
): { startedAt: Date | null; endedAt: Date | null } {
  const read = (value: Date | string | null | undefined, field: string) => {
    if (value === undefined || value === null) return null
    const date = new Date(value)
    if (Number.isNaN(date.getTime())) throw new DerbesError('DERBES_VALIDATION', `${field} is not a date`, [{ pointer: `/body/${field}`, detail: 'not a date-time' }])
    return date
  }
  const start = read(startedAt, 'relationshipStartedAt')
  const end = read(endedAt, 'relationshipEndedAt')
  if (start && end && end < start) {
    throw new DerbesError('DERBES_VALIDATION', 'the relationship cannot end before it starts', [{ pointer: '/body/relationshipEndedAt', detail: 'before relationshipStartedAt' }])
  }
  return { startedAt: start, endedAt: end }
}
