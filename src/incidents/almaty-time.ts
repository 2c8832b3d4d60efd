import { almatyDate, almatyOffsetMinutes } from '../kz/index.ts'

/** A time as people in Kazakhstan read it: `2026-12-04 20:00` in Asia/Almaty. */
export function almatyDateTime(at: Date): string {
  const local = new Date(at.getTime() + almatyOffsetMinutes(at) * 60_000)
  return `${almatyDate(at)} ${local.toISOString().slice(11, 16)}`
}
