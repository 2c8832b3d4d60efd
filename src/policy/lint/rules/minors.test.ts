import { describe, expect, it } from 'vitest'
import { byId, findingsOf } from '../lint-test-kit.ts'
import { adultAgeBelowLaw, minorActsAlone, minorConsentRoute } from './minors.ts'

describe('minor-consent-route', () => {
  it("art. 8(1): flags minors' data with no consent form a representative gives (KZK-1.12)", () => {
    const findings = findingsOf(minorConsentRoute, (p) => {
      byId(p.consentForms, 'pupil-access').givenBy = 'subject'
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/subjectKinds/2' }])
    expect(findings[0]!.message).toContain("subject kind 'pupil'")
  })

  it('Civil Code art. 22: flags a policy that does not say who consents for a minor', () => {
    const findings = findingsOf(minorConsentRoute, (p) => {
      delete p.ageRules.consentBy
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/ageRules' }])
  })

  it('art. 8(1): quiet when the subject or the representative may consent (ESP-4)', () => {
    expect(findingsOf(minorConsentRoute, (p) => {
      byId(p.consentForms, 'pupil-access').givenBy = 'either'
    })).toEqual([])
  })
})

describe('minor-acts-alone', () => {
  it('Civil Code art. 22(1): flags a kind that consents alone from 14', () => {
    const findings = findingsOf(minorActsAlone, (p) => {
      byId(p.subjectKinds, 'client').minAge = 14
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/subjectKinds/0/minAge' }])
    expect(findings[0]!.message).toContain("subject kind 'client' may act alone from age 14")
  })

  it('Civil Code art. 22(1): flags a service open from 16 with no representative consent at all', () => {
    const findings = findingsOf(minorActsAlone, (p) => {
      p.ageRules.minimumAge = 16
      byId(p.consentForms, 'pupil-access').givenBy = 'subject'
    })
    expect(findings).toMatchObject([{ path: '/ageRules/minimumAge' }])
  })

  it('Civil Code art. 22(1): quiet when a representative may consent for the kind (TW-4.1)', () => {
    expect(findingsOf(minorActsAlone, (p) => {
      byId(p.subjectKinds, 'client').minAge = 14
      byId(p.consentForms, 'general').givenBy = 'either'
    })).toEqual([])
  })

  it('Civil Code art. 17(1): quiet on adults only (TTC-2(2): 18+)', () => {
    expect(findingsOf(minorActsAlone)).toEqual([])
  })
})

describe('adult-age-below-law', () => {
  it('Civil Code art. 17(1): flags adults counted from 16', () => {
    const findings = findingsOf(adultAgeBelowLaw, (p) => {
      p.ageRules.adultAge = 16
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/ageRules/adultAge' }])
  })

  it('Civil Code art. 17(1): quiet on a stricter adult age of 21', () => {
    expect(findingsOf(adultAgeBelowLaw, (p) => {
      p.ageRules.adultAge = 21
    })).toEqual([])
  })
})
