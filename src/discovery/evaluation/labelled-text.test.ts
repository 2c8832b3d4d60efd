import { describe, expect, it } from 'vitest'
import { isValidKzIban, isValidPostcode, parseIin } from '../../kz/index.ts'
import { checkIinBin } from '../../kz/iin-bin-check-digit.ts'
import { DETECTED_KINDS } from '../detectors/detection.ts'
import { GENRES } from './genres.ts'
import { passesLuhn } from './identifiers.ts'
import { labelledDocuments } from './labelled-text.ts'
import { latin, russianSpelling } from './people.ts'

const documents = labelledDocuments(600, 11)
const labelled = documents.flatMap((d) => d.labels.map((l) => ({ kind: l.kind, text: d.bytes.subarray(l.start, l.end).toString('utf8') })))
const of = (kind: string) => labelled.filter((l) => l.kind === kind).map((l) => l.text)

describe('the labelled evaluation set (issue 7, "A labelled evaluation set")', () => {
  it('is the same for the same seed and different for another', () => {
    const again = labelledDocuments(600, 11)
    expect(again.map((d) => d.bytes.toString('hex'))).toEqual(documents.map((d) => d.bytes.toString('hex')))
    expect(labelledDocuments(5, 12)[0]!.bytes.equals(documents[0]!.bytes)).toBe(false)
  })

  it('covers every kind, language and genre', () => {
    expect(new Set(labelled.map((l) => l.kind))).toEqual(new Set(DETECTED_KINDS))
    expect(new Set(documents.map((d) => d.language))).toEqual(new Set(['kk', 'ru', 'en']))
    expect(new Set(documents.map((d) => d.genre))).toEqual(new Set(GENRES))
  })

  it('labels byte spans that hold whole values, not split characters or padding', () => {
    for (const l of labelled) {
      expect(l.text).not.toMatch(/\uFFFD/)
      expect(l.text).toBe(l.text.trim())
    }
  })

  it('labels IINs with a valid check digit and a real birth date, BINs with a valid check digit and entity digit', () => {
    for (const v of of('iin')) {
      expect(checkIinBin(v), v).toBeUndefined()
      const parsed = parseIin(v)
      expect(parsed.ok && parsed.value.birthDate, v).toBeTruthy()
    }
    for (const v of of('bin')) {
      expect(checkIinBin(v), v).toBeUndefined()
      expect('456').toContain(v[4])
    }
  })

  it('labels cards passing Luhn and KZ IBANs passing MOD-97, grouped or not', () => {
    for (const v of of('bank_card')) expect(passesLuhn(v.replace(/[\s-]/g, '')), v).toBe(true)
    for (const v of of('iban')) expect(isValidKzIban(v), v).toBe(true)
    expect(of('bank_card').some((v) => v.includes(' '))).toBe(true)
    expect(of('iban').some((v) => v.includes(' '))).toBe(true)
  })

  it('labels KZ phones of eleven digits in the written forms people use', () => {
    for (const v of of('phone')) expect(v.replace(/\D/g, ''), v).toMatch(/^[78]7\d{9}$/)
    const forms = new Set(of('phone').map((v) => v.replace(/\d/g, '9')))
    for (const form of ['+9 999 999 99 99', '+99999999999', '99999999999', '9 (999) 999-99-99', '+9 (999) 999-99-99', '9-999-999-99-99']) expect(forms).toContain(form)
  })

  it('labels e-mails, postcodes in both Kazpost forms, IPv4 and IPv6, and MACs', () => {
    for (const v of of('email')) expect(v).toMatch(/^[\w.+-]+@[\w-]+(\.[\w-]+)+$/)
    for (const v of of('postcode')) expect(isValidPostcode(v), v).toBe(true)
    expect(of('postcode').some((v) => /^\d{6}$/.test(v)) && of('postcode').some((v) => /^[A-Z]/.test(v))).toBe(true)
    expect(of('ip_address').some((v) => v.includes(':')) && of('ip_address').some((v) => /^\d+\.\d+\.\d+\.\d+$/.test(v))).toBe(true)
    for (const v of of('mac_address')) expect(v.replace(/[:.-]/g, '')).toMatch(/^[0-9a-fA-F]{12}$/)
  })

  it('writes names in kk, ru and Latin forms, with patronymics and initials', () => {
    const names = of('person_name')
    expect(names.some((n) => /ұлы|қызы/.test(n))).toBe(true)
    expect(names.some((n) => /ович|овна|евич|евна/.test(n))).toBe(true)
    expect(names.some((n) => /^\p{Lu}\p{Ll}+ \p{Lu}\. ?\p{Lu}\.$/u.test(n))).toBe(true)
    expect(names.some((n) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(n))).toBe(true)
    expect(latin('Сәрсенбаев Айгерім')).toBe('Sarsenbayev Aigerim')
    expect(russianSpelling('Нұрлан Қайратұлы')).toBe('Нурлан Кайратулы')
  })

  it('keeps hard negatives unlabelled: 12-digit numbers, non-Luhn 16-digit codes, event dates', () => {
    const unlabelled = (pattern: RegExp) =>
      documents.flatMap((d) => [...d.bytes.toString('latin1').matchAll(pattern)].filter((m) => !d.labels.some((l) => l.start < m.index + m[0].length && m.index < l.end)))
    expect(unlabelled(/(?<!\d)\d{12}(?!\d)/g).length).toBeGreaterThan(50)
    expect(unlabelled(/(?<!\d)\d{16}(?!\d)/g).length).toBeGreaterThan(20)
    expect(unlabelled(/(?<!\d)\d\d\.\d\d\.20[12]\d(?!\d)/g).length).toBeGreaterThan(200)
  })
})
