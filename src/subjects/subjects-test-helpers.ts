import { iinBinCheckDigit } from '../kz/index.ts'
import type { DatabaseHandle } from '../db/index.ts'
import type { TestDatabase } from '../db/test-databases.ts'
import { seedOperators } from '../operators/index.ts'
import { MemoryKeyProvider } from './crypto/index.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

/** Test support: the clock every subjects test runs at (Almaty: 2 December 2026, 15:00). */
export const NOW = new Date('2026-12-02T10:00:00Z')
export const clock = () => NOW

/**
 * A valid IIN for a birth date: digit 7 gives century and sex (5/6 = 2000s,
 * 3/4 = 1900s), `serial` four more digits, the check digit computed. Serials
 * whose check digit cannot exist are skipped.
 *
 * @example
 * makeIin('100101', 5, 1) // a boy born 2010-01-01
 */
export function makeIin(yymmdd: string, centuryAndSex: number, serial: number): string {
  for (let s = serial; ; s++) {
    const first11 = `${yymmdd}${centuryAndSex}${String(s % 10_000).padStart(4, '0')}`
    const check = iinBinCheckDigit(first11)
    if (check !== undefined) return `${first11}${check}`
  }
}

/** A fresh database with the five seed operators published, and deps over a memory keyring. */
export async function openSeeded(target: TestDatabase): Promise<{ database: DatabaseHandle; deps: SubjectsDeps & { keys: MemoryKeyProvider } }> {
  const database = await target.open()
  await seedOperators({ db: database.db, clock }, 'policies')
  return { database, deps: { db: database.db, clock, keys: new MemoryKeyProvider({ clock }) } }
}
