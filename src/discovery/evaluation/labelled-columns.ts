import type { DetectedKind } from '../detectors/detection.ts'
import { bin, birthDate, card, email, eventDate, iban, idCard, iin, ipv4, ipv6, mac, nonLuhn16, passport, phone, postcode } from './identifiers.ts'
import { nameForm, person, type Language } from './people.ts'
import { address, city, COMPANIES, PRODUCTS } from './places.ts'
import { chance, digits, int, pad, pick, randomFrom, weighted, type Random } from './random.ts'

export interface LabelledColumn {
  name: string
  /** The SQL type a database reports for it. */
  type: string
  values: (string | null)[]
  /** What the column holds, or undefined for a column that holds no personal data. */
  expected: DetectedKind | undefined
}

const ROWS = 200
const GARBAGE = ['', '-', 'н/д', 'n/a', '0', 'test', '???', 'NULL', 'нет', ' ']
const isoDate = (d: { year: number; month: number; day: number }) => `${d.year}-${pad(d.month)}-${pad(d.day)}`
const dottedDate = (d: { year: number; month: number; day: number }) => `${pad(d.day)}.${pad(d.month)}.${d.year}`

interface ColumnKind {
  expected: DetectedKind | undefined
  /** Names as schemas name such columns: English, Russian, Kazakh, transliterated, and meaningless. */
  names: readonly string[]
  type: string
  value: (r: Random) => string
}

const language = (r: Random): Language => weighted(r, [[2, 'ru'], [1, 'kk'], [1, 'en']] as const)

/*
 * The labelled tables of the evaluation set (issue 7: "a column is classified
 * only when the evidence is strong (a random 12-digit column must not be
 * called IIN)"): columns of personal data under telling, foreign and
 * meaningless names, 0–10 % of their cells null, blank or garbage; and
 * look-alike columns of order numbers, amounts, event times, product names,
 * masked cards, cities and companies.
 */
