import { iinBinCheckDigit } from '../../kz/index.ts'
import { sampleCard, sampleIban, sampleIin, seededRandom } from '../databases/sample-crm.ts'
import type { DetectedKind } from '../detectors/detection.ts'
import type { Label } from './metrics.ts'

/*
 * The project's labelled evaluation set (issue 7 item 5): generated Kazakh,
 * Russian and English documents — support tickets, contracts, HR notes,
 * delivery notes, bank statements, chat lines — with every personal value's
 * kind and byte span known, and the hard negatives a detector must leave
 * alone: random 12-digit numbers, order and invoice ids, 16-digit numbers
 * failing Luhn, dates that are not birth dates, prices, versions, places,
 * companies. The names it uses are its own lists — some of them are in the
 * detectors' dictionaries and some are not — so recall is not flattered.
 */

type Random = () => number
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!
const digits = (r: Random, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('')
const pad = (n: number) => String(n).padStart(2, '0')

const GIVEN_KK = ['Нұрлан', 'Айгерім', 'Дәурен', 'Гүлнар', 'Ерлан', 'Әсел', 'Қайрат', 'Жанар', 'Бекжан', 'Аружан', 'Ерасыл', 'Мөлдір', 'Темірлан', 'Назгүл', 'Ақжол', 'Інжу']
const GIVEN_RU = ['Мария', 'Сергей', 'Ольга', 'Дмитрий', 'Татьяна', 'Игорь', 'Анна', 'Виктор', 'Людмила', 'Геннадий', 'Зинаида', 'Всеволод']
const SURNAME_KK = ['Сәрсенбаев', 'Ахметова', 'Қасымов', 'Нұрланов', 'Жақсыбекова', 'Серіков', 'Әбдірахманов', 'Төлеуова', 'Омаров', 'Байжанова', 'Есенов', 'Мұқанова']
const SURNAME_RU = ['Иванова', 'Петров', 'Смирнова', 'Кузнецов', 'Попова', 'Соколов', 'Лебедева', 'Новиков', 'Морозова', 'Волков']
const LATIN = [['Nurlan', 'Sarsenbayev'], ['Aigerim', 'Seitkali'], ['Dauren', 'Akhmetov'], ['Assel', 'Nurlanova'], ['Yerlan', 'Kassymov'], ['Madina', 'Omarova'], ['Arman', 'Tulegenov'], ['John', 'Smith'], ['Emily', 'Brown']] as const
const STREETS = ['ул. Абая', 'ул. Толе би', 'пр. Достык', 'ул. Кабанбай батыра', 'пр. Назарбаева', 'мкр. Самал-2', 'ул. Сатпаева']
const STREETS_KK = ['Абай даңғылы', 'Сәтпаев көшесі', 'Төле би көшесі', 'Достық даңғылы', 'Райымбек батыр даңғылы']
const CITIES = ['Алматы', 'Астана', 'Шымкент', 'Караганда', 'Актобе', 'Павлодар']
const COMPANIES = ['ТОО «Нұр-Сауда»', 'АО «Казахтелеком»', 'ТОО «Алма-Трейд»', 'Kaspi Bank', 'ИП «Береке»']

/** Builds one document: text parts, and labels in UTF-8 byte offsets as the parts are appended. */
class Doc {
  readonly parts: string[] = []
  readonly labels: Label[] = []
  #bytes = 0

  text(part: string): this {
    this.parts.push(part)
    this.#bytes += Buffer.byteLength(part)
    return this
  }

  value(kind: DetectedKind, value: string): this {
    const start = this.#bytes
    this.text(value)
    this.labels.push({ kind, start, end: this.#bytes })
    return this
  }
}

function sampleBin(r: Random): string {
  for (;;) {
    const first11 = `${pad(Math.floor(r() * 25))}${pad(1 + Math.floor(r() * 12))}${4 + Math.floor(r() * 3)}${Math.floor(r() * 4)}${digits(r, 5)}`
    const check = iinBinCheckDigit(first11)
    if (check !== undefined) return `${first11}${check}`
  }
}

/** A KZ number, mobile or landline, in the ways people write it. */
function phone(r: Random): string {
  const mobile = r() < 0.75
  const code = mobile ? pick(r, ['701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778']) : pick(r, ['727', '717'])
  const [a, b, c] = [digits(r, 3), digits(r, 2), digits(r, 2)]
  return pick(r, [
    `+7${code}${a}${b}${c}`, `8${code}${a}${b}${c}`, `+7 ${code} ${a} ${b} ${c}`, `8 (${code}) ${a}-${b}-${c}`, `+7 (${code}) ${a}-${b}-${c}`,
    `8-${code}-${a}-${b}-${c}`, `+7(${code})${a}${b}${c}`, `8 ${code} ${a}${b}${c}`,
  ])
}

function email(r: Random): string {
  const [given, surname] = pick(r, LATIN)
  return `${pick(r, [given.toLowerCase(), `${given[0]!.toLowerCase()}.${surname.toLowerCase()}`, `${surname.toLowerCase()}${Math.floor(r() * 100)}`])}@${pick(r, ['mail.kz', 'gmail.com', 'inbox.ru', 'yandex.kz', 'kaspi.kz', 'company.com.kz'])}`
}

function fullName(r: Random): string {
  if (r() < 0.25) {
    const [g, s] = pick(r, LATIN)
    return r() < 0.5 ? `${g} ${s}` : `${s} ${g}`
  }
  const kk = r() < 0.6
  const given = pick(r, kk ? GIVEN_KK : GIVEN_RU)
  const surname = pick(r, kk ? SURNAME_KK : SURNAME_RU)
  const form = Math.floor(r() * 4)
  if (form === 0) return `${surname} ${given}`
  if (form === 1) return `${given} ${surname}`
  if (form === 2) return `${surname} ${given[0]}. ${pick(r, ['А', 'Б', 'К', 'Н', 'С'])}.`
  return kk ? `${surname} ${given} ${pick(r, ['Қайратұлы', 'Серікқызы', 'Нұрланұлы', 'Бекқызы'])}` : `${surname} ${given} ${pick(r, ['Петрович', 'Ивановна', 'Сергеевич', 'Викторовна'])}`
}

function address(r: Random): string {
  const house = 1 + Math.floor(r() * 250)
  const flat = 1 + Math.floor(r() * 200)
  return pick(r, [
    `г. ${pick(r, CITIES)}, ${pick(r, STREETS)}, д. ${house}, кв. ${flat}`,
    `${pick(r, CITIES)} қ., ${pick(r, STREETS_KK)}, ${house}-үй, ${flat}-пәтер`,
    `${pick(r, STREETS)} ${house}`,
    `${house} Abai Ave, apt ${flat}, Almaty`,
    `${pick(r, CITIES)}, ${pick(r, STREETS)} ${house}/${flat}`,
  ])
}

const birthDate = (r: Random) => {
  const [y, m, d] = [1950 + Math.floor(r() * 60), 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)]
  return r() < 0.6 ? `${pad(d)}.${pad(m)}.${y}` : `${y}-${pad(m)}-${pad(d)}`
}

/** Hard negatives: look like personal data, are not. */
function negative(r: Random): string {
  return pick(r, [
    () => `номер заказа ${digits(r, 12)}`,
    () => `order ORD-2025-${digits(r, 12)}`,
    () => `счёт-фактура INV/2025/${digits(r, 6)}`,
    () => `трек-номер RR${digits(r, 9)}KZ`,
    () => `код операции ${digits(r, 16)}`,
    () => `договор от ${pad(1 + Math.floor(r() * 28))}.${pad(1 + Math.floor(r() * 12))}.2025`,
    () => `сумма ${Math.floor(r() * 900) + 100} ${digits(r, 3)} тг`,
    () => `версия v${Math.floor(r() * 5)}.${Math.floor(r() * 20)}.${Math.floor(r() * 50)}`,
    () => `филиал в городе ${pick(r, CITIES)}`,
    () => `поставщик ${pick(r, COMPANIES)}`,
    () => `артикул ${digits(r, 9)}`,
    () => `build 2025.${Math.floor(r() * 12) + 1}.${Math.floor(r() * 28) + 1}`,
  ])()
}

type Template = (d: Doc, r: Random) => void

const TEMPLATES: Template[] = [
  (d, r) => d.text('Клиент ').value('person_name', fullName(r)).text(' (ИИН ').value('iin', sampleIin(r)).text(') просит перезвонить по номеру ').value('phone', phone(r)).text('. '),
  (d, r) => d.text('Өтініш берген: ').value('person_name', fullName(r)).text(', ЖСН ').value('iin', sampleIin(r)).text(', байланыс телефоны ').value('phone', phone(r)).text('. '),
  (d, r) => d.text('Customer ').value('person_name', fullName(r)).text(' asked to send the invoice to ').value('email', email(r)).text(' and to call ').value('phone', phone(r)).text('. '),
  (d, r) => d.text('Оплата картой ').value('bank_card', sampleCard(r)).text(' на счёт ').value('iban', r() < 0.5 ? sampleIban(r) : sampleIban(r).replace(/(.{4})(?=.)/g, '$1 ')).text(' прошла. '),
  (d, r) => d.text('Контрагент ').text(pick(r, COMPANIES)).text(', БИН ').value('bin', sampleBin(r)).text(', ИИК ').value('iban', sampleIban(r)).text('. '),
  (d, r) => d.text('Удостоверение личности № ').value('id_card', digits(r, 9)).text(', выдано МВД РК. '),
  (d, r) => d.text('Жеке куәлік нөмірі ').value('id_card', digits(r, 9)).text('. Төлқұжат ').value('passport', `N${digits(r, 8)}`).text('. '),
  (d, r) => d.text('Passport ').value('passport', `N${digits(r, 8)}`).text(', date of birth ').value('birth_date', birthDate(r)).text('. '),
  (d, r) => d.text('Дата рождения: ').value('birth_date', birthDate(r)).text(', место работы — ').text(pick(r, COMPANIES)).text('. '),
  (d, r) => d.text('Адрес доставки: ').value('address', address(r)).text('. Почтовый индекс ').value('postcode', pick(r, ['050000', '010000', '160000', '100000'])).text('. '),
  (d, r) => d.text('Мекенжайы: ').value('address', address(r)).text('. '),
  (d, r) => d.text('Login from ').value('ip_address', `${10 + Math.floor(r() * 200)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${1 + Math.floor(r() * 254)}`).text(', device ').value('mac_address', Array.from({ length: 6 }, () => Math.floor(r() * 256).toString(16).padStart(2, '0')).join(r() < 0.7 ? ':' : '-')).text('. '),
  (d, r) => d.text('Пишите на ').value('email', email(r)).text(' или в WhatsApp ').value('phone', phone(r)).text('. '),
  (d, r) => d.text('HR: сотрудник ').value('person_name', fullName(r)).text(' принят с ').text(`${pad(1 + Math.floor(r() * 28))}.0${1 + Math.floor(r() * 9)}.2025`).text('. '),
  (d, r) => d.text(`${negative(r)}; ${negative(r)}. `),
  (d, r) => d.text(`Заказ доставлен, ${negative(r)}. Рахмет! `),
  (d, r) => d.text(`Order shipped, ${negative(r)}. Thank you for shopping with us. `),
]

export interface LabelledDocument {
  bytes: Buffer
  labels: Label[]
}

/** `count` documents of three to six sentences each, the same for the same seed. */
export function labelledDocuments(count: number, seed = 94): LabelledDocument[] {
  const r = seededRandom(seed)
  return Array.from({ length: count }, () => {
    const d = new Doc()
    const sentences = 3 + Math.floor(r() * 4)
    for (let i = 0; i < sentences; i++) pick(r, TEMPLATES)(d, r)
    return { bytes: Buffer.from(d.parts.join('')), labels: d.labels }
  })
}

export { address as sampleAddress, birthDate as sampleBirthDate, email as sampleEmail, fullName as sampleFullName, phone as samplePhoneForm, sampleBin, negative as sampleNegative }
