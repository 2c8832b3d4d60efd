import { describe, expect, it } from 'vitest'
import { seedPolicy } from './access-test-helpers.ts'
import type { Principal } from './principal.ts'
import { visibleItemIds } from './visible-items.ts'

const principal = (roleId?: string): Principal => ({ kind: 'staff', id: 's1', operatorId: 'ttc', permissions: new Set(['data:read']), actor: 'staff:s1', ...(roleId ? { roleId } : {}) })

describe('visibleItemIds', () => {
  it("limits a TTC role to the items of its categories (TTC-7.1: minimum necessary)", () => {
    // TTC's seed gives its roles every category; narrow one to show the limit applies.
    const ttc = seedPolicy('ttc', (doc) => {
      doc.access.roles[1]!.categories = ['identification-contact', 'address']
    })
    const visible = visibleItemIds(ttc, principal('branch-staff'))
    const expected = [...ttc.items.values()].filter((i) => ['identification-contact', 'address'].includes(i.categoryId)).map((i) => i.id)
    expect(expected.length).toBeGreaterThan(0)
    expect([...visible].sort()).toEqual(expected.sort())
    expect([...ttc.items.values()].some((i) => i.categoryId === 'biometric-audiovisual' && visible.has(i.id))).toBe(false)
    expect(visibleItemIds(ttc, principal('authorised-staff')).size).toBe(ttc.items.size)
  })

  it("shows ESP's contact-centre operator contact data but not the loyalty data a consultant sees (TTC-7.1 applied to ESP's roles)", () => {
    const esp = seedPolicy('esp')
    const operator = visibleItemIds(esp, { ...principal('contact-centre-operator'), operatorId: 'esp' })
    const consultant = visibleItemIds(esp, { ...principal('consultant'), operatorId: 'esp' })
    const loyalty = [...esp.items.values()].filter((i) => i.categoryId === 'loyalty').map((i) => i.id)
    expect(loyalty.length).toBeGreaterThan(0)
    for (const id of loyalty) {
      expect(operator.has(id)).toBe(false)
      expect(consultant.has(id)).toBe(true)
    }
  })

  it('shows a principal without a role (an integration key) every item', () => {
    const ttc = seedPolicy('ttc')
    expect(visibleItemIds(ttc, principal()).size).toBe(ttc.items.size)
  })

  it('refuses a role the policy does not list', () => {
    expect(() => visibleItemIds(seedPolicy('ttc'), principal('janitor'))).toThrow(expect.objectContaining({ code: 'DERBES_FORBIDDEN' }))
  })
})
