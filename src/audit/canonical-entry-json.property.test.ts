import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../policy/index.ts'
import { auditEntryBytes } from './audit-entry.ts'
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

  it('auditEntryBytes gives the documented canonicalJson text for any entry', () => {
    const text = fc.string({ unit: 'grapheme' })
    const entry = fc.record({
      operatorId: text,
      seq: fc.integer({ min: 1 }),
      at: fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
      actor: text,
      action: text,
      subjectId: fc.option(text, { nil: null }),
      basis: fc.option(text, { nil: null }),
      purpose: fc.option(text, { nil: null }),
      details: fc.dictionary(fc.string(), fc.jsonValue()) as fc.Arbitrary<Record<string, unknown>>,
      prevHash: fc.string(),
    })
    fc.assert(
      fc.property(entry, (e) => {
        const documented = canonicalJson(['derbes-audit-v1', e.operatorId, e.seq, e.at.toISOString(), e.actor, e.action, e.subjectId, e.basis, e.purpose, e.details, e.prevHash])
        expect(auditEntryBytes(e)).toBe(documented)
      }),
      { numRuns: 2000 },
    )
  })

  it('agrees on what JSON.stringify drops or turns to null: undefined, functions, NaN, dates', () => {
    const odd = [{ a: undefined, b: () => 1, c: Number.NaN, d: [undefined, Infinity], e: new Date(0), '10': 1, '9': 2 }, -0, 'x\u2028\ud800']
    expect(canonicalEntryJson(odd)).toBe(canonicalJson(odd))
  })
})
