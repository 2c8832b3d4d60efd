import { describe, expect, it } from 'vitest'
import type { PolicyDocument } from '../../schema/index.ts'
import { byId, findingsOf } from '../lint-test-kit.ts'
import { cookiesNotPersonal, nonPersonalIdentifier, nonPersonalLinkedData } from './non-personal-data.ts'

const text = { kk: 'Дербес емес ақпарат', ru: 'Неперсональная информация', en: 'Non-personal information' }

/** KZK-1.5, as the original lists it. */
const declareKzk = (p: PolicyDocument) => {
  p.nonPersonalData = [{ kinds: ['page_url', 'cookie_id', 'ip_address', 'browser', 'referrer', 'access_time'], text, clauses: ['KZK-1.5'] }]
}

/** A site that holds no online identifier at all: no cookies, no IP addresses. */
const withoutIdentifiers = (p: PolicyDocument) => {
  delete p.cookies
  p.categories = p.categories.filter((c) => c.id !== 'online')
  p.purposes = p.purposes.filter((purpose) => purpose.id !== 'site-statistics')
  byId(p.consentForms, 'general').purposes = ['contract']
}

describe('non-personal-identifier', () => {
  it('art. 1(2): flags IP addresses and cookies declared non-personal (KZK-1.5)', () => {
    const findings = findingsOf(nonPersonalIdentifier, declareKzk)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ severity: 'error', path: '/nonPersonalData/0/kinds' })
    expect(findings[0]!.message).toContain("'cookie_id', 'ip_address'")
    expect(findings[0]!.message).not.toContain('page_url')
  })

  it('art. 1(2): quiet on organisation data declared non-personal (TTC-3.5)', () => {
    expect(findingsOf(nonPersonalIdentifier, (p) => {
      p.nonPersonalData = [{ kinds: ['organisation'], text }]
    })).toEqual([])
  })
})

describe('non-personal-linked-data', () => {
  it('art. 1(2): flags page URL, browser, referrer and time logged with an IP address (KZK-1.5)', () => {
    const findings = findingsOf(nonPersonalLinkedData, declareKzk)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ severity: 'warning', path: '/nonPersonalData/0/kinds' })
    expect(findings[0]!.message).toContain("'page_url', 'browser', 'referrer', 'access_time'")
  })

  it('art. 1(2): quiet when nothing ties the activity data to a person', () => {
    expect(findingsOf(nonPersonalLinkedData, (p) => {
      withoutIdentifiers(p)
      p.nonPersonalData = [{ kinds: ['page_url', 'referrer'], text }]
    })).toEqual([])
  })
})

describe('cookies-not-personal', () => {
  it('art. 1(2): flags cookie identifiers declared non-personal (KZK-1.5)', () => {
    const findings = findingsOf(cookiesNotPersonal, (p) => {
      p.cookies!.personalData = false
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/cookies/personalData' }])
  })

  it('art. 1(2): quiet when cookies are treated as personal data (TTC-5.6)', () => {
    expect(findingsOf(cookiesNotPersonal)).toEqual([])
  })
})
