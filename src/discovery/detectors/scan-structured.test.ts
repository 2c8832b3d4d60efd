import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { iinBinCheckDigit } from '../../kz/index.ts'
import type { DetectedKind } from './detection.ts'
import { scanStructured } from './scan-structured.ts'

/** Every detection as `kind:text@confidence`, and the byte offsets checked against the text. */
function detect(text: string, options?: { identifiersOnly?: boolean }): string[] {
  const bytes = Buffer.from(text)
  const found: string[] = []
  let last = -1
  scanStructured(bytes, 0, bytes.length, (kind: DetectedKind, start, end, confidence) => {
    expect(start).toBeGreaterThanOrEqual(last)
    last = start
    found.push(`${kind}:${bytes.toString('utf8', start, end)}@${confidence}`)
  }, options)
  return found
}
const kinds = (text: string) => detect(text).map((d) => d.split(':')[0])

describe('scanStructured: identifiers', () => {
  it('finds an IIN by check digit and birth-date structure, surer after ИИН/ЖСН, with byte offsets past Cyrillic', () => {
    const text = 'Клиенттің ЖСН 791028302728 тіркелді'
    const bytes = Buffer.from(text)
    const spans: [number, number][] = []
    scanStructured(bytes, 0, bytes.length, (_k, s, e) => spans.push([s, e]))
    expect(spans).toEqual([[bytes.indexOf('791028302728'), bytes.indexOf('791028302728') + 12]])
    expect(detect(text)).toEqual(['iin:791028302728@0.98'])
    expect(detect('ref 791028302728 ok')).toEqual(['iin:791028302728@0.8'])
  })

  it('tells a BIN from an IIN by its fifth digit (entity type 4–6)', () => {
    expect(detect('БИН 940140000385')).toEqual(['bin:940140000385@0.98'])
  })

  it('never takes digits inside identifiers, longer numbers or failing check digits for an IIN', () => {
    for (const text of ['ORD-2024-791028302728', 'A791028302728', '791028302728X', '7910283027281234', 'ИИН 791028302729', 'id_791028302728']) expect(kinds(text)).toEqual([])
  })

  it('finds valid IINs in any text and rarely calls a random 12-digit number one (property)', () => {
    const iin = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 9999 }))
      .map(([y, m, d, c, n]) => `${String(y).padStart(2, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${c}${String(n).padStart(4, '0')}`)
      .filter((first11) => iinBinCheckDigit(first11) !== undefined)
      .map((first11) => `${first11}${iinBinCheckDigit(first11)}`)
    fc.assert(fc.property(iin, fc.constantFrom('ИИН', 'ЖСН', 'IIN', 'код'), (value, word) => {
      expect(kinds(`${word} ${value}, далее`)).toEqual(['iin'])
    }))
    let called = 0
    fc.assert(fc.property(fc.stringMatching(/^\d{12}$/), (value) => {
      if (kinds(`номер заказа ${value}.`).some((k) => k === 'iin' || k === 'bin')) called++
    }), { numRuns: 2000 })
    expect(called / 2000).toBeLessThan(0.02)
  })

  it('finds ID card and passport numbers only after their words (kk, ru, en)', () => {
    expect(detect('уд. личности 012345678 выдано')).toEqual(['id_card:012345678@0.85'])
    expect(detect('жеке куәлік № 045612378')).toEqual(['id_card:045612378@0.85'])
    expect(detect('ЖК 045612378, ID card no. 012345678')).toEqual(['id_card:045612378@0.85', 'id_card:012345678@0.85'])
    expect(detect('Паспорт N12345678')).toEqual(['passport:N12345678@0.9'])
    expect(kinds('заказ 012345678 и N12345678')).toEqual([])
  })

  it("finds a Russian citizen's passport, series and number, only after a passport word", () => {
    expect(detect('Заказчик: паспорт 38 00 727992, выдан')).toEqual(['passport:38 00 727992@0.85'])
    expect(detect('төлқұжат 3738 434818')).toEqual(['passport:3738 434818@0.85'])
    expect(kinds('накладная 38 00 727992, 3738 434818')).toEqual([])
  })
})

