import { describe, expect, it } from 'vitest'
import { byId, findingsOf } from '../lint-test-kit.ts'
import { accessBeyondPurpose, accessBiometricUnscoped, accessNotMinimum } from './staff-access.ts'

describe('access-beyond-purpose', () => {
  it('art. 25(2)(2): flags a support role reaching site-activity data its purposes do not use', () => {
    const findings = findingsOf(accessBeyondPurpose, (p) => {
      byId(p.access.roles, 'support').categories.push('online')
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/access/roles/0/categories' }])
    expect(findings[0]!.message).toBe("access role 'support' reaches 'online', which none of its purposes 'contract', 'order-notices' uses")
  })

  it('art. 25(2)(2): quiet when each category serves one of the role’s purposes (TTC-7.1)', () => {
    expect(findingsOf(accessBeyondPurpose)).toEqual([])
  })
})

describe('access-not-minimum', () => {
  it('art. 25(2)(2): flags access not limited to the minimum necessary', () => {
    const findings = findingsOf(accessNotMinimum, (p) => {
      p.access.minimumNecessary = false
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/access/minimumNecessary' }])
  })

  it('art. 25(2)(2): quiet on minimum-necessary access (TTC-7.1)', () => {
    expect(findingsOf(accessNotMinimum)).toEqual([])
  })
})

describe('access-biometric-unscoped', () => {
  it("art. 25(2)(2): flags a role opening children's biometrics for no stated purpose", () => {
    const findings = findingsOf(accessBiometricUnscoped, (p) => {
      delete byId(p.access.roles, 'guard').purposes
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/access/roles/1' }])
    expect(findings[0]!.message).toContain("'pupil-biometrics'")
  })

  it('art. 25(2)(2): quiet on a role without purposes that reaches no biometric data', () => {
    expect(findingsOf(accessBiometricUnscoped, (p) => {
      delete byId(p.access.roles, 'support').purposes
    })).toEqual([])
  })
})
