import { describe, expect, it } from 'vitest'
import { LAW_94V, type LawProfile } from '../../law-profile.ts'
import { findingsOf } from '../lint-test-kit.ts'
import { deadlineExceedsLaw, deadlineInformationMissing } from './deadlines.ts'

describe('deadline-exceeds-law', () => {
  it('art. 8(7): flags 20 business days to act on a withdrawal, citing the deadline’s own article', () => {
    const findings = findingsOf(deadlineExceedsLaw, (p) => {
      p.deadlines.withdraw_consent = { days: 20, unit: 'business' }
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/deadlines/withdraw_consent/days', article: 'art. 8(7)' }])
    expect(findings[0]!.message).toBe("the 'withdraw_consent' deadline of 20 business days exceeds the law's 15 business days")
  })

  it('art. 25(2)(8): flags a rectification in 3 calendar days, which can end after 1 business day', () => {
    const findings = findingsOf(deadlineExceedsLaw, (p) => {
      p.deadlines.rectify = { days: 3, unit: 'calendar' }
    })
    expect(findings).toMatchObject([{ path: '/deadlines/rectify/days', article: 'art. 25(2)(8)' }])
  })

  it('flags business days that can outrun a deadline the law profile counts in calendar days', () => {
    const law: LawProfile = { ...LAW_94V, deadlines: { ...LAW_94V.deadlines, complaint: { days: 10, unit: 'calendar', article: 'art. 25(2)(6)' } } }
    const promise = (days: number) => findingsOf(deadlineExceedsLaw, (p) => {
      p.deadlines.complaint = { days, unit: 'business' }
    }, law)
    expect(promise(7)).toMatchObject([{ path: '/deadlines/complaint/days', message: expect.stringContaining('can end after') }])
    expect(promise(1)).toEqual([])
  })

  it('art. 8(7): quiet on a stricter promise — withdrawal handled in 1 business day (TTC-9.3)', () => {
    expect(findingsOf(deadlineExceedsLaw, (p) => {
      p.deadlines.withdraw_consent = { days: 1, unit: 'business' }
      p.deadlines.rectify = { days: 1, unit: 'business' }
    })).toEqual([])
  })

  it('art. 8(7): quiet on the law’s own figure and on kinds the law has no deadline for (KZK-7.1 complaints)', () => {
    expect(findingsOf(deadlineExceedsLaw, (p) => {
      p.deadlines.withdraw_consent = { days: 15, unit: 'business' }
      p.deadlines.complaint = { days: 7, unit: 'business' }
    })).toEqual([])
  })
})

describe('deadline-information-missing', () => {
  it('art. 25(2)(6),(7): flags a policy with no deadline for information and access requests', () => {
    const findings = findingsOf(deadlineInformationMissing, (p) => {
      delete p.deadlines.information
      delete p.deadlines.access
    })
    expect(findings.map((f) => [f.severity, f.path, f.message])).toEqual([
      ['warning', '/deadlines', "the policy sets no deadline for 'information' requests and the law profile gives none"],
      ['warning', '/deadlines', "the policy sets no deadline for 'access' requests and the law profile gives none"],
    ])
  })

  it('art. 25(2)(7): quiet on 15 days to let the subject see the data (TW-9.1)', () => {
    expect(findingsOf(deadlineInformationMissing, (p) => {
      p.deadlines.access = { days: 15, unit: 'calendar' }
    })).toEqual([])
  })

  it('art. 25(2)(6): quiet when the law profile configures the rules’ deadline (law.md [U])', () => {
    const law: LawProfile = {
      ...LAW_94V,
      deadlines: {
        ...LAW_94V.deadlines,
        information: { days: 5, unit: 'business', article: 'art. 25(2)(6)', unconfirmed: true },
        access: { days: 5, unit: 'business', article: 'art. 25(2)(7)', unconfirmed: true },
      },
    }
    expect(findingsOf(deadlineInformationMissing, (p) => {
      delete p.deadlines.information
      delete p.deadlines.access
    }, law)).toEqual([])
  })
})
