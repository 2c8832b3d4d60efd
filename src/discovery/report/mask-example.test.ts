import { describe, expect, it } from 'vitest'
import { maskExample } from './mask-example.ts'

describe('maskExample', () => {
  it('keeps the shape of an identifier and its last two characters only', () => {
    expect(maskExample('iin', '900101300125')).toBe('**********25')
    expect(maskExample('phone', '+7 (701) 123-45-67')).toBe('+* (***) ***-**-67')
    expect(maskExample('iban', 'KZ86 125K ZT50 0410 0100')).toBe('**** **** **** **** **00')
  })

  it("keeps an e-mail's first letter and top-level domain", () => {
    expect(maskExample('email', 'aigerim@mail.kz')).toBe('a******@****.kz')
  })

  it('keeps the first letter of each word of a name or address, Kazakh letters included', () => {
    expect(maskExample('person_name', 'Сәрсенбаев Нұрлан')).toBe('С********* Н*****')
    expect(maskExample('address', 'ул. Абая, д. 10')).toBe('у*. А***, д. **')
  })
})
