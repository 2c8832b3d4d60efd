import type { FieldProblem } from '../../errors/index.ts'
import { EVIDENCE_POINTER } from './check-evidence-shape.ts'

/** Clocks of the operator's systems and Derbes may differ a little; more than this ahead is a time that has not come yet. */
export const CLOCK_SKEW_MS = 5 * 60_000

/**
 * A time stated in evidence, as ISO UTC; `now` when absent. A time ahead of
 * `now` by more than the clock skew is a problem (a consent cannot be proven
 * by an event that has not happened).
 */
export function checkEvidenceTime(now: Date, value: string | undefined, field: string, problems: FieldProblem[]): string {
  if (value === undefined) return now.toISOString()
  const at = new Date(value)
  if (Number.isNaN(at.getTime())) {
    problems.push({ pointer: `${EVIDENCE_POINTER}/${field}`, detail: 'is not a date and time' })
    return value
  }
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) problems.push({ pointer: `${EVIDENCE_POINTER}/${field}`, detail: `lies in the future (now is ${now.toISOString()})` })
  return at.toISOString()
}
