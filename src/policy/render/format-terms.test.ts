import { describe, expect, it } from 'vitest'
import type { RetentionRule } from '../schema/index.ts'
import { formatRetention } from './format-terms.ts'

const rule = (extra: Partial<RetentionRule>): RetentionRule => ({
  id: 'r', name: { kk: 'е', ru: 'п', en: 'r' }, triggers: ['purpose_achieved'], keep: 'P15D', then: 'destroy', clauses: [], ...extra,
})

describe('formatRetention', () => {
  it('counts the days of a business-day term as business days (keepUnit)', () => {
    expect(formatRetention('en', rule({ keepUnit: 'business' }))).toContain('15 business days')
    expect(formatRetention('ru', rule({ keepUnit: 'business' }))).toContain('15 рабочих дней')
    expect(formatRetention('kk', rule({ keepUnit: 'business' }))).toContain('15 жұмыс күні')
    expect(formatRetention('en', rule({}))).toContain('15 days')
  })

  it('states a statutory minimum with its law in the language of the notice, and says when it is unconfirmed (TTC-4.1.11)', () => {
    const law = { kk: 'Бухгалтерлік есеп туралы заң', ru: 'Закон о бухгалтерском учёте', en: 'The accounting law' }
    const withMinimum = rule({ keep: 'P10Y', triggers: ['relationship_end'], statutoryMinimum: { keep: 'P5Y', from: 'collection', law, unconfirmed: true } })
    expect(formatRetention('kk', withMinimum)).toMatch(/5 жыл \(Бухгалтерлік есеп туралы заң\).*расталмаған/)
    expect(formatRetention('ru', withMinimum)).toMatch(/5 лет после сбора данных \(Закон о бухгалтерском учёте\).*не подтверждён/)
    expect(formatRetention('en', withMinimum)).toMatch(/at least 5 years after the data is collected \(The accounting law\).*not confirmed/)
    expect(formatRetention('en', rule({ statutoryMinimum: { keep: 'P5Y', from: 'collection', law } }))).not.toContain('not confirmed')
  })
})
