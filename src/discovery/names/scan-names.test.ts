import { describe, expect, it } from 'vitest'
import { scanNamesAndAddresses } from './scan-names.ts'

function detect(text: string): string[] {
  const bytes = Buffer.from(text)
  const found: string[] = []
  scanNamesAndAddresses(bytes, 0, bytes.length, (kind, start, end, confidence) => found.push(`${kind}:${bytes.toString('utf8', start, end)}@${confidence}`))
  return found
}

describe('person names (kk, ru, en)', () => {
  it('finds full names in the orders people write them, Kazakh letters included', () => {
    expect(detect('Клиент Сәрсенбаев Нұрлан Қайратұлы обратился.')).toEqual(['person_name:Сәрсенбаев Нұрлан Қайратұлы@0.9'])
    expect(detect('Өтініш берген: Айгерім Нұрланқызы.')).toEqual(['person_name:Айгерім Нұрланқызы@0.9'])
    expect(detect('Подписала Иванова М. П. вчера')).toEqual(['person_name:Иванова М. П.@0.85'])
    expect(detect('Written by Nurlan Sarsenbayev and Aigerim Seitkali.')).toEqual(['person_name:Nurlan Sarsenbayev@0.9', 'person_name:Aigerim Seitkali@0.9'])
  })

  it('reports its byte offsets past Cyrillic text', () => {
    const text = 'Жауапты: Ерлан Қасымов'
    const bytes = Buffer.from(text)
    const spans: number[][] = []
    scanNamesAndAddresses(bytes, 0, bytes.length, (_k, s, e) => spans.push([s, e]))
    expect(spans).toEqual([[bytes.indexOf('Ерлан'), bytes.length]])
  })

  it('is surer of a full name than of a lone given name, and does not take places, months or companies for people', () => {
    const [lone] = detect('Спасибо, Нұрлан!')
    expect(lone).toBe('person_name:Нұрлан@0.4')
    expect(detect('Алматы Астана Қазан Monday ТОО Казахтелеком')).toEqual([])
    expect(detect('Заказ доставлен. Order shipped.')).toEqual([])
  })
})

describe('addresses (kk, ru, en)', () => {
  it('takes the whole address: city, street, house and flat', () => {
    expect(detect('Адрес: г. Алматы, ул. Абая, д. 10, кв. 5. Далее.')).toEqual(['address:г. Алматы, ул. Абая, д. 10, кв. 5@0.85'])
    expect(detect('Мекенжайы: Алматы қ., Абай даңғылы, 10-үй, 5-пәтер.')).toEqual(['address:Алматы қ., Абай даңғылы, 10-үй, 5-пәтер@0.85'])
    expect(detect('Ship to 10 Abai Ave, apt 5, Almaty. Thanks!')).toEqual(['address:10 Abai Ave, apt 5, Almaty@0.85'])
    expect(detect('050000, Алматы, ул. Толе би 101; мкр. Самал-2, д. 58')).toEqual(['address:050000, Алматы, ул. Толе би 101@0.85', 'address:мкр. Самал-2, д. 58@0.85'])
  })

  it('takes a city, a street name and a house number without a street word, but not a list of cities or a year', () => {
    expect(detect('Астана, Мәңгілік Ел 58')).toEqual(['address:Астана, Мәңгілік Ел 58@0.7'])
    expect(detect('Алматы, Астана и Шымкент — города.')).toEqual([])
    expect(detect('Алматы, Нұрлан Сәрсенбаев 1990 г.р.')).toEqual(['person_name:Нұрлан Сәрсенбаев@0.9'])
  })

  it('never reports the street namesake inside an address as a person', () => {
    expect(detect('пр. Назарбаева 12, Сәтпаев көшесі 5')).toEqual(['address:пр. Назарбаева 12@0.85', 'address:Сәтпаев көшесі 5@0.85'])
  })
})

/** The one detection in `text`, as its kind, its byte span and its confidence. */
function spanOf(text: string): { kind: string; start: number; end: number; confidence: number }[] {
  const bytes = Buffer.from(text)
  const found: { kind: string; start: number; end: number; confidence: number }[] = []
  scanNamesAndAddresses(bytes, 0, bytes.length, (kind, start, end, confidence) => found.push({ kind, start, end, confidence }))
  return found
}

/** Where `part` lies in `text`, in UTF-8 bytes: the span a detector must report. */
function bytesOf(text: string, part: string): { start: number; end: number } {
  const at = text.indexOf(part)
  const start = Buffer.byteLength(text.slice(0, at))
  return { start, end: start + Buffer.byteLength(part) }
}

