import { describe, expect, it } from 'vitest'
import { byId, findingsOf } from '../lint-test-kit.ts'
import { withdrawalBlockedOther, withdrawalNoticeExceedsLaw, withdrawalNoticePeriod, withdrawalPaperOnly } from './withdrawal.ts'

describe('withdrawal-blocked-other', () => {
  it('art. 8(2): flags a withdrawal refused on a ground the law does not give', () => {
    const findings = findingsOf(withdrawalBlockedOther, (p) => {
      byId(p.consentForms, 'general').withdrawal.blockedBy = ['unfulfilled_obligation', 'other']
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/consentForms/0/withdrawal/blockedBy' }])
    expect(findings[0]!.message).toContain("'general'")
  })

  it('art. 8(2): quiet on unfulfilled obligations and contradiction with law (TTC-9.1, KZK-2.3.5)', () => {
    expect(findingsOf(withdrawalBlockedOther)).toEqual([])
  })
})

describe('withdrawal-notice-exceeds-law', () => {
  it("art. 8(7): flags a notice period longer than the law's 15 business days", () => {
    const findings = findingsOf(withdrawalNoticeExceedsLaw, (p) => {
      byId(p.consentForms, 'general').withdrawal.noticeBusinessDays = 20
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/consentForms/0/withdrawal/noticeBusinessDays' }])
    expect(findings[0]!.message).toContain('20 business days')
  })

  it('art. 8(7): leaves a notice within 15 business days to withdrawal-notice-period', () => {
    expect(findingsOf(withdrawalNoticeExceedsLaw, (p) => {
      byId(p.consentForms, 'general').withdrawal.noticeBusinessDays = 15
    })).toEqual([])
  })
})

describe('withdrawal-notice-period', () => {
  it('art. 8(2), art. 8(7): flags withdrawal only 10 business days before its date (ESP-App.1 §5)', () => {
    const findings = findingsOf(withdrawalNoticePeriod, (p) => {
      byId(p.consentForms, 'general').withdrawal.noticeBusinessDays = 10
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/consentForms/0/withdrawal/noticeBusinessDays' }])
    expect(findings[0]!.message).toContain('10 business days')
  })

  it('art. 8(2): quiet on a withdrawal that takes effect on receipt', () => {
    expect(findingsOf(withdrawalNoticePeriod, (p) => {
      byId(p.consentForms, 'general').withdrawal.noticeBusinessDays = 0
    })).toEqual([])
  })

  it('art. 8(7): a notice beyond the law is an error of its own, not also this warning', () => {
    expect(findingsOf(withdrawalNoticePeriod, (p) => {
      byId(p.consentForms, 'general').withdrawal.noticeBusinessDays = 20
    })).toEqual([])
  })
})

describe('withdrawal-paper-only', () => {
  it('art. 10(2): flags withdrawal only by registered letter or courier (TTC-9.2)', () => {
    const findings = findingsOf(withdrawalPaperOnly, (p) => {
      byId(p.consentForms, 'general').withdrawal.channels = ['registered_mail', 'courier']
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/consentForms/0/withdrawal/channels' }])
    expect(findings[0]!.message).toContain('registered_mail, courier, although other requests are accepted electronically')
  })

  it('art. 10(2): quiet when an electronic document is accepted too (TW-4.5: post or e-mail)', () => {
    expect(findingsOf(withdrawalPaperOnly, (p) => {
      byId(p.consentForms, 'general').withdrawal.channels = ['registered_mail', 'email']
    })).toEqual([])
  })
})
