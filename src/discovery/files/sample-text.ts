import { sampleCard, sampleIban, sampleIin, samplePhone, seededRandom } from '../databases/sample-crm.ts'

const NAMES = ['Сәрсенбаев Нұрлан', 'Ахметова Айгерім Серікқызы', 'Иванова М. П.', 'Aigerim Seitkali', 'Қасымов Ерлан', 'Петров Сергей Иванович']
const ADDRESSES = ['г. Алматы, ул. Абая, д. 10, кв. 5', 'Астана қ., Мәңгілік Ел даңғылы, 55-үй', '10 Abai Ave, apt 5, Almaty', 'мкр. Самал-2, д. 58']

/**
 * Test and bench support: lines of the mixed Kazakh, Russian and English text
 * operators keep in exports and logs — mostly ordinary, one in ten with an
 * IIN, one in ten with a phone, a few with an e-mail, a card, an IBAN, a
 * person's name or an address — and
 * how many of each it holds.
 */
export function sampleLetters(lines: number, seed = 3): { text: string; counts: Record<'iin' | 'phone' | 'email' | 'bank_card' | 'iban' | 'person_name' | 'address', number> } {
  const random = seededRandom(seed)
  const counts = { iin: 0, phone: 0, email: 0, bank_card: 0, iban: 0, person_name: 0, address: 0 }
  const out: string[] = []
  for (let i = 0; i < lines; i++) {
    const r = random()
    if (r < 0.1) {
      out.push(`Клиенттің ЖСН ${sampleIin(random)}, өтініш қабылданды және тіркелді.`)
      counts.iin++
    } else if (r < 0.2) {
      out.push(`Please call the client back at ${samplePhone(random)} tomorrow morning.`)
      counts.phone++
    } else if (r < 0.23) {
      out.push(`Ответ отправлен на адрес client${i}@mail.kz, копия в архиве.`)
      counts.email++
    } else if (r < 0.25) {
      out.push(`Оплата картой ${sampleCard(random)} прошла успешно.`)
      counts.bank_card++
    } else if (r < 0.27) {
      out.push(`Шотқа аударым: ${sampleIban(random)}, сомасы 15 000 тг.`)
      counts.iban++
    } else if (r < 0.3) {
      out.push(`Өтініш берген: ${NAMES[i % NAMES.length]}, жауап жіберілді.`)
      counts.person_name++
    } else if (r < 0.32) {
      out.push(`Адрес доставки: ${ADDRESSES[i % ADDRESSES.length]}. Курьер предупреждён.`)
      counts.address++
    } else {
      out.push(`Заказ № ${i} доставлен, сумма ${(random() * 10000).toFixed(2)} тг. Рахмет! Order shipped on 2026-0${1 + (i % 9)}-15, status OK.`)
    }
  }
  return { text: `${out.join('\n')}\n`, counts }
}
