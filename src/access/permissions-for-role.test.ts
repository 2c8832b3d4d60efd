import { describe, expect, it } from 'vitest'
import { seedPolicy } from './access-test-helpers.ts'
import { permissionsForRole } from './permissions-for-role.ts'

describe('permissionsForRole', () => {
  const ttc = seedPolicy('ttc')

  it("gives TTC's branch staff read and write, never block or destroy (TTC-7.1: only what the task needs)", () => {
    const permissions = permissionsForRole(ttc, 'branch-staff')
    expect([...permissions].sort()).toEqual(['consents:read', 'consents:write', 'data:read', 'data:write', 'decisions', 'subjects:read', 'subjects:write'])
  })

  it("gives TTC's authorised staff block and destroy too, and nothing that manages access", () => {
    const permissions = permissionsForRole(ttc, 'authorised-staff')
    expect(permissions.has('subjects:block')).toBe(true)
    expect(permissions.has('subjects:destroy')).toBe(true)
    expect(permissions.has('data:export')).toBe(false)
    expect(permissions.has('staff:manage')).toBe(false)
    expect(permissions.has('audit:read')).toBe(false)
  })

  it("maps export to data:export (ESP's responsible employee, ESP-7/8)", () => {
    expect(permissionsForRole(seedPolicy('esp'), 'responsible-employee').has('data:export')).toBe(true)
    expect(permissionsForRole(seedPolicy('esp'), 'consultant').has('data:export')).toBe(false)
  })

  it('adds extra permissions on top, and a role the policy does not list carries nothing', () => {
    expect(permissionsForRole(ttc, 'branch-staff', ['staff:manage']).has('staff:manage')).toBe(true)
    expect([...permissionsForRole(ttc, 'no-such-role')]).toEqual([])
    expect([...permissionsForRole(ttc, 'no-such-role', ['audit:read'])]).toEqual(['audit:read'])
  })
})
