import { describe, expect, it } from 'vitest'
import { demoPolicy } from './fixtures/demo-policy.ts'
import { numberRuns, purposeNumbers, purposeRefs } from './purpose-refs.ts'

describe('numberRuns', () => {
  it('folds three or more neighbours into a range and keeps the rest apart', () => {
    expect(numberRuns([1, 2, 3, 4, 5, 7, 9])).toEqual([[1, 5], [7, 7], [9, 9]])
    expect(numberRuns([9, 1, 2, 2, 11, 10])).toEqual([[1, 1], [2, 2], [9, 11]])
    expect(numberRuns([])).toEqual([])
  })
})

describe('purposeRefs', () => {
  const numbers = purposeNumbers(demoPolicy())

  it('numbers purposes in document order', () => {
    expect([...numbers]).toEqual([['contract', 1], ['marketing', 2], ['accounting', 3], ['analytics', 4], ['school-access', 5]])
  })

  it('cites purposes as "1–3, 5", each number linking to its purpose', () => {
    expect(purposeRefs(numbers, ['school-access', 'accounting', 'contract', 'marketing'])).toEqual([
      { href: '#purpose-contract', text: '1' },
      '–',
      { href: '#purpose-accounting', text: '3' },
      ', ',
      { href: '#purpose-school-access', text: '5' },
    ])
    expect(purposeRefs(numbers, ['unknown'])).toEqual([])
  })
})
