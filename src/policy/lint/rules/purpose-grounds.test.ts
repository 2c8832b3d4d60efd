import { describe, expect, it } from 'vitest'
import { byId, findingsOf } from '../lint-test-kit.ts'
import { automatedDecisionWithoutConsent, publicationWithoutConsent, researchNotAnonymised } from './purpose-grounds.ts'

describe('research-not-anonymised', () => {
  it('art. 17(1): flags statistics on data that is not anonymised', () => {
    const findings = findingsOf(researchNotAnonymised, (p) => {
      byId(p.purposes, 'site-statistics').anonymised = false
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/purposes/3' }])
    expect(findings[0]!.message).toContain("'site-statistics'")
  })

  it('art. 17(1): quiet on statistics on anonymised data (TW-3.2)', () => {
    expect(findingsOf(researchNotAnonymised)).toEqual([])
  })
})

describe('automated-decision-without-consent', () => {
  it('art. 19-1: flags automated decisions resting on a contract', () => {
    const findings = findingsOf(automatedDecisionWithoutConsent, (p) => {
      byId(p.purposes, 'contract').automatedDecisions = true
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/purposes/0/basis' }])
  })

  it('art. 19-1: quiet on automated decisions with consent', () => {
    expect(findingsOf(automatedDecisionWithoutConsent, (p) => {
      byId(p.purposes, 'newsletter').automatedDecisions = true
    })).toEqual([])
  })

  it('art. 19-1: quiet on automated decisions a law provides for', () => {
    expect(findingsOf(automatedDecisionWithoutConsent, (p) => {
      byId(p.purposes, 'tax-reporting').automatedDecisions = true
    })).toEqual([])
  })
})

describe('publication-without-consent', () => {
  it('art. 7(6): flags publication the consent says will not happen', () => {
    const findings = findingsOf(publicationWithoutConsent, (p) => {
      byId(p.purposes, 'newsletter').publication = true
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/purposes/2' }])
  })

  it('art. 7(6): flags publication under a contract with no consent', () => {
    expect(findingsOf(publicationWithoutConsent, (p) => {
      byId(p.purposes, 'order-notices').publication = true
    })).toHaveLength(1)
  })

  it('art. 7(6): quiet when the consent allows publication', () => {
    expect(findingsOf(publicationWithoutConsent, (p) => {
      byId(p.purposes, 'newsletter').publication = true
      byId(p.consentForms, 'newsletter').publication = true
    })).toEqual([])
  })

  it('art. 9: quiet on publication a law requires', () => {
    expect(findingsOf(publicationWithoutConsent, (p) => {
      byId(p.purposes, 'tax-reporting').publication = true
    })).toEqual([])
  })
})
