import { describe, expect, it } from 'vitest'
import { findingsOf } from '../lint-test-kit.ts'
import { cookieBannerMissing, cookieChoiceFixed, cookieConsentMissing, cookieVendorAbroad } from './cookies.ts'

describe('cookie-consent-missing', () => {
  it('art. 7(1): flags analytics cookies set without consent', () => {
    const findings = findingsOf(cookieConsentMissing, (p) => {
      p.cookies!.categories[1]!.requiresConsent = false
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/cookies/categories/1/requiresConsent' }])
    expect(findings[0]!.message).toContain("'analytics'")
  })

  it('art. 7(1): quiet on necessary cookies without consent (TTC-5)', () => {
    expect(findingsOf(cookieConsentMissing)).toEqual([])
  })
})

describe('cookie-banner-missing', () => {
  it('art. 8(1): flags analytics cookies with no banner to ask', () => {
    const findings = findingsOf(cookieBannerMissing, (p) => {
      p.cookies!.banner = false
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/cookies/banner' }])
  })

  it('art. 8(1): quiet on a site with necessary cookies only and no banner', () => {
    expect(findingsOf(cookieBannerMissing, (p) => {
      p.cookies!.banner = false
      p.cookies!.categories = p.cookies!.categories.filter((c) => c.id === 'necessary')
      delete p.cookies!.vendors
    })).toEqual([])
  })
})

describe('cookie-vendor-abroad', () => {
  it('art. 16: notes a third-party analytics vendor abroad (TTC-5: Google Analytics)', () => {
    const findings = findingsOf(cookieVendorAbroad, (p) => {
      p.cookies!.vendors = [{ id: 'google-analytics', name: 'Google Analytics', category: 'analytics', country: 'US', firstParty: false }]
    })
    expect(findings).toMatchObject([{ severity: 'info', path: '/cookies/vendors/0/country' }])
    expect(findings[0]!.message).toContain("'google-analytics' (analytics) receives visitors' data in US")
  })

  it('art. 16: quiet on a vendor in Kazakhstan', () => {
    expect(findingsOf(cookieVendorAbroad)).toEqual([])
  })
})

describe('cookie-choice-fixed', () => {
  it('art. 24(1)(5): flags a cookie choice that cannot be changed', () => {
    const findings = findingsOf(cookieChoiceFixed, (p) => {
      p.cookies!.changeable = false
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/cookies/changeable' }])
  })

  it('art. 24(1)(5): quiet when the visitor may change the choice at any time (TTC-5)', () => {
    expect(findingsOf(cookieChoiceFixed)).toEqual([])
  })
})
