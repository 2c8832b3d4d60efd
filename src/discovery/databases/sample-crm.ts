import { iinBinCheckDigit, kzIbanCheckDigits } from '../../kz/index.ts'

/**
 * Test and bench support: the rows of a sample CRM of the kind an operator in
 * Kazakhstan runs, generated from a seed so every run sees the same data —
 * clients with IINs, phones in every written form, e-mails, names, birth
 * dates and addresses; payments with cards and IBANs; devices with IP and MAC
 * addresses; and the hard negatives discovery must leave alone: random
 * 12-digit order numbers, amounts, product names, event times.
 */

/** mulberry32: a small, fast, seedable generator — the same seed, the same database. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = ['Нұрлан', 'Айгерім', 'Дәурен', 'Гүлнар', 'Ерлан', 'Мария', 'Сергей', 'Әсел', 'Қайрат', 'Жанар', 'Ольга', 'Тимур']
const LAST = ['Сәрсенбаев', 'Ахметова', 'Қасымов', 'Иванова', 'Нұрланов', 'Жақсыбекова', 'Петров', 'Омарова', 'Серіков', 'Әбдірахманов']
const STREETS = ['ул. Абая', 'пр. Достык', 'Сәтпаев көшесі', 'ул. Толе би', 'Мәңгілік Ел даңғылы', 'мкр. Самал-2']
const CITIES = ['г. Алматы', 'г. Астана', 'Шымкент қ.', 'г. Караганда']
const PRODUCTS = ['Молоко 2,5%', 'Хлеб бородинский', 'Шай Пиала', 'Coffee beans 1 kg', 'Тұз', 'Apple juice']

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!
const digits = (random: () => number, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('')
const pad = (n: number | string, width = 2) => String(n).padStart(width, '0')

/** A valid IIN: birth date, century-and-sex digit, serial, check digit. */
export function sampleIin(random: () => number): string {
  for (;;) {
    const year = 1950 + Math.floor(random() * 55)
    const first11 = `${pad(year % 100)}${pad(1 + Math.floor(random() * 12))}${pad(1 + Math.floor(random() * 28))}${year < 2000 ? 3 + Math.floor(random() * 2) : 5 + Math.floor(random() * 2)}${digits(random, 4)}`
    const check = iinBinCheckDigit(first11)
    if (check !== undefined) return `${first11}${check}`
  }
}

/** A KZ mobile number in one of the ways people and systems write it. */
export function samplePhone(random: () => number): string {
  const code = pick(random, ['701', '702', '705', '707', '747', '771', '775', '778'])
  const [a, b, c] = [digits(random, 3), digits(random, 2), digits(random, 2)]
  return pick(random, [`+7${code}${a}${b}${c}`, `8${code}${a}${b}${c}`, `+7 ${code} ${a} ${b} ${c}`, `8 (${code}) ${a}-${b}-${c}`, `+7 (${code}) ${a}-${b}-${c}`])
}

/** A card number passing Luhn's check, in groups of four or not. */
export function sampleCard(random: () => number): string {
  const body = `${pick(random, ['4', '5', '2'])}${digits(random, 14)}`
  let sum = 0
  for (let i = 0; i < 15; i++) {
    let d = Number(body[14 - i])
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  const card = `${body}${(10 - (sum % 10)) % 10}`
  return random() < 0.5 ? card : card.replace(/(\d{4})(?=\d)/g, '$1 ')
}

export function sampleIban(random: () => number): string {
  const bban = `${digits(random, 3)}${'KZT'}${digits(random, 10)}`
  return `KZ${kzIbanCheckDigits(bban)}${bban}`
}

export interface CrmTable {
  name: string
  /** Columns and their SQL types, the same words on PostgreSQL and MariaDB. */
  columns: [name: string, type: string][]
  rows: unknown[][]
}

/** The sample CRM's tables with `clients` rows (orders, payments and devices scale with it). */
export function sampleCrm(clients: number, seed = 7): CrmTable[] {
  const random = seededRandom(seed)
  const clientRows = Array.from({ length: clients }, (_, i) => {
    const name = `${pick(random, LAST)} ${pick(random, FIRST)}`
    const year = 1950 + Math.floor(random() * 55)
    return [
      i + 1,
      sampleIin(random),
      name,
      samplePhone(random),
      random() < 0.1 ? null : `${pick(random, ['aigerim', 'nurlan', 'dauren', 'olga', 'timur'])}.${i + 1}@${pick(random, ['mail.kz', 'gmail.com', 'inbox.ru', 'kaspi.kz'])}`,
      `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`,
      `${pick(random, CITIES)}, ${pick(random, STREETS)}, д. ${1 + Math.floor(random() * 200)}, кв. ${1 + Math.floor(random() * 150)}`,
    ]
  })
  const orderRows = Array.from({ length: clients * 2 }, (_, i) => [
    i + 1,
    // An order number of twelve random digits: must not be taken for an IIN.
    digits(random, 12),
    1 + (i % clients),
    (random() * 100_000).toFixed(2),
    random() < 0.05 ? `Перезвонить по номеру ${samplePhone(random)}` : pick(random, ['Доставить после 18:00', 'Оставить у двери', 'Есіктің алдына қалдыру', null]),
  ])
  const paymentRows = Array.from({ length: clients }, (_, i) => [i + 1, 1 + i, sampleCard(random), sampleIban(random), (random() * 50_000).toFixed(2)])
  const deviceRows = Array.from({ length: clients }, (_, i) => [
    i + 1,
    1 + i,
    `${10 + Math.floor(random() * 200)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`,
    Array.from({ length: 6 }, () => pad(Math.floor(random() * 256).toString(16))).join(':'),
    `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)} 1${Math.floor(random() * 9)}:00:00`,
  ])
  const productRows = PRODUCTS.map((name, i) => [i + 1, `SKU-${digits(random, 8)}`, name, (random() * 5000).toFixed(2)])
  return [
    { name: 'clients', columns: [['id', 'integer'], ['iin', 'varchar(12)'], ['fio', 'varchar(200)'], ['phone', 'varchar(32)'], ['email', 'varchar(120)'], ['birth_date', 'date'], ['address', 'varchar(300)']], rows: clientRows },
    { name: 'orders', columns: [['id', 'integer'], ['order_no', 'varchar(12)'], ['client_id', 'integer'], ['amount', 'decimal(12,2)'], ['note', 'varchar(300)']], rows: orderRows },
    { name: 'payments', columns: [['id', 'integer'], ['client_id', 'integer'], ['card_pan', 'varchar(32)'], ['account', 'varchar(34)'], ['amount', 'decimal(12,2)']], rows: paymentRows },
    { name: 'devices', columns: [['id', 'integer'], ['client_id', 'integer'], ['last_ip', 'varchar(45)'], ['mac', 'varchar(17)'], ['seen_at', 'varchar(32)']], rows: deviceRows },
    { name: 'products', columns: [['id', 'integer'], ['sku', 'varchar(20)'], ['name', 'varchar(100)'], ['price', 'decimal(12,2)']], rows: productRows },
  ]
}

/** What discovery must conclude about each column of the sample CRM: `table.column` → kind, or nothing. */
export const SAMPLE_CRM_KINDS: Readonly<Record<string, string | undefined>> = {
  'clients.iin': 'iin',
  'clients.fio': 'person_name',
  'clients.phone': 'phone',
  'clients.email': 'email',
  'clients.birth_date': 'birth_date',
  'clients.address': 'address',
  'payments.card_pan': 'bank_card',
  'payments.account': 'iban',
  'devices.last_ip': 'ip_address',
  'devices.mac': 'mac_address',
}