describe('each written form of a name in KZ records, at its exact byte offsets (issue 7)', () => {
  const forms: [string, string][] = [
    ['Өтінішті қабылдаған Нұрлан Сәрсенбаев, бөлім басшысы.', 'Нұрлан Сәрсенбаев'],
    ['Жауапты тұлға: Сәрсенбаев Нұрлан Қайратұлы (бухгалтерия).', 'Сәрсенбаев Нұрлан Қайратұлы'],
    ['Договор подписала Иванова Мария Петровна, главный бухгалтер.', 'Иванова Мария Петровна'],
    ['Проверено: Иванов И. П., отдел кадров.', 'Иванов И. П.'],
    ['Получатель — Н.С. Романова, тел. не указан.', 'Н.С. Романова'],
    ['The parcel was signed for by Nurlan Sarsenbayev at the desk.', 'Nurlan Sarsenbayev'],
    ['Passport holder Aigerim Nurlanovna Seitkali applied online.', 'Aigerim Nurlanovna Seitkali'],
    ['Approved by Seitkali A. yesterday.', 'Seitkali A.'],
    ['Өтініш берген: Айгерім Нұрланқызы, 2-курс.', 'Айгерім Нұрланқызы'],
    ['Анықтаманы Райхан Бекмұхамбетованың атына жібердік.', 'Райхан Бекмұхамбетованың'],
    ['Звонил клиент Ержан Дуйсенов по поводу заказа.', 'Ержан Дуйсенов'],
    ['Перевод от ДЮСЕНОВА АЙГЕРИМ СЕРИКОВНА поступил.', 'ДЮСЕНОВА АЙГЕРИМ СЕРИКОВНА'],
    ['Employee record for J. Müller, sales team.', 'J. Müller'],
    ['Ответ направлен Сергею Иванову вчера.', 'Сергею Иванову'],
  ]
  for (const [text, name] of forms) {
    it(`finds «${name}»`, () => {
      const found = spanOf(text).filter((d) => d.confidence >= 0.5)
      expect(found).toEqual([{ kind: 'person_name', ...bytesOf(text, name), confidence: expect.any(Number) }])
    })
  }
})

describe('hard negatives: places, months, companies, codes and sentence starts are not people', () => {
  const negatives = [
    'Филиал в Алматы и Астана открыт с Понедельник по Пятница.',
    'Оплата через ТОО «Казахтелеком» и АО «Kaspi Bank» прошла.',
    'Қазан айында Шілде мен Тамыз аралығында демалыс жоқ.',
    'Заказ ORD-2023-2431575676 отправлен. Спасибо за покупку!',
    'Алматыда және Астанада филиалдар бар.',
    'Microsoft Office и Google Chrome установлены на компьютере.',
    'Кабинет 12. Доставка завтра. Погода хорошая.',
    'Air Astana, BIC HSBKKZKX, KNP 119, Кбе 17',
  ]
  for (const text of negatives) {
    it(`reports no name or address at 0.5 or above in «${text}»`, () => {
      expect(spanOf(text).filter((d) => d.confidence >= 0.5)).toEqual([])
    })
  }

  it('does not report the microdistrict inside an address as a person', () => {
    const text = 'Мекенжайы: Ақтөбе қ., Мамыр-4 шағын ауданы, 212-үй, 23-пәтер.'
    expect(spanOf(text)).toEqual([{ kind: 'address', ...bytesOf(text, 'Ақтөбе қ., Мамыр-4 шағын ауданы, 212-үй, 23-пәтер'), confidence: 0.85 }])
  })
})

describe('confidence ordering', () => {
  it('ranks a full name above a surname with initials above a given name with another word above a lone given name', () => {
    const [full] = spanOf('Клиент Нұрлан Сәрсенбаев пришёл.')
    const [initials] = spanOf('Клиент Сәрсенбаев Н. пришёл.')
    const [pair] = spanOf('Клиент Нұрлан Тлеу пришёл.')
    const [lone] = spanOf('Клиент Нұрлан пришёл.')
    expect(full!.confidence).toBeGreaterThan(initials!.confidence)
    expect(initials!.confidence).toBeGreaterThan(pair!.confidence)
    expect(pair!.confidence).toBeGreaterThan(lone!.confidence)
    expect(lone!.confidence).toBeLessThan(0.5)
  })
})

describe('addresses in every form of the issue, at exact byte offsets', () => {
  const forms: [string, string][] = [
    ['Адрес: г. Алматы, ул. Абая, д. 10, кв. 5. Звонить заранее.', 'г. Алматы, ул. Абая, д. 10, кв. 5'],
    ['Мекенжайы: Алматы қ., Абай даңғылы, 10-үй, 5-пәтер.', 'Алматы қ., Абай даңғылы, 10-үй, 5-пәтер'],
    ['Офис: Астана, пр. Мәңгілік Ел 55/20, 3 этаж', 'Астана, пр. Мәңгілік Ел 55/20, 3 этаж'],
    ['Доставка: мкр. Самал-2, д. 58', 'мкр. Самал-2, д. 58'],
    ['Индекс и адрес: 050000, Алматы, ул. Толе би 101', '050000, Алматы, ул. Толе би 101'],
    ['Ship to 10 Abai Ave, apt 5, Almaty. Thanks!', '10 Abai Ave, apt 5, Almaty'],
    ['Ship to: Apt. 211, 132 Kabanbay Batyr Street, Oskemen', 'Apt. 211, 132 Kabanbay Batyr Street, Oskemen'],
    ['Тұрғылықты жері: Астана қ., Қабанбай батыр көшесі, 213-үй, 209-пәтер', 'Астана қ., Қабанбай батыр көшесі, 213-үй, 209-пәтер'],
    ['Проживает: г. Актау, 33 мкр., д. 27, кв. 105', 'г. Актау, 33 мкр., д. 27, кв. 105'],
  ]
  for (const [text, address] of forms) {
    it(`takes «${address}» whole`, () => {
      expect(spanOf(text).filter((d) => d.kind === 'address')).toEqual([{ kind: 'address', ...bytesOf(text, address), confidence: expect.any(Number) }])
    })
  }
})
