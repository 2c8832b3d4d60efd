import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../policy/index.ts'
import { canonicalEntryJson } from './canonical-entry-json.ts'

// Stored audit hashes depend on these bytes: the fast serialiser must never differ from canonicalJson.
describe('canonicalEntryJson', () => {
  it('gives exactly the text of canonicalJson for any JSON value', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('0', '1', '2', '10', '9', '01', '-1', '4294967294', '4294967295', '__proto__', 'a', 'B', 'é', '😀'))
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 5 }),
        fc.dictionary(key, tie('value'), { maxKeys: 6 }),
      ),
    }))
    fc.assert(
      fc.property(json.value, (value) => {
        expect(canonicalEntryJson(value)).toBe(canonicalJson(value))
      }),
      { numRuns: 3000 },
    )
  })

  it('agrees on what JSON.stringify drops or turns to null: undefined, functions, NaN, dates', () => {
    const odd = [{ a: undefined, b: () => 1, c: Number.NaN, d: [undefined, Infinity], e: new Date(0), '10': 1, '9': 2 }, -0, 'x\u2028\ud800']
    expect(canonicalEntryJson(odd)).toBe(canonicalJson(odd))
  })
})