describe('scanStructured: phones, e-mail, cards, IBAN', () => {
  it('finds an identifier run together with its word, and a phone in a WhatsApp link', () => {
    expect(detect('ИИН791028302728, тел.')).toEqual(['iin:791028302728@0.98'])
    expect(detect('пишите wa.me/77011234567')).toEqual(['phone:77011234567@0.85'])
    expect(kinds('ORDER791028302728 и site.kz/77011234567')).toEqual([])
  })

  it('finds KZ phones in every written form, and not Russian ones', () => {
    expect(kinds('+7 (701) 123-45-67; 8 701 123 45 67; 87011234567; +77011234567; 8-727-212-34-56; +7(727)2123456')).toEqual(Array(6).fill('phone'))
    expect(detect('тел. 7011234567')).toEqual(['phone:7011234567@0.8'])
    expect(kinds('7011234567 штук')).toEqual([])
    expect(kinds('+7 916 123 45 67, 8 (495) 123-45-67')).toEqual([])
  })

  it('finds phones written one after another with single spaces, and takes no number after № for one', () => {
    expect(kinds('+7 701 123 45 67 8 701 123 45 67 8 702 123 45 67 +7 701 765 43 21')).toEqual(Array(4).fill('phone'))
    expect(detect('тел.: +77055604194. № 7504269387 шот бойынша')).toEqual(['phone:+77055604194@0.95'])
  })

  it('finds e-mail addresses and keeps sentence punctuation out', () => {
    expect(detect('Жауап aidos.serik@mail.kz.')).toEqual(['email:aidos.serik@mail.kz@0.97'])
    expect(kinds('user@localhost, @mention, a@b.c')).toEqual([])
  })

  it('finds cards by Luhn in groups or run together, and not 16 digits that fail it', () => {
    expect(detect('картой 4400 4302 1234 5679')).toEqual(['bank_card:4400 4302 1234 5679@0.97'])
    expect(detect('4400430212345679')).toEqual(['bank_card:4400430212345679@0.8'])
    // Under no card scheme's prefix, sixteen digits run together are as likely an operation code.
    expect(detect('3012345678901231')).toEqual(['bank_card:3012345678901231@0.45'])
    expect(detect('card 4400430212345679')).toEqual(['bank_card:4400430212345679@0.97'])
    expect(kinds('4400 4302 1234 5678')).toEqual([])
  })

  it('finds KZ IBANs by MOD-97, spaced or not', () => {
    expect(kinds('ИИК KZ86 125K ZT50 0410 0100 и KZ86125KZT5004100100')).toEqual(['iban', 'iban'])
    expect(kinds('KZ87125KZT5004100100')).toEqual([])
  })

  it('in identifiers-only mode reports no dates, addresses of machines or postcodes', () => {
    expect(kinds('Дата рождения: 15.01.1990, ip 10.0.0.1', )).toEqual(['birth_date', 'ip_address'])
    expect(detect('Дата рождения: 15.01.1990, ip 10.0.0.1', { identifiersOnly: true })).toEqual([])
  })
})

