export { isValidIin, parseIin, type Iin, type IinRefusal, type Sex } from './iin.ts'
export {
  isValidBin,
  parseBin,
  BIN_DIVISIONS,
  BIN_ENTITY_TYPES,
  type Bin,
  type BinDivision,
  type BinEntityType,
  type BinRefusal,
} from './bin.ts'
export { iinBinCheckDigit } from './iin-bin-check-digit.ts'
export { normalizeKzPhone, phoneType, type PhoneRefusal, type PhoneType } from './phone.ts'
export { isValidPostcode, parsePostcode, type Postcode } from './postcode.ts'
export { ibanMod97, isValidKzIban, kzIbanCheckDigits, parseKzIban, type IbanRefusal, type KzIban } from './iban.ts'
export type { ParseResult } from './parse-result.ts'
export {
  addCalendarDays,
  dayNumber,
  fromDayNumber,
  isLocalDate,
  isoWeekday,
  toLocalDate,
  type LocalDate,
} from './local-date.ts'
export { almatyDate, almatyOffsetMinutes } from './almaty-date.ts'
export type {
  CalendarCoverage,
  CalendarYearData,
  DayOffTransfer,
  Holiday,
  LocalizedName,
} from './calendar-year-data.ts'
export { validateYearData, parseYearData } from './validate-year-data.ts'
export { OFFICIAL_CALENDAR_YEARS } from './official-calendar.ts'
export { estimateYearData } from './estimate-year-data.ts'
export { estimateKurbanAit } from './kurban-ait.ts'
export { DAY_KINDS, type DayKind } from './year-table.ts'
export { BusinessCalendar, type DayDescription } from './business-calendar.ts'
export { loadCalendarDirectory } from './load-calendar-directory.ts'
export { calendarRoutes } from './calendar-routes.ts'
