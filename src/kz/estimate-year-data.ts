import type { CalendarYearData, Holiday, LocalizedName } from './calendar-year-data.ts'
import { estimateKurbanAit } from './kurban-ait.ts'
import { formatLocalDate } from './local-date.ts'

interface FixedHoliday {
  month: number
  day: number
  name: LocalizedName
  religious: boolean
  /** First and last year the date is a holiday, when it is not every year. */
  from?: number
  until?: number
}

const NEW_YEAR = { kk: 'Жаңа жыл', ru: 'Новый год', en: 'New Year' }
const NAURYZ = { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы', en: 'Nauryz Meirami' }
const CONSTITUTION_DAY = { kk: 'Конституция күні', ru: 'День Конституции', en: 'Constitution Day' }
const INDEPENDENCE_DAY = { kk: 'Тәуелсіздік күні', ru: 'День Независимости', en: 'Independence Day' }

/**
 * Holidays with a fixed date (law.md "Working days"), with the changes of 2022
 * (Republic Day added; First President's Day and 17 December dropped), 2026
 * (30 August dropped) and 2027 (15 March, the new Constitution Day — [S] in
 * law.md, so only ever an estimate here). Earlier history is not modelled.
 */
const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: NEW_YEAR, religious: false },
  { month: 1, day: 2, name: NEW_YEAR, religious: false },
  { month: 1, day: 7, name: { kk: 'Православиелік Рождество', ru: 'Православное Рождество', en: 'Orthodox Christmas' }, religious: true },
  { month: 3, day: 8, name: { kk: 'Халықаралық әйелдер күні', ru: 'Международный женский день', en: "International Women's Day" }, religious: false },
  { month: 3, day: 15, name: CONSTITUTION_DAY, religious: false, from: 2027 },
  { month: 3, day: 21, name: NAURYZ, religious: false },
  { month: 3, day: 22, name: NAURYZ, religious: false },
  { month: 3, day: 23, name: NAURYZ, religious: false },
  { month: 5, day: 1, name: { kk: 'Қазақстан халқының бірлігі мерекесі', ru: 'Праздник единства народа Казахстана', en: 'Day of Unity of the People of Kazakhstan' }, religious: false },
  { month: 5, day: 7, name: { kk: 'Отан Қорғаушы күні', ru: 'День защитника Отечества', en: 'Defender of the Fatherland Day' }, religious: false },
  { month: 5, day: 9, name: { kk: 'Жеңіс күні', ru: 'День Победы', en: 'Victory Day' }, religious: false },
  { month: 7, day: 6, name: { kk: 'Астана күні', ru: 'День Столицы', en: 'Capital City Day' }, religious: false },
  { month: 8, day: 30, name: CONSTITUTION_DAY, religious: false, until: 2025 },
  { month: 10, day: 25, name: { kk: 'Республика күні', ru: 'День Республики', en: 'Republic Day' }, religious: false, from: 2022 },
  { month: 12, day: 1, name: { kk: 'Тұңғыш Президент күні', ru: 'День Первого Президента', en: "First President's Day" }, religious: false, from: 2012, until: 2021 },
  { month: 12, day: 16, name: INDEPENDENCE_DAY, religious: false },
  { month: 12, day: 17, name: INDEPENDENCE_DAY, religious: false, until: 2021 },
]

const KURBAN_AIT = { kk: 'Құрбан айт (бірінші күні)', ru: 'Курбан айт (первый день)', en: 'Kurban Ait (first day)' }

/**
 * A year's calendar from the rules alone, for years the repository and the
 * operator have no data for: fixed holidays plus an estimated Kurban Ait, and
 * no decree transfers (those cannot be foreseen). Callers should warn — see
 * `BusinessCalendar.coverage`.
 *
 * @example
 * estimateYearData(2027).holidays.map((h) => h.date) // ['2027-01-01', '2027-01-02', '2027-01-07', '2027-03-08', '2027-03-15', …]
 */
export function estimateYearData(year: number): CalendarYearData {
  const holidays: Holiday[] = FIXED_HOLIDAYS.filter((h) => (h.from ?? year) <= year && year <= (h.until ?? year)).map((h) => ({
    date: formatLocalDate(year, h.month, h.day),
    name: h.name,
    religious: h.religious,
  }))
  for (const date of estimateKurbanAit(year))
    if (!holidays.some((h) => h.date === date)) holidays.push({ date, name: KURBAN_AIT, religious: true })
  holidays.sort((a, b) => (a.date < b.date ? -1 : 1))
  return {
    year,
    source: 'estimated from the holidays law (fixed dates, weekend moves) and the Umm al-Qura calendar for Kurban Ait; no decree transfers',
    holidays,
    transfers: [],
  }
}
