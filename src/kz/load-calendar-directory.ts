import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DerbesError } from '../errors/index.ts'
import type { CalendarYearData } from './calendar-year-data.ts'
import { validateYearData } from './validate-year-data.ts'

const YEAR_FILE = /^kz-(\d{4})\.json$/

/**
 * Reads an operator's calendar files (`kz-YYYY.json`, the format of
 * `calendar-data/`): a decree the repository does not have yet, or a year it
 * does not cover. Every problem of every file is reported, with the file, and
 * nothing is returned unless all are valid.
 *
 * @example
 * const calendar = new BusinessCalendar().extend(...(await loadCalendarDirectory('/etc/derbes/calendar')))
 */
export async function loadCalendarDirectory(dir: string): Promise<CalendarYearData[]> {
  const files = (await readdir(dir)).filter((f) => YEAR_FILE.test(f)).sort()
  const years: CalendarYearData[] = []
  const problems: { pointer: string; detail: string }[] = []
  for (const file of files) {
    let data: unknown
    try {
      data = JSON.parse(await readFile(join(dir, file), 'utf8'))
    } catch (error) {
      problems.push({ pointer: file, detail: `is not valid JSON: ${(error as Error).message}` })
      continue
    }
    const found = validateYearData(data)
    for (const p of found) problems.push({ pointer: `${file}#${p.pointer}`, detail: p.detail })
    if (found.length > 0) continue
    const year = data as CalendarYearData
    if (String(year.year) !== YEAR_FILE.exec(file)![1]) problems.push({ pointer: `${file}#/year`, detail: `is ${year.year}, but the file is named for ${YEAR_FILE.exec(file)![1]}` })
    else years.push(year)
  }
  if (problems.length > 0) {
    throw new DerbesError('DERBES_CONFIG_INVALID', `calendar data in ${dir} is not valid: ${problems.map((p) => `${p.pointer} ${p.detail}`).join('; ')}`, problems)
  }
  return years
}
