import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../policy/index.ts'
import { canonicalRecordJson } from './canonical-record-json.ts'

describe('canonicalRecordJson', () => {
  it('equals canonicalJson for any JSON value, so record hashes are the same whichever computes them', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => canonicalRecordJson(value) === canonicalJson(value)), { numRuns: 2000 })
  })

  it('drops undefined members, writes undefined array slots as null and dates as ISO strings, like JSON.stringify', () => {
    const value = { z: undefined, y: [undefined, 1], x: new Date('2026-12-02T05:00:00Z'), 'é': 'ü', A: { c: 1, b: 2 } }
    expect(canonicalRecordJson(value)).toBe(canonicalJson(value))
    expect(canonicalRecordJson(value)).toBe('{"A":{"b":2,"c":1},"x":"2026-12-02T05:00:00.000Z","y":[null,1],"é":"ü"}')
  })
})
