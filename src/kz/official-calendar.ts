import type { CalendarYearData } from './calendar-year-data.ts'
import kz2023 from './calendar-data/kz-2023.json' with { type: 'json' }
import kz2024 from './calendar-data/kz-2024.json' with { type: 'json' }
import kz2025 from './calendar-data/kz-2025.json' with { type: 'json' }
import kz2026 from './calendar-data/kz-2026.json' with { type: 'json' }
import { parseYearData } from './validate-year-data.ts'

/**
 * Kazakhstan's production calendar kept in the repository, one JSON file a
 * year under `calendar-data/`, checked when the module loads so a bad edit
 * fails every test at once. Add a year by adding its file here.
 */
export const OFFICIAL_CALENDAR_YEARS: readonly CalendarYearData[] = Object.freeze(
  [kz2023, kz2024, kz2025, kz2026].map((year) => Object.freeze(parseYearData(year))),
)
