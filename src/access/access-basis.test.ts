import { describe, expect, it } from 'vitest'
import { DerbesError } from '../errors/index.ts'
import { parseAccessBasis } from './access-basis.ts'
import { seedPolicy } from './access-test-helpers.ts'

const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error as DerbesError
  }
  throw new Error('expected a refusal')
}

describe('parseAccessBasis', () => {
  const ttc = seedPolicy('ttc')

  it('accepts job duties without a reference (TTC-7.2(1))', () => {
    expect(parseAccessBasis({ basis: 'job_duties' }, ttc)).toEqual({ basis: 'job_duties' })
  })

  it('accepts a management order that names the order, trimmed (TTC-7.2(3))', () => {
    expect(parseAccessBasis({ basis: 'management_order', reference: '  Order No. 12 of 01.12.2026 ' }, ttc)).toEqual({ basis: 'management_order', reference: 'Order No. 12 of 01.12.2026' })
  })

  it.each(['covering_by_memo', 'management_order', 'assigned_task', 'contractor'])('refuses %s without a reference (TTC-7.2(2)–(5))', (basis) => {
    for (const reference of [undefined, '   ']) {
      const error = refusal(() => parseAccessBasis({ basis, reference }, ttc, '/query'))
      expect(error.code).toBe('DERBES_ACCESS_BASIS_REQUIRED')
      expect(error.errors).toEqual([expect.objectContaining({ pointer: '/query/reference' })])
    }
  })

  it('refuses reading without any basis (TTC-7.2)', () => {
    const error = refusal(() => parseAccessBasis({}, ttc, '/body'))
    expect(error.code).toBe('DERBES_ACCESS_BASIS_REQUIRED')
    expect(error.errors[0]?.pointer).toBe('/body/basis')
  })

  it("refuses a basis the operator's policy does not list (PS lists job duties only; TTC-7.2 names five)", () => {
    const ps = seedPolicy('ps')
    expect(ps.document.access.bases).toEqual(['job_duties'])
    const error = refusal(() => parseAccessBasis({ basis: 'management_order', reference: 'Order 1' }, ps))
    expect(error.code).toBe('DERBES_ACCESS_BASIS_REQUIRED')
    expect(error.errors[0]?.pointer).toBe('/basis')
    expect(refusal(() => parseAccessBasis({ basis: 'curiosity' }, ttc)).code).toBe('DERBES_ACCESS_BASIS_REQUIRED')
  })
})
