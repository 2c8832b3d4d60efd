import { describe, expect, it } from 'vitest'
import { checkIinBin } from '../../kz/iin-bin-check-digit.ts'
import { labelledColumns } from './labelled-columns.ts'

const columns = labelledColumns(3)

describe('the labelled columns (issue 7: "a random 12-digit column must not be called IIN")', () => {
  it('holds about 200 values a column, at most 10 % of them null, blank or junk', () => {
    for (const c of columns) {
      expect(c.values).toHaveLength(200)
      const holes = c.values.filter((v) => v === null || v.trim() === '' || !/\d|@|\p{L}{2}/u.test(v) || ['н/д', 'n/a', 'test', 'NULL', 'нет', '0'].includes(v))
      expect(holes.length, c.name).toBeLessThanOrEqual(c.expected ? 30 : 20)
    }
  })

  it('has personal columns under telling, foreign and meaningless names, and look-alikes that are none', () => {
    const names = (kind: string | undefined) => columns.filter((c) => c.expected === kind).map((c) => c.name)
    expect(names('iin')).toEqual(expect.arrayContaining(['iin', 'ИИН', 'жсн', 'col7']))
    expect(names('phone')).toEqual(expect.arrayContaining(['phone', 'c3', 'msisdn']))
    expect(names(undefined)).toEqual(expect.arrayContaining(['iin_like_id', 'external_ref', 'amount', 'created_at', 'product']))
  })

  it('fills IIN columns with valid IINs and the 12-digit look-alikes with numbers that mostly fail the check digit', () => {
    const iin = columns.find((c) => c.name === 'iin')!
    const valid = iin.values.filter((v) => v && /^\d{12}$/.test(v))
    expect(valid.length).toBeGreaterThan(170)
    for (const v of valid) expect(checkIinBin(v!)).toBeUndefined()
    const lookAlike = columns.find((c) => c.name === 'iin_like_id')!.values.filter((v) => v && /^\d{12}$/.test(v))
    expect(lookAlike.filter((v) => checkIinBin(v!) === undefined).length).toBeLessThan(lookAlike.length * 0.2)
  })

  it('is the same for the same seed', () => {
    expect(labelledColumns(3)).toEqual(columns)
  })
})
