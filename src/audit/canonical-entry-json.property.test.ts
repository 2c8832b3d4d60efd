import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../policy/index.ts'
import { auditEntryBody, BODY_PREV_HASH_AT, BODY_TIME_AT, parseAuditBody } from './audit-entry.ts'
import { canonicalEntryJson } from './canonical-entry-json.ts'

// Stored audit bodies are these bytes: the fast serialiser must never differ from canonicalJson.
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

  it('auditEntryBody gives the documented canonicalJson text for any entry, with prev_hash and time at their fixed offsets, and reads back', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('a,b', ',', '"x",\\,', 'staff:7'))
    const entry = fc.record({
      operatorId: text,
      seq: fc.integer({ min: 1 }),
      at: fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }),
      actor: text,
      action: text,
      subjectId: fc.option(text, { nil: null }),
      basis: fc.option(text, { nil: null }),
      purpose: fc.option(text, { nil: null }),
      details: fc.dictionary(fc.string(), fc.jsonValue()) as fc.Arbitrary<Record<string, unknown>>,
      prevHash: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
    })
    fc.assert(
      fc.property(entry, (e) => {
        const body = auditEntryBody(e)
        const head = ['derbes-audit-v2', e.prevHash, e.at.toISOString(), e.operatorId, e.seq, e.actor, e.action, e.subjectId, e.basis, e.purpose]
        // canonicalJson, with a comma inside a string before details written \u002c
        const documented = `[${head.map((v) => (typeof v === 'string' ? JSON.stringify(v).replaceAll(',', '\\u002c') : JSON.stringify(v))).join(',')},${canonicalJson(e.details)}]`
        expect(body).toBe(documented)
        expect(JSON.parse(body)).toEqual([...head, JSON.parse(canonicalJson(e.details))])
        // The first ten commas separate the first eleven elements: the database cuts the columns out by them.
        expect(body.split(',', 10).slice(1).map((part) => JSON.parse(part) as unknown)).toEqual(head.slice(1))
        // The table's generated columns cut these out by position (migration 2026-12-02-160).
        expect(body.slice(BODY_PREV_HASH_AT, BODY_PREV_HASH_AT + 64)).toBe(e.prevHash)
        expect(body.slice(BODY_TIME_AT, BODY_TIME_AT + 24)).toBe(e.at.toISOString())
        expect(parseAuditBody(body, 'h')).toMatchObject({ ...e, details: JSON.parse(canonicalJson(e.details)), body, hash: 'h' })
      }),
      { numRuns: 2000 },
    )
  })

  it('agrees on what JSON.stringify drops or turns to null: undefined, functions, NaN, dates', () => {
    const odd = [{ a: undefined, b: () => 1, c: Number.NaN, d: [undefined, Infinity], e: new Date(0), '10': 1, '9': 2 }, -0, 'x\u2028\ud800']
    expect(canonicalEntryJson(odd)).toBe(canonicalJson(odd))
  })
})
