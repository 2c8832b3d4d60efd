import type { Language } from './people.ts'
import { COMPANIES, PRODUCTS, city } from './places.ts'
import { eventDate, nonLuhn16, writtenDate } from './identifiers.ts'
import { digits, int, pad, pick, weighted, type Random } from './random.ts'

/*
 * What looks like personal data and is not (issue 7: "hard negatives: random
 * 12-digit numbers, order ids, dates"): order, invoice, tracking and
 * operation numbers, 16-digit codes failing Luhn, masked cards, contract and
 * delivery dates, prices, app versions, short service numbers, bank codes,
 * cities, companies and products. Nothing here is labelled, so whatever a
 * detector reports inside it counts against that detector's precision.
 */

/** An unlabelled value for a `{slot}` of a template, or undefined when the slot is not a negative. */
export function negativeSlot(slot: string, r: Random, language: Language): string | undefined {
  switch (slot) {
    case 'num12': return digits(r, 12)
    case 'order': return weighted(r, [[3, `ORD-${int(r, 2019, 2026)}-${digits(r, 12)}`], [2, `№ ${digits(r, 12)}`], [1, `ЗК-${digits(r, 7)}`], [1, `#${digits(r, 9)}`], [1, `${int(r, 2019, 2026)}${pad(int(r, 1, 12))}${digits(r, 6)}`]])
    case 'invoice': return weighted(r, [[2, `INV/${int(r, 2019, 2026)}/${digits(r, 6)}`], [2, `№ ${digits(r, 10)}`], [1, `СФ-${digits(r, 9)}`], [1, `ЭСФ KZ-${digits(r, 12)}-${int(r, 2019, 2026)}-${digits(r, 6)}`]])
    case 'tracking': return weighted(r, [[3, `R${pick(r, ['R', 'B', 'A'])}${digits(r, 9)}KZ`], [2, `CZ${digits(r, 9)}CN`], [1, digits(r, 10)], [1, `1Z${digits(r, 3)}AA${digits(r, 10)}`], [1, `LP${digits(r, 14)}`]])
    case 'code16': return nonLuhn16(r)
    case 'masked': return weighted(r, [[3, `${pick(r, ['4400', '5177', '4405'])} ${digits(r, 2)}** **** ${digits(r, 4)}`], [2, `*${digits(r, 4)}`], [1, `•••• ${digits(r, 4)}`], [1, `${digits(r, 6)}******${digits(r, 4)}`]])
    case 'date': return writtenDate(r, eventDate(r), language)
    case 'year': return String(int(r, 2019, 2026))
    case 'time': return `${pad(int(r, 0, 23))}:${pad(int(r, 0, 59))}`
    case 'price': return priceText(r, language)
    case 'qty': return String(int(r, 1, 40))
    case 'version': return weighted(r, [[3, `v${int(r, 1, 9)}.${int(r, 0, 30)}.${int(r, 0, 99)}`], [2, `${int(r, 1, 9)}.${int(r, 0, 30)}.${int(r, 0, 99)}`], [1, `10.0.${int(r, 17000, 22631)}.${int(r, 1000, 4000)}`], [1, `Android ${int(r, 9, 15)}`], [1, `iOS ${int(r, 15, 18)}.${int(r, 0, 6)}`]])
    case 'ticket': return weighted(r, [[2, `#${digits(r, 6)}`], [2, `INC-${int(r, 2020, 2026)}-${digits(r, 5)}`], [1, `№ ${digits(r, 8)}`]])
    case 'contract': return weighted(r, [[2, `№ ${int(r, 1, 480)}/${int(r, 2019, 2026)}`], [1, `№ КП-${int(r, 2019, 2026)}/${int(r, 1, 999)}`], [1, `No. ${digits(r, 4)}-${pick(r, ['SA', 'DU', 'LS'])}`]])
    case 'hrno': return `${int(r, 1, 900)}-${pick(r, ['к', 'лс', 'ж'])}`
    case 'terminal': return digits(r, 8)
    case 'account7': return digits(r, 7)
    case 'service': return pick(r, ['7111', '1414', '102', '109', '3535', '8 800 080 7777'])
    case 'bankcode': return `${pick(r, ['БИК', 'BIC', 'БСК'])} ${pick(r, ['CASPKZKA', 'HSBKKZKX', 'IRTYKZKA', 'KCJBKZKX', 'BRKEKZKA'])}, ${pick(r, ['КНП', 'KNP', 'ТМК'])} ${pick(r, ['119', '311', '342', '710', '859'])}, Кбе ${pick(r, ['17', '19', '14'])}`
    case 'city': return city(r, language)
    case 'company': return pick(r, COMPANIES)
    case 'product': return pick(r, PRODUCTS)
    default: return undefined
  }
}

function priceText(r: Random, language: Language): string {
  const amount = int(r, 1, 2_000) * pick(r, [50, 100, 500, 990])
  const grouped = amount.toLocaleString('ru-RU').replace(/\u00a0/g, ' ')
  if (language === 'en') return weighted(r, [[3, `${grouped} KZT`], [1, `₸${amount.toLocaleString('en-US')}`], [1, `$${int(r, 5, 2_000)}.${pad(int(r, 0, 99))}`]])
  return weighted(r, [[3, `${grouped} тг`], [2, `${grouped} ₸`], [1, `${grouped},00 KZT`], [1, `${amount} тенге`]])
}
