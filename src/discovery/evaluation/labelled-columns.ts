import { sampleCard, sampleIban, sampleIin, seededRandom } from '../databases/sample-crm.ts'
import type { DetectedKind } from '../detectors/detection.ts'
import { sampleAddress, sampleBin, sampleBirthDate, sampleEmail, sampleFullName, samplePhoneForm } from './labelled-text.ts'

export interface LabelledColumn {
  name: string
  type: string
  values: (string | null)[]
  expected: DetectedKind | undefined
}

type Random = () => number
const digits = (r: Random, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('')

/**
 * Labelled table columns for column classification (issue 7: "a column is
 * classified only when the evidence is strong (a random 12-digit column must
 * not be called IIN)"): personal columns under telling, foreign or
 * meaningless names with some nulls, blanks and garbage, and look-alike
 * columns of order numbers, amounts, event times and product names.
 */
export function labelledColumns(seed = 7): LabelledColumn[] {
  const r = seededRandom(seed)
  const rows = 200
  const column = (name: string, type: string, expected: DetectedKind | undefined, value: () => string, dirt = 0.05): LabelledColumn => ({
    name,
    type,
    expected,
    values: Array.from({ length: rows }, () => {
      const x = r()
      return x < dirt / 2 ? null : x < dirt ? (r() < 0.5 ? '' : 'н/д') : value()
    }),
  })
  const positives: [string[], string, DetectedKind, () => string][] = [
    [['iin', 'client_iin', 'ИИН', 'col7', 'zhsn'], 'varchar(12)', 'iin', () => sampleIin(r)],
    [['bin', 'company_bin', 'ref_code'], 'varchar(12)', 'bin', () => sampleBin(r)],
    [['phone', 'mobile', 'tel', 'contact', 'c3'], 'varchar(32)', 'phone', () => samplePhoneForm(r)],
    [['email', 'e_mail', 'login', 'почта'], 'varchar(120)', 'email', () => sampleEmail(r)],
    [['card_pan', 'card', 'pan_masked_not', 'x1'], 'varchar(32)', 'bank_card', () => sampleCard(r)],
    [['iban', 'account', 'шот'], 'varchar(34)', 'iban', () => sampleIban(r)],
    [['fio', 'full_name', 'client', 'name'], 'varchar(200)', 'person_name', () => sampleFullName(r)],
    [['address', 'delivery_address', 'адрес', 'addr2'], 'varchar(300)', 'address', () => sampleAddress(r)],
    [['birth_date', 'dob', 'дата_рождения'], 'date', 'birth_date', () => sampleBirthDate(r).replace(/^(\d\d)\.(\d\d)\.(\d{4})$/, '$3-$2-$1')],
    [['passport_no', 'паспорт'], 'varchar(9)', 'passport', () => `N${digits(r, 8)}`],
    [['id_card_number', 'doc_number'], 'varchar(9)', 'id_card', () => digits(r, 9)],
    [['last_ip', 'client_ip'], 'varchar(45)', 'ip_address', () => `${1 + Math.floor(r() * 223)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${1 + Math.floor(r() * 254)}`],
    [['mac', 'device_mac'], 'varchar(17)', 'mac_address', () => Array.from({ length: 6 }, () => Math.floor(r() * 256).toString(16).padStart(2, '0')).join(':')],
  ]
  const negatives: [string[], string, () => string][] = [
    [['order_no', 'iin_like_id', 'external_ref', 'code'], 'varchar(12)', () => digits(r, 12)],
    [['amount', 'total', 'сумма'], 'decimal(12,2)', () => (r() * 100_000).toFixed(2)],
    [['created_at', 'event_time', 'shipped_on'], 'varchar(32)', () => `2025-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')} 12:00:00`],
    [['product', 'title', 'name'], 'varchar(100)', () => `${['Молоко', 'Хлеб', 'Шай', 'Coffee', 'Тұз', 'Juice'][Math.floor(r() * 6)]} ${Math.floor(r() * 5) + 1} кг`],
    [['tracking', 'awb'], 'varchar(13)', () => `RR${digits(r, 9)}KZ`],
    [['sku', 'article'], 'varchar(16)', () => digits(r, 16)],
    [['quantity', 'qty'], 'integer', () => String(Math.floor(r() * 50))],
    [['comment', 'note'], 'text', () => ['Доставить после 18:00', 'Оставить у двери', 'Есіктің алдына қалдыру', 'Call before delivery'][Math.floor(r() * 4)]!],
  ]
  return [
    ...positives.flatMap(([names, type, kind, value]) => names.map((name) => column(name, type, kind, value))),
    ...negatives.flatMap(([names, type, value]) => names.map((name) => column(name, type, undefined, value, 0))),
  ]
}