const COLUMN_KINDS: readonly ColumnKind[] = [
  { expected: 'iin', names: ['iin', 'client_iin', 'ИИН', 'жсн', 'zhsn', 'col7', 'tax_id', 'f_iin'], type: 'varchar(12)', value: (r) => iin(r) },
  // A numeric IIN column drops the leading zero of everyone born in 2000–2009.
  { expected: 'iin', names: ['iin_num'], type: 'bigint', value: (r) => iin(r).replace(/^0/, '') },
  { expected: 'bin', names: ['bin', 'company_bin', 'бин', 'бсн', 'org_id', 'ref_code'], type: 'char(12)', value: (r) => bin(r) },
  { expected: 'phone', names: ['phone', 'mobile', 'tel', 'телефон', 'телефон_нөмірі', 'contact', 'c3', 'phone_number'], type: 'varchar(32)', value: (r) => phone(r) },
  { expected: 'phone', names: ['msisdn', 'subscriber'], type: 'varchar(11)', value: (r) => phone(r).replace(/\D/g, '').replace(/^8/, '7') },
  { expected: 'email', names: ['email', 'e_mail', 'login', 'почта', 'pochta', 'эл_пошта', 'field_12'], type: 'varchar(120)', value: (r) => email(r, person(r)) },
  { expected: 'bank_card', names: ['card_number', 'pan', 'карта', 'x1', 'karta'], type: 'varchar(19)', value: (r) => card(r) },
  { expected: 'iban', names: ['iban', 'account', 'иик', 'жск', 'schet', 'acc_no'], type: 'varchar(34)', value: (r) => iban(r) },
  { expected: 'person_name', names: ['fio', 'full_name', 'client', 'фио', 'аты_жөні', 'tolyk_aty', 'recipient', 'c2'], type: 'varchar(200)', value: (r) => nameForm(r, person(r), language(r)) },
  { expected: 'address', names: ['address', 'delivery_address', 'адрес', 'мекенжай', 'adres', 'addr2'], type: 'varchar(300)', value: (r) => address(r, language(r)) },
  { expected: 'birth_date', names: ['birth_date', 'dob', 'дата_рождения', 'туған_күні', 'bday'], type: 'date', value: (r) => isoDate(birthDate(r)) },
  { expected: 'birth_date', names: ['data_rozhd', 'д_р'], type: 'varchar(10)', value: (r) => dottedDate(birthDate(r)) },
  { expected: 'passport', names: ['passport_no', 'паспорт', 'pasport', 'төлқұжат'], type: 'varchar(12)', value: (r) => passport(r) },
  { expected: 'id_card', names: ['id_card_number', 'udl_no', 'жеке_куәлік', 'id_doc_no'], type: 'varchar(9)', value: (r) => idCard(r) },
  { expected: 'ip_address', names: ['last_ip', 'client_ip', 'ip', 'remote_addr'], type: 'varchar(45)', value: (r) => (chance(r, 0.15) ? ipv6(r) : ipv4(r)) },
  { expected: 'mac_address', names: ['mac', 'device_mac', 'hw_addr'], type: 'varchar(17)', value: (r) => mac(r) },
  { expected: 'postcode', names: ['postcode', 'zip', 'индекс', 'pochtovyi_indeks'], type: 'varchar(7)', value: (r) => postcode(r) },

  { expected: undefined, names: ['iin_like_id', 'external_ref', 'order_no', 'code'], type: 'varchar(12)', value: (r) => digits(r, 12) },
  { expected: undefined, names: ['transaction_id', 'doc_id'], type: 'bigint', value: (r) => `${int(r, 1, 9)}${digits(r, 11)}` },
  { expected: undefined, names: ['invoice_no', 'номер_счета'], type: 'varchar(20)', value: (r) => `INV/${int(r, 2019, 2026)}/${digits(r, 6)}` },
  { expected: undefined, names: ['amount', 'total', 'сумма', 'price'], type: 'numeric(14,2)', value: (r) => (r() * 1_000_000).toFixed(2) },
  { expected: undefined, names: ['created_at', 'event_time', 'updated'], type: 'timestamp', value: (r) => `${isoDate(eventDate(r))} ${pad(int(r, 0, 23))}:${pad(int(r, 0, 59))}:${pad(int(r, 0, 59))}` },
  { expected: undefined, names: ['contract_date', 'shipped_on', 'дата_договора'], type: 'date', value: (r) => isoDate(eventDate(r)) },
  { expected: undefined, names: ['product', 'title', 'name'], type: 'varchar(100)', value: (r) => pick(r, PRODUCTS) },
  { expected: undefined, names: ['tracking', 'awb'], type: 'varchar(13)', value: (r) => `R${pick(r, ['R', 'B'])}${digits(r, 9)}KZ` },
  { expected: undefined, names: ['sku', 'article'], type: 'varchar(16)', value: (r) => digits(r, 16) },
  { expected: undefined, names: ['operation_code'], type: 'varchar(16)', value: (r) => nonLuhn16(r) },
  { expected: undefined, names: ['masked_pan', 'card_mask'], type: 'varchar(19)', value: (r) => `${pick(r, ['440043', '517792', '400303'])}******${digits(r, 4)}` },
  { expected: undefined, names: ['quantity', 'qty'], type: 'integer', value: (r) => String(int(r, 1, 50)) },
  { expected: undefined, names: ['comment', 'note'], type: 'text', value: (r) => pick(r, ['Доставить после 18:00', 'Оставить у двери', 'Есіктің алдына қалдыру', 'Call before delivery', 'Хрупкое', 'Без сдачи']) },
  { expected: undefined, names: ['city', 'город', 'қала'], type: 'varchar(40)', value: (r) => city(r, language(r)) },
  { expected: undefined, names: ['company', 'supplier'], type: 'varchar(120)', value: (r) => pick(r, COMPANIES) },
  { expected: undefined, names: ['status'], type: 'varchar(16)', value: (r) => pick(r, ['new', 'paid', 'shipped', 'cancelled', 'returned']) },
  { expected: undefined, names: ['app_version'], type: 'varchar(16)', value: (r) => `${int(r, 1, 9)}.${int(r, 0, 30)}.${int(r, 0, 99)}` },
  { expected: undefined, names: ['terminal_id'], type: 'varchar(8)', value: (r) => digits(r, 8) },
  { expected: undefined, names: ['session_id'], type: 'uuid', value: (r) => [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, () => int(r, 0, 15).toString(16)).join('')).join('-') },
]

/** All labelled columns, about 200 values each, the same for the same seed. */
export function labelledColumns(seed = 7): LabelledColumn[] {
  const r = randomFrom(seed)
  return COLUMN_KINDS.flatMap(({ expected, names, type, value }) =>
    names.map((name) => {
      // Real tables have holes: up to 10 % of a personal column, up to 5 % of another, null or junk.
      const values: (string | null)[] = Array.from({ length: ROWS }, () => value(r))
      const holes = Math.floor(r() * (expected ? 0.1 : 0.05) * ROWS)
      for (let i = 0; i < holes; i++) values[int(r, 0, ROWS - 1)] = chance(r, 0.5) ? null : pick(r, GARBAGE)
      return { name, type, values, expected }
    }),
  )
}
