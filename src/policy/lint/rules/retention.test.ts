import { describe, expect, it } from 'vitest'
import type { PolicyDocument } from '../../schema/index.ts'
import { byId, findingsOf } from '../lint-test-kit.ts'
import { retentionAfterWithdrawal, retentionFromCollection, retentionIgnoresWithdrawal, retentionUnlimited } from './retention.ts'

describe('retention-unlimited', () => {
  it('art. 12(2), art. 18: flags processing "without time limit" (KZK-3.12)', () => {
    const findings = findingsOf(retentionUnlimited, (p) => {
      byId(p.retention, 'after-contract').keep = 'unlimited'
    })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ severity: 'error', path: '/retention/0/keep', article: 'art. 12(2), art. 18' })
    expect(findings[0]!.message).toContain("'after-contract'")
    expect(findings[0]!.message).toContain("'contract', 'order-notices'")
  })

  it('art. 12(2): quiet on a long but bounded period (TTC-6.4: 10 years after the relationship)', () => {
    expect(findingsOf(retentionUnlimited, (p) => {
      byId(p.retention, 'after-contract').keep = 'P10Y'
    })).toEqual([])
  })
})

describe('retention-after-withdrawal', () => {
  it('art. 8(7): flags consent-based data kept a year after withdrawal', () => {
    const findings = findingsOf(retentionAfterWithdrawal, (p) => {
      byId(p.retention, 'until-withdrawn').keep = 'P1Y'
    })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ severity: 'error', path: '/retention/1/keep' })
    expect(findings[0]!.message).toContain("'newsletter', 'site-statistics', 'school-access'")
  })

  it('art. 8(7): quiet while the keep fits in the 15 business days to stop processing', () => {
    expect(findingsOf(retentionAfterWithdrawal, (p) => {
      byId(p.retention, 'until-withdrawn').keep = 'P14D'
    })).toEqual([])
  })

  it('art. 8(7): quiet when only purposes on other bases use the rule', () => {
    expect(findingsOf(retentionAfterWithdrawal, (p) => {
      const rule = byId(p.retention, 'after-contract')
      rule.triggers = ['contract_end', 'consent_withdrawn']
    })).toEqual([])
  })
})

describe('retention-ignores-withdrawal', () => {
  it('art. 8(7), art. 18: flags a consent purpose kept until the relationship ends (TTC-6.4 against TTC-9.3)', () => {
    const findings = findingsOf(retentionIgnoresWithdrawal, (p) => {
      const rule = byId(p.retention, 'until-withdrawn')
      rule.triggers = ['relationship_end']
      rule.keep = 'P10Y'
    })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ severity: 'warning', path: '/retention/1/triggers' })
    expect(findings[0]!.message).toContain("'until-withdrawn'")
  })

  it('art. 18: quiet when withdrawal is one of the triggers, the earliest winning (TW-6.1)', () => {
    expect(findingsOf(retentionIgnoresWithdrawal, (p) => {
      byId(p.retention, 'until-withdrawn').triggers = ['deletion_request', 'consent_withdrawn', 'consent_expired']
    })).toEqual([])
  })
})

describe('unlimited retention', () => {
  it('art. 12(2): is reported once, by retention-unlimited, not again as a clock or a withdrawal problem (KZK-3.12)', () => {
    const edit = (p: PolicyDocument) => {
      const rule = byId(p.retention, 'until-withdrawn')
      rule.triggers = ['collection']
      rule.keep = 'unlimited'
    }
    expect(findingsOf(retentionUnlimited, edit)).toHaveLength(1)
    expect(findingsOf(retentionIgnoresWithdrawal, edit)).toEqual([])
    expect(findingsOf(retentionFromCollection, edit)).toEqual([])
  })
})

describe('retention-from-collection', () => {
  it('art. 12(2): notes a clock counted from collection only', () => {
    const findings = findingsOf(retentionFromCollection, (p) => {
      byId(p.retention, 'tax-period').triggers = ['collection']
    })
    expect(findings).toMatchObject([{ severity: 'info', path: '/retention/2/triggers' }])
    expect(findings[0]!.message).toContain("'tax-period'")
  })

  it('art. 12(2): quiet when the purpose can end the clock first', () => {
    expect(findingsOf(retentionFromCollection, (p) => {
      byId(p.retention, 'tax-period').triggers = ['collection', 'purpose_achieved']
    })).toEqual([])
  })
})
