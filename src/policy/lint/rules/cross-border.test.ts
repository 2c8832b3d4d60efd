import { describe, expect, it } from 'vitest'
import type { PolicyDocument } from '../../schema/index.ts'
import { byId, findingsOf } from '../lint-test-kit.ts'
import { crossBorderCountryUnnamed, crossBorderWithoutGround } from './cross-border.ts'

describe('cross-border-without-ground', () => {
  it('art. 16: flags a recipient abroad with no recorded ground', () => {
    const findings = findingsOf(crossBorderWithoutGround, (p) => {
      delete byId(p.recipients, 'mail-service').crossBorderGround
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/recipients/1' }])
    expect(findings[0]!.message).toContain("recipient 'mail-service' in DE")
  })

  it('art. 16, art. 7(6): flags a consent ground when the consent names other countries', () => {
    const findings = findingsOf(crossBorderWithoutGround, (p) => {
      byId(p.consentForms, 'newsletter').crossBorder = { allowed: true, countries: ['US'] }
    })
    expect(findings).toMatchObject([{ path: '/recipients/1/crossBorderGround' }])
    expect(findings[0]!.message).toContain("no consent form for 'newsletter' allows cross-border transfer to DE")
  })

  it('art. 7(6): flags a consent ground when the consent rules transfer abroad out', () => {
    expect(findingsOf(crossBorderWithoutGround, (p) => {
      byId(p.consentForms, 'newsletter').crossBorder = { allowed: false }
    })).toHaveLength(1)
  })

  it('art. 16: quiet when the consent allows transfer to that country (ESP-App.1: the Russian Federation)', () => {
    expect(findingsOf(crossBorderWithoutGround, (p) => {
      byId(p.recipients, 'mail-service').country = 'RU'
      byId(p.consentForms, 'newsletter').crossBorder = { allowed: true, countries: ['RU'] }
    })).toEqual([])
  })

  it('art. 16: quiet on a recipient abroad under a ratified treaty', () => {
    expect(findingsOf(crossBorderWithoutGround, (p) => {
      byId(p.recipients, 'mail-service').crossBorderGround = 'treaty'
      byId(p.consentForms, 'newsletter').crossBorder = { allowed: false }
    })).toEqual([])
  })
})

describe('cross-border-country-unnamed', () => {
  it('art. 16, art. 8(4)(5): flags a consent to transfer abroad that names no country', () => {
    const edit = (p: PolicyDocument) => {
      byId(p.consentForms, 'newsletter').crossBorder = { allowed: true }
    }
    const findings = findingsOf(crossBorderCountryUnnamed, edit)
    expect(findings).toMatchObject([{ severity: 'warning', path: '/recipients/1' }])
    expect(findings[0]!.message).toBe("recipient 'mail-service' in DE relies on consent for 'newsletter' that allows transfer abroad without naming the destination country")
    expect(findingsOf(crossBorderWithoutGround, edit)).toEqual([])
  })

  it('art. 16: says so when the policy does not know the country either (PS-4.7: ZZ)', () => {
    const findings = findingsOf(crossBorderCountryUnnamed, (p) => {
      byId(p.recipients, 'mail-service').country = 'ZZ'
      byId(p.consentForms, 'newsletter').crossBorder = { allowed: true }
    })
    expect(findings[0]!.message).toContain("recipient 'mail-service' in an unnamed country (ZZ)")
  })

  it('art. 16: quiet when the consent names the country', () => {
    expect(findingsOf(crossBorderCountryUnnamed)).toEqual([])
  })
})
