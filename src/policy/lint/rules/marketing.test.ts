import { describe, expect, it } from 'vitest'
import { byId, findingsOf } from '../lint-test-kit.ts'
import { marketingChannelsMissing, marketingConsentBundled, marketingWithoutConsent, transactionalMarketing } from './marketing.ts'

describe('marketing-without-consent', () => {
  it('art. 7(1): flags marketing resting on the contract (ESP-2, ESP-6 need prior consent)', () => {
    const findings = findingsOf(marketingWithoutConsent, (p) => {
      byId(p.purposes, 'newsletter').basis = 'contract'
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/purposes/2/basis' }])
    expect(findings[0]!.message).toContain("'newsletter' rests on 'contract'")
  })

  it('art. 7(1): quiet on marketing on consent', () => {
    expect(findingsOf(marketingWithoutConsent)).toEqual([])
  })
})

describe('marketing-channels-missing', () => {
  it('art. 7(1): flags a marketing purpose naming no channel (ESP-2 consents per channel)', () => {
    const findings = findingsOf(marketingChannelsMissing, (p) => {
      delete byId(p.purposes, 'newsletter').channels
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/purposes/2' }])
  })

  it('art. 7(1): quiet when the channels are listed (TTC-4.1: calls, SMS, messengers, e-mail)', () => {
    expect(findingsOf(marketingChannelsMissing, (p) => {
      byId(p.purposes, 'newsletter').channels = ['phone', 'sms', 'messenger', 'email']
    })).toEqual([])
  })
})

describe('marketing-consent-bundled', () => {
  it('art. 7(1): flags marketing that can only be accepted together with the service', () => {
    const findings = findingsOf(marketingConsentBundled, (p) => {
      p.consentForms = p.consentForms.filter((f) => f.id !== 'newsletter')
      byId(p.consentForms, 'general').purposes.push('newsletter')
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/purposes/2' }])
    expect(findings[0]!.message).toContain("together with 'contract', 'site-statistics' (form 'general')")
  })

  it('art. 7(1): quiet when a separate checkbox exists beside the general form (ESP-2 with ESP-App.1)', () => {
    expect(findingsOf(marketingConsentBundled, (p) => {
      byId(p.consentForms, 'general').purposes.push('newsletter')
    })).toEqual([])
  })

  it('art. 7(1): quiet on a form that covers marketing alone, even unmarked', () => {
    expect(findingsOf(marketingConsentBundled, (p) => {
      delete byId(p.consentForms, 'newsletter').separate
    })).toEqual([])
  })
})

describe('transactional-marketing', () => {
  it('art. 7(1): flags a purpose both transactional and marketing (ESP-2)', () => {
    const findings = findingsOf(transactionalMarketing, (p) => {
      byId(p.purposes, 'newsletter').transactional = true
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/purposes/2' }])
  })

  it('art. 7(1): quiet on order notices that are transactional only (ESP-2)', () => {
    expect(findingsOf(transactionalMarketing)).toEqual([])
  })
})
