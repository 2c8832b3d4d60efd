import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { compilePolicy } from './compile-policy.ts'
import { LAW_94V } from './law-profile.ts'
import { PolicyDocument } from './schema/index.ts'

const MINIMAL = readFileSync(new URL('./fixtures/minimal.yaml', import.meta.url), 'utf8')
const document = () => parse(MINIMAL) as PolicyDocument

describe('compilePolicy', () => {
  it('indexes items, purposes and the items each purpose may use', () => {
    const compiled = compilePolicy(document())
    expect(compiled.operatorId).toBe('demo')
    expect(compiled.items.get('phone')).toMatchObject({ categoryId: 'identification', kind: 'phone' })
    expect(compiled.purposes.get('newsletter')?.itemIds).toEqual(['full-name', 'phone'])
    expect(compiled.purposes.get('contract')?.retentionRule.keep).toBe('P5Y')
  })

  it('is immutable and detached from its input', () => {
    const input = document()
    const compiled = compilePolicy(input)
    input.operator.contacts.email = 'changed@demo.kz'
    expect(compiled.document.operator.contacts.email).toBe('privacy@demo.kz')
    expect(Object.isFrozen(compiled.document.purposes[0])).toBe(true)
    expect(() => {
      ;(compiled.document.purposes[0] as { basis: string }).basis = 'consent'
    }).toThrow(TypeError)
  })

  it('hashes the content, not the key order', () => {
    const a = compilePolicy(document())
    const reordered = Object.fromEntries(Object.entries(document()).reverse()) as PolicyDocument
    expect(compilePolicy(reordered).hash).toBe(a.hash)
    const changed = document()
    changed.version.id = '2026-2'
    expect(compilePolicy(changed).hash).not.toBe(a.hash)
  })

  it('merges deadlines: the stricter of law and policy wins (law.md, TTC-9.3)', () => {
    const input = document()
    input.deadlines.withdraw_consent = { days: 1, unit: 'business' } // TTC-9.3 — law: 15, art. 8(7)
    input.deadlines.rectify = { days: 3, unit: 'business' } // looser than art. 25(2)(8): the law binds
    input.deadlines.third_party_transfer_notice = { days: 10, unit: 'calendar' } // units differ: both bind
    const { deadlines } = compilePolicy(input)
    expect(deadlines.get('withdraw_consent')?.binding).toEqual([{ days: 1, unit: 'business' }])
    expect(deadlines.get('rectify')?.binding).toEqual([LAW_94V.deadlines.rectify])
    expect(deadlines.get('third_party_transfer_notice')?.binding).toHaveLength(2)
    expect(deadlines.get('information')?.binding).toEqual([{ days: 5, unit: 'business' }])
    expect(deadlines.get('block')?.law?.article).toBe('art. 25(2)(8)')
    expect(deadlines.has('complaint')).toBe(false)
  })

  it('takes a different law profile for what law.md marks unconfirmed', () => {
    const law = { ...LAW_94V, deadlines: { ...LAW_94V.deadlines, information: { days: 10, unit: 'calendar' as const, article: 'Order 395/НҚ', unconfirmed: true } } }
    const { deadlines } = compilePolicy(document(), law)
    expect(deadlines.get('information')?.binding).toHaveLength(2)
  })
})

describe('the policy JSON Schema', () => {
  it('is plain JSON Schema that a stock validator accepts, generated from the TypeScript types', () => {
    const schema = JSON.parse(JSON.stringify(PolicyDocument))
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)
    expect(validate(document())).toBe(true)
    expect(validate({ ...document(), schema: 'v0' })).toBe(false)
    expect(schema.properties.purposes.items.properties.basis.enum).toEqual(['consent', 'contract', 'legal_obligation', 'other_lawful_ground'])
  })
})
