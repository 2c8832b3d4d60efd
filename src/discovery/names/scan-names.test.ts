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
