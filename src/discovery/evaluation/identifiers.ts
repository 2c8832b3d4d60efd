import { iinBinCheckDigit, kzIbanCheckDigits } from '../../kz/index.ts'
import { latin, type Language, type Person } from './people.ts'
import { chance, digits, int, pad, pick, weighted, type Random } from './random.ts'

/*
 * Personal identifiers as Kazakhstan's records write them, each valid where
 * the real thing is checkable: IINs with a plausible birth date, the century
 * and sex digit and a correct check digit; BINs with a registration month,
 * entity and division digits; cards passing Luhn; KZ IBANs passing MOD-97.
 */

/** A birth date between 1940 and 2010, for an IIN and for a written date of birth. */
export interface BirthDate {
  year: number
  month: number
  day: number
}

export function birthDate(r: Random): BirthDate {
  const year = int(r, 1940, 2010)
  const month = int(r, 1, 12)
  const day = int(r, 1, [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!)
  return { year, month, day }
}

/** An IIN: YYMMDD of `born`, century-and-sex digit (3/4 for the 1900s, 5/6 for the 2000s), serial, check digit. */
export function iin(r: Random, born: BirthDate = birthDate(r), female = chance(r, 0.5)): string {
  for (;;) {
    const centuryAndSex = (born.year < 2000 ? 3 : 5) + (female ? 1 : 0)
    const first11 = `${pad(born.year % 100)}${pad(born.month)}${pad(born.day)}${centuryAndSex}${digits(r, 4)}`
    const check = iinBinCheckDigit(first11)
    if (check !== undefined) return `${first11}${check}`
  }
}

/** A BIN: registration YYMM, entity type 4–6, division 0–3, serial, check digit. */
export function bin(r: Random): string {
  for (;;) {
    const first11 = `${pad(int(r, 95, 124) % 100)}${pad(int(r, 1, 12))}${pick(r, ['4', '4', '4', '5', '6'])}${pick(r, ['0', '0', '0', '1', '2', '3'])}${digits(r, 5)}`
    const check = iinBinCheckDigit(first11)
    if (check !== undefined) return `${first11}${check}`
  }
}

const MOBILE_CODES = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778']
/** Landline area codes with their subscriber number length (727 + 7 digits, 7172 + 6). */
const LANDLINE: readonly (readonly [string, number])[] = [['727', 7], ['7172', 6], ['7252', 6], ['7212', 6], ['7132', 6], ['7182', 6], ['7122', 6]]

/** A KZ phone number in one of the ways people, forms and systems write it. */
export function phone(r: Random): string {
  if (chance(r, 0.15)) {
    const [code, length] = pick(r, LANDLINE)
    const n = digits(r, length)
    const split = length === 7 ? `${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}` : `${n.slice(0, 2)}-${n.slice(2, 4)}-${n.slice(4)}`
    return pick(r, [`8 (${code}) ${split}`, `+7 (${code}) ${split}`, `+7 ${code} ${split}`, `8${code}${n}`, `+7${code}${n}`, `8 ${code} ${n}`])
  }
  const code = pick(r, MOBILE_CODES)
  const [a, b, c] = [digits(r, 3), digits(r, 2), digits(r, 2)]
  return weighted(r, [
    [5, `+7 ${code} ${a} ${b} ${c}`], [4, `+7${code}${a}${b}${c}`], [4, `8${code}${a}${b}${c}`], [3, `8 (${code}) ${a}-${b}-${c}`],
    [3, `+7 (${code}) ${a}-${b}-${c}`], [2, `8 ${code} ${a} ${b} ${c}`], [2, `8-${code}-${a}-${b}-${c}`], [1, `+7-${code}-${a}-${b}-${c}`],
    [1, `8(${code})${a}${b}${c}`], [1, `+7 ${code} ${a}${b}${c}`], [1, `8 ${code} ${a}${b}${c}`], [1, `+7(${code})${a}-${b}${c}`],
    [1, `7${code}${a}${b}${c}`], [1, `+7 (${code}) ${a} ${b} ${c}`],
  ])
}

const DOMAINS = ['mail.ru', 'mail.kz', 'gmail.com', 'inbox.ru', 'yandex.kz', 'yandex.ru', 'bk.ru', 'list.ru', 'icloud.com', 'outlook.com', 'kaspi.kz', 'halykbank.kz', 'kazpost.kz', 'nu.edu.kz', 'company.com.kz', 'beeline.kz']

/** An e-mail address built from a person's Latin name, or a role mailbox now and then. */
export function email(r: Random, p: Person): string {
  const g = (p.foreign ? p.given : latin(p.given)).toLowerCase()
  const s = (p.foreign ? p.surname : latin(p.surname)).toLowerCase().replace('ü', 'u')
  const local = weighted(r, [
    [3, `${g}.${s}`], [2, `${g[0]}.${s}`], [2, `${s}${int(r, 1, 99)}`], [2, `${g}_${s}`], [1, `${g}${int(r, 80, 2010)}`],
    [1, `${s}.${g}`], [1, `${g}-${s[0]}`], [1, pick(r, ['info', 'support', 'hr', 'buh', 'sales'])],
  ])
  const address = `${local}@${pick(r, DOMAINS)}`
  return chance(r, 0.05) ? address.replace(/^./, (c) => c.toUpperCase()) : address
}

const luhnDigit = (body: string) => {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  return (10 - (sum % 10)) % 10
}
export const passesLuhn = (number: string) => luhnDigit(number.slice(0, -1)) === number.charCodeAt(number.length - 1) - 48

/** A 16-digit card number (Visa, Mastercard, Mir, UnionPay prefixes of KZ banks' cards) passing Luhn. */
export function card(r: Random): string {
  const prefix = pick(r, ['440043', '440564', '400303', '458045', '517792', '539545', '220220', '625908', '427633', '548601'])
  const body = `${prefix}${digits(r, 9)}`
  const n = `${body}${luhnDigit(body)}`
  return weighted(r, [
    [6, n.replace(/(\d{4})(?=\d)/g, '$1 ')], [3, n], [1, n.replace(/(\d{4})(?=\d)/g, '$1-')],
  ])
}

/** A 16-digit number failing Luhn (a transaction or terminal code): a card detector must leave it. */
export function nonLuhn16(r: Random): string {
  const body = `${int(r, 1, 9)}${digits(r, 14)}`
  return `${body}${(luhnDigit(body) + int(r, 1, 9)) % 10}`
}

/** A KZ IBAN: bank code, account (KZT… , S… or digits), MOD-97 check digits; grouped by four or not. */
export function iban(r: Random): string {
  const bank = pick(r, ['601', '722', '826', '914', '965', '998', '125', '856', '319', '070', '949'])
  const account = weighted(r, [[3, `KZT${digits(r, 10)}`], [2, `S${digits(r, 12)}`], [2, digits(r, 13)], [1, `${digits(r, 3)}KZT${digits(r, 7)}`]])
  const value = `KZ${kzIbanCheckDigits(`${bank}${account}`)}${bank}${account}`
  return weighted(r, [[6, value], [3, value.replace(/(.{4})(?=.)/g, '$1 ')], [1, value.toLowerCase()]])
}

/** An ID card number: nine digits (the card's number, not the holder's IIN). */
export const idCard = (r: Random) => `0${digits(r, 8)}`
/** A KZ passport number (N and eight digits); sometimes a Russian citizen's (series and number). */
export const passport = (r: Random) => (chance(r, 0.12) ? `${digits(r, 2)} ${digits(r, 2)} ${digits(r, 6)}` : `N${digits(r, 8)}`)

const REGION_LETTERS = ['A', 'Z', 'X', 'M', 'R', 'T', 'B', 'C', 'D', 'F', 'H', 'N', 'P', 'S', 'V']
const LETTERS = 'ABCDEFGHKLMNPRSTVWXYZ'
/** A Kazpost code: the 2015 form (A05E3K3) or the old six digits (050010). */
export function postcode(r: Random): string {
  if (chance(r, 0.5)) return pick(r, ['050000', '050010', '050059', '010000', '010008', '160000', '100000', '030000', '140000', '090000', '040800', '130000'])
  const letter = () => LETTERS[int(r, 0, LETTERS.length - 1)]!
  return `${pick(r, REGION_LETTERS)}${pad(int(r, 0, 25))}${letter()}${int(r, 0, 9)}${letter()}${int(r, 0, 9)}`
}

export function ipv4(r: Random): string {
  return weighted(r, [
    [4, `${pick(r, [2, 5, 31, 37, 46, 62, 77, 82, 85, 88, 89, 92, 95, 109, 128, 176, 178, 185, 195, 212, 217])}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`],
    [2, `192.168.${int(r, 0, 10)}.${int(r, 2, 254)}`],
    [1, `10.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`],
  ])
}

const hex4 = (r: Random) => int(r, 0, 0xffff).toString(16)
export function ipv6(r: Random): string {
  return weighted(r, [
    [3, `2a02:${Array.from({ length: 7 }, () => hex4(r)).join(':')}`],
    [2, `2001:db8:${hex4(r)}::${hex4(r)}`],
    [2, `fe80::${Array.from({ length: 4 }, () => hex4(r)).join(':')}`],
    [1, `2a0d:5600:${hex4(r)}:${hex4(r)}::1`],
  ])
}

export function mac(r: Random): string {
  const bytes = Array.from({ length: 6 }, () => int(r, 0, 255).toString(16).padStart(2, '0'))
  return weighted(r, [
    [5, bytes.join(':').toUpperCase()], [3, bytes.join(':')], [2, bytes.join('-').toUpperCase()], [1, `${bytes[0]}${bytes[1]}.${bytes[2]}${bytes[3]}.${bytes[4]}${bytes[5]}`],
  ])
}

const MONTHS: Record<Language, readonly string[]> = {
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}

/** A date written as records in `language` write it: numeric forms everywhere, the month's name often. */
export function writtenDate(r: Random, d: BirthDate, language: Language): string {
  const month = MONTHS[language][d.month - 1]!
  const worded = language === 'ru' ? `${d.day} ${month} ${d.year}` : language === 'kk' ? `${d.year} жылғы ${d.day} ${month}` : chance(r, 0.5) ? `${d.day} ${month} ${d.year}` : `${month} ${d.day}, ${d.year}`
  return weighted(r, [
    [5, `${pad(d.day)}.${pad(d.month)}.${d.year}`], [3, `${d.year}-${pad(d.month)}-${pad(d.day)}`], [1, `${pad(d.day)}/${pad(d.month)}/${d.year}`], [2, worded],
  ])
}

/** A date that is not anyone's birth date: a contract, delivery or event date in 2015–2026. */
export function eventDate(r: Random): BirthDate {
  return { year: int(r, 2015, 2026), month: int(r, 1, 12), day: int(r, 1, 28) }
}