describe('scanStructured: dates, machines, postcodes', () => {
  it('is sure of a birth date only after a birth word; a contract date stays low', () => {
    expect(detect('Дата рождения: 15.01.1990; туған күні 1985-11-02; договор от 2026-01-15')).toEqual([
      'birth_date:15.01.1990@0.9', 'birth_date:1985-11-02@0.9', 'birth_date:2026-01-15@0.3',
    ])
    expect(kinds('31.02.1990 and 15.13.1990 and 01.01.1890')).toEqual([])
  })

  it('finds birth dates with the month named, in ru, kk and en, with byte offsets past Cyrillic', () => {
    const text = 'Дата рождения — 25 октября 1955; туған күні — 1947 жылғы 2 қаңтар; DOB: 22 April 1942; Date of birth December 7, 2002.'
    const bytes = Buffer.from(text)
    const spans: string[] = []
    scanStructured(bytes, 0, bytes.length, (kind, s, e, c) => spans.push(`${kind}@${s}-${e}@${c}`))
    const at = (value: string) => `birth_date@${bytes.indexOf(value)}-${bytes.indexOf(value) + Buffer.byteLength(value)}@0.9`
    expect(spans).toEqual([at('25 октября 1955'), at('1947 жылғы 2 қаңтар'), at('22 April 1942'), at('December 7, 2002')])
    expect(detect('договор от 15 января 2024 г.')).toEqual(['birth_date:15 января 2024@0.3'])
    expect(kinds('3 мая, May 2020, Tuesday 15, 2020, January 32, 1990, 15 мая 1899')).toEqual([])
  })

  it('is sure of a date followed by г.р. or ж.т., with г. written straight after the year, and reads 01/15/1990 month first', () => {
    expect(detect('Сотрудник Елена Ли, 13.02.1969 г.р., переведён')).toEqual(['birth_date:13.02.1969@0.9'])
    expect(detect('Мұқанов, 02.08.1962 ж.т., Астана')).toEqual(['birth_date:02.08.1962@0.9'])
    expect(detect('родился 15.01.1990г. в Алматы')).toEqual(['birth_date:15.01.1990@0.9'])
    expect(detect('Date of birth 01/15/1990')).toEqual(['birth_date:01/15/1990@0.9'])
    expect(kinds('15.01.1990abc')).toEqual([])
  })

  it('finds IPv4 and IPv6 and MAC addresses, not version strings or times', () => {
    expect(kinds('host 192.168.1.20, 2001:db8::1, fe80::1, 00:1a:2b:3c:4d:5e, a4-5e-60-d0-11-22')).toEqual(['ip_address', 'ip_address', 'ip_address', 'mac_address', 'mac_address'])
    expect(kinds('v1.2.3.4, 1.2.3, 256.1.1.1, 12:30:45, 10.0.0.1.5')).toEqual([])
    // Full form, eight groups and no '::'; a time of day with as many colons as a compressed address is not one.
    expect(kinds('2001:0db8:85a3:0000:0000:8a2e:0370:7334 seen at 11:00:00')).toEqual(['ip_address'])
  })

  it("finds MAC addresses in Cisco's dotted form, wherever the first digit falls, and not dotted numbers", () => {
    expect(detect('құрылғы ab08.0903.e234, fbef.a164.fc9d, 0536.ae4b.cd59')).toEqual(['mac_address:ab08.0903.e234@0.85', 'mac_address:fbef.a164.fc9d@0.85', 'mac_address:0536.ae4b.cd59@0.85'])
    expect(kinds('2021.0304.1234, deadbeef.a164.fc9d, ab08.0903.e234.1')).toEqual([])
  })

  it('finds old postcodes after their word and 2015 codes by shape', () => {
    expect(detect('индекс 050000')).toEqual(['postcode:050000@0.85'])
    expect(detect('Алматы, Z05H9A7')).toEqual(['postcode:Z05H9A7@0.6'])
    expect(kinds('сумма 050000 тг')).toEqual([])
  })

  it('finds an old postcode closing an address line and a 2015 code that starts with N; not after «поштам» nor in a masked card', () => {
    expect(detect('Ship to: 223 Dostyk Ave, apt 91, Oskemen, 140000. Item')).toEqual(['postcode:140000@0.85'])
    expect(detect('Жеткізу мекенжайы: N21A4B9, Өскемен')).toEqual(['postcode:N21A4B9@0.9'])
    expect(kinds('поштам m.muller@yandex.kz 582817******8693, I have 123456 apples')).toEqual(['email'])
  })
})
