import { describe, expect, it } from 'vitest'
import { byId, findingsOf } from '../lint-test-kit.ts'
import { recipientNotConfidential } from './recipient-confidentiality.ts'

describe('recipient-not-confidential', () => {
  it('art. 11: flags a bank receiving IINs without a duty of confidentiality', () => {
    const findings = findingsOf(recipientNotConfidential, (p) => {
      delete byId(p.recipients, 'payment-bank').confidentialityBound
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/recipients/0' }])
    expect(findings[0]!.message).toBe("recipient 'payment-bank' receives restricted data 'iin' but is not bound to keep it confidential")
  })

  it('art. 11: quiet once the recipient is bound (TTC-4.3)', () => {
    expect(findingsOf(recipientNotConfidential)).toEqual([])
  })

  it('art. 11: quiet on a recipient of ordinary contact data only', () => {
    expect(findingsOf(recipientNotConfidential, (p) => {
      delete byId(p.recipients, 'mail-service').confidentialityBound
    })).toEqual([])
  })

  it('art. 11: quiet on a state body, bound by the law it acts under (KZK-3.13)', () => {
    expect(findingsOf(recipientNotConfidential, (p) => {
      byId(p.recipients, 'tax-authority').confidentialityBound = false
    })).toEqual([])
  })
})
