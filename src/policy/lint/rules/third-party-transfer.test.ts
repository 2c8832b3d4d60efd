import { describe, expect, it } from 'vitest'
import { byId, findingsOf } from '../lint-test-kit.ts'
import { thirdPartyWithoutConsent } from './third-party-transfer.ts'

describe('third-party-without-consent', () => {
  it('art. 7(6), art. 8(4)(4): flags a partner receiving data the consent says is not transferred', () => {
    const findings = findingsOf(thirdPartyWithoutConsent, (p) => {
      byId(p.recipients, 'mail-service').role = 'partner'
      byId(p.consentForms, 'newsletter').thirdPartyTransfer = false
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/recipients/1' }])
    expect(findings[0]!.message).toBe("recipient 'mail-service' receives data for 'newsletter' (form 'newsletter' says no transfer)")
  })

  it('art. 7(6): flags a partner serving a contract purpose no consent form covers', () => {
    const findings = findingsOf(thirdPartyWithoutConsent, (p) => {
      byId(p.recipients, 'payment-bank').role = 'partner'
      byId(p.consentForms, 'general').purposes = ['site-statistics']
    })
    expect(findings).toHaveLength(1)
    expect(findings[0]!.message).toContain("'contract' (no consent form covers it)")
  })

  it('art. 7(6): quiet when a consent form covering the purpose allows transfer (TTC-4.2)', () => {
    expect(findingsOf(thirdPartyWithoutConsent, (p) => {
      byId(p.recipients, 'payment-bank').role = 'partner'
    })).toEqual([])
  })

  it('art. 1: quiet on a processor working on the operator’s instructions', () => {
    expect(findingsOf(thirdPartyWithoutConsent, (p) => {
      byId(p.consentForms, 'newsletter').thirdPartyTransfer = false
    })).toEqual([])
  })

  it('art. 9: quiet on a transfer to a state body only where a law demands it (KZK-3.13)', () => {
    expect(findingsOf(thirdPartyWithoutConsent, (p) => {
      byId(p.recipients, 'tax-authority').purposes = ['tax-reporting', 'contract']
      byId(p.consentForms, 'general').thirdPartyTransfer = false
    })).toEqual([])
  })
})
