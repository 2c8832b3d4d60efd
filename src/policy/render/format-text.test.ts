import { describe, expect, it } from 'vitest'
import { count, fill, formatArticle, formatCountry, formatDate, formatDuration, isZeroDuration, russianPlural } from './format-text.ts'
import { formatDeadline } from './format-terms.ts'

describe('count', () => {
  it('uses the Russian one / few / many forms: 1 рабочий день, 3 рабочих дня, 5 рабочих дней, 21 рабочий день', () => {
    expect(count('ru', 1, 'businessDay')).toBe('1 рабочий день')
    expect(count('ru', 3, 'businessDay')).toBe('3 рабочих дня')
    expect(count('ru', 5, 'businessDay')).toBe('5 рабочих дней')
    expect(count('ru', 21, 'businessDay')).toBe('21 рабочий день')
    expect(count('ru', 15, 'businessDay')).toBe('15 рабочих дней')
  })

  it('treats 11–14 as many, and 22–24, 102 as few', () => {
    expect([11, 12, 13, 14, 111, 112].map(russianPlural)).toEqual(['many', 'many', 'many', 'many', 'many', 'many'])
    expect([2, 22, 23, 24, 102].map(russianPlural)).toEqual(['few', 'few', 'few', 'few', 'few'])
    expect([0, 5, 20, 25, 100].map(russianPlural)).toEqual(['many', 'many', 'many', 'many', 'many'])
    expect([1, 31, 101, 121].map(russianPlural)).toEqual(['one', 'one', 'one', 'one'])
  })

  it('keeps the Kazakh noun singular after a numeral and pluralises English', () => {
    expect(count('kk', 1, 'businessDay')).toBe('1 жұмыс күні')
    expect(count('kk', 15, 'businessDay')).toBe('15 жұмыс күні')
    expect(count('kk', 15, 'calendarDay')).toBe('15 күнтізбелік күн')
    expect(count('en', 1, 'businessDay')).toBe('1 business day')
    expect(count('en', 3, 'businessDay')).toBe('3 business days')
    expect(count('ru', 2, 'calendarDay')).toBe('2 календарных дня')
  })

  it('counts deadlines in business or calendar days', () => {
    expect(formatDeadline('ru', { days: 15, unit: 'calendar' })).toBe('15 календарных дней')
    expect(formatDeadline('en', { days: 1, unit: 'business' })).toBe('1 business day')
  })
})

describe('formatDuration', () => {
  it('says ISO 8601 durations in words', () => {
    expect(formatDuration('en', 'P10Y')).toBe('10 years')
    expect(formatDuration('ru', 'P10Y')).toBe('10 лет')
    expect(formatDuration('ru', 'P1Y6M')).toBe('1 год 6 месяцев')
    expect(formatDuration('ru', 'P2W')).toBe('2 недели')
    expect(formatDuration('kk', 'P6M')).toBe('6 ай')
    expect(formatDuration('en', 'P0D')).toBe('0 days')
  })

  it('recognises a zero duration however it is written', () => {
    expect(isZeroDuration('P0D')).toBe(true)
    expect(isZeroDuration('P0Y0M')).toBe(true)
    expect(isZeroDuration('P1D')).toBe(false)
  })
})

describe('formatArticle', () => {
  it('cites articles, points and subpoints in each language', () => {
    expect(formatArticle('ru', 'art. 8(7)')).toBe('п. 7 ст. 8 Закона')
    expect(formatArticle('ru', 'art. 25(2)(8)')).toBe('пп. 8) п. 2 ст. 25 Закона')
    expect(formatArticle('kk', 'art. 8(7)')).toBe('Заңның 8-бабының 7-тармағы')
    expect(formatArticle('kk', 'art. 19-1(3)')).toBe('Заңның 19-1-бабының 3-тармағы')
    expect(formatArticle('en', 'art. 6')).toBe('art. 6 of the Law')
  })

  it('shows an article it cannot parse as written', () => {
    expect(formatArticle('ru', 'Order 395/НҚ')).toBe('Order 395/НҚ')
  })
})

describe('formatDate and formatCountry', () => {
  it('writes dates the way each language does', () => {
    expect(formatDate('kk', '2026-03-01')).toBe('2026 жылғы 1 наурыз')
    expect(formatDate('ru', '2026-03-01')).toBe('1 марта 2026 г.')
    expect(formatDate('en', '2026-03-01')).toBe('1 March 2026')
  })

  it('names countries with their code', () => {
    expect(formatCountry('ru', 'RU')).toBe('Россия (RU)')
    expect(formatCountry('en', 'KZ')).toBe('Kazakhstan (KZ)')
    expect(formatCountry('kk', 'KZ')).toBe('Қазақстан (KZ)')
  })
})

describe('fill', () => {
  it('refuses a template whose placeholder has no value', () => {
    expect(fill('{a} and {b}', { a: 1, b: 'x' })).toBe('1 and x')
    expect(() => fill('{a} and {b}', { a: 1 })).toThrow(/\{b\}/)
  })
})
