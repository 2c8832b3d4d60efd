import { describe, expect, it } from 'vitest'
import { byId, findingsOf } from '../lint-test-kit.ts'
import { consentPurposeUncovered, impliedConsentSensitive } from './consent-coverage.ts'

describe('consent-purpose-uncovered', () => {
  it('art. 7(1), art. 8(1): flags a consent-based purpose no form covers', () => {
    const findings = findingsOf(consentPurposeUncovered, (p) => {
      byId(p.consentForms, 'general').purposes = ['contract']
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/purposes/3/basis' }])
    expect(findings[0]!.message).toContain("purpose 'site-statistics'")
  })

  it('art. 7(1): quiet on a contract purpose without a consent form (ESP-2 order notices)', () => {
    expect(findingsOf(consentPurposeUncovered)).toEqual([])
  })
})

describe('implied-consent-sensitive', () => {
  it("art. 8(1): flags a child's biometrics on consent by continued use", () => {
    const findings = findingsOf(impliedConsentSensitive, (p) => {
      byId(p.consentForms, 'pupil-access').methods = ['continued_use']
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/consentForms/2/methods' }])
    expect(findings[0]!.message).toContain("'pupil-face'")
  })

  it('art. 8(1): quiet on continued use for ordinary data (TW-4.2)', () => {
    expect(findingsOf(impliedConsentSensitive, (p) => {
      byId(p.consentForms, 'newsletter').methods = ['continued_use']
    })).toEqual([])
  })

  it('art. 8(1): quiet when a provable method is offered too (KZK-2.3.4: SMS code)', () => {
    expect(findingsOf(impliedConsentSensitive, (p) => {
      byId(p.consentForms, 'pupil-access').methods = ['continued_use', 'sms_code']
    })).toEqual([])
  })
})
