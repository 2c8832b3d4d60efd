import { describe, expect, it } from 'vitest'
import { decide } from './decide.ts'
import { consent, NOW, seedPolicy, subject } from './decision-test-kit.ts'
import type { Decision } from './decision-types.ts'

const codes = (d: Decision) => d.reasons.map((r) => r.code)

describe('ESP — marketing per channel, service messages without consent', () => {
  const esp = seedPolicy('esp')
  // The App.1 consent for the purposes plus the separate checkbox for SMS only (ESP-2, ESP-6).
  const client = subject('client', [consent('advertising', 'app-1'), consent('advertising', 'marketing-messages', { channel: 'sms' })])

  it('ESP-2: SMS marketing is allowed with the SMS consent; e-mail marketing without its own consent is refused', () => {
    expect(decide(esp, client, { subjectId: 's-1', purpose: 'advertising', channel: 'sms', items: ['phone'] }, NOW)).toEqual({ allow: true, basis: 'consent', reasons: [] })
    const email = decide(esp, client, { subjectId: 's-1', purpose: 'advertising', channel: 'email', items: ['email'] }, NOW)
    expect(email.reasons).toEqual([{ code: 'channel.not_consented', clause: 'art. 7', policyClauses: ['ESP-2', 'ESP-6', 'ESP-App.1'], detail: { channel: 'email' } }])
  })

  it('ESP-2: order messages are transactional — sent on the contract, without any consent, by e-mail or SMS', () => {
    const d = decide(esp, subject('client'), { subjectId: 's-1', purpose: 'order-notifications', channel: 'email' }, NOW)
    expect(d).toEqual({ allow: true, basis: 'contract', reasons: [] })
  })

  it('ESP-6: marketing stops on the subject\'s demand — a withdrawn SMS consent', () => {
    const withdrawn = subject('client', [consent('advertising', 'marketing-messages', { channel: 'sms', status: 'withdrawn' })])
    expect(codes(decide(esp, withdrawn, { subjectId: 's-1', purpose: 'advertising', channel: 'sms' }, NOW))).toEqual(['consent.withdrawn'])
  })
})

describe("KZK — children's biometrics and parents' consent", () => {
  const kzk = seedPolicy('kzk')
  const byParent = { byRepresentative: true }
  const child = subject('child', [consent('attendance-control', 'registration', byParent), consent('personalised-services', 'registration', byParent)])

  it("KZK-3.16: a child's face image serves attendance control, never marketing", () => {
    expect(decide(kzk, child, { subjectId: 's-1', purpose: 'attendance-control', items: ['face-image'] }, NOW).allow).toBe(true)
    const marketing = decide(kzk, child, { subjectId: 's-1', purpose: 'marketing', items: ['face-image'] }, NOW)
    expect(marketing.reasons).toMatchObject([
      { code: 'purpose.unknown' },
      { code: 'biometrics.purpose_locked', clause: 'art. 7(9)', detail: { items: ['face-image'] } },
    ])
    expect(marketing.reasons[1]!.policyClauses).toEqual(expect.arrayContaining(['KZK-3.16', 'KZK-3.17']))
  })

  it('KZK-3.17: another declared purpose needs a further parental consent the registration does not give', () => {
    const d = decide(kzk, child, { subjectId: 's-1', purpose: 'personalised-services', items: ['child-full-name', 'face-image'] }, NOW)
    expect(codes(d)).toEqual(['items.outside_purpose', 'biometrics.purpose_locked'])
  })

  it("KZK-1.13: a child's consent must come from the parent or guardian", () => {
    const alone = subject('child', [consent('attendance-control', 'registration')])
    const d = decide(kzk, alone, { subjectId: 's-1', purpose: 'attendance-control' }, NOW)
    expect(d.reasons).toMatchObject([{ code: 'consent.representative_required', clause: 'art. 8; Civil Code art. 22(1), 26' }])
    expect(d.reasons[0]!.policyClauses).toContain('KZK-1.13')
  })

  it('KZK-3.13, 5.1.2: state bodies receive data only on a legal obligation, and the lock does not bind the law', () => {
    const d = decide(kzk, child, { subjectId: 's-1', purpose: 'state-requests', items: ['face-image'], recipient: 'state-bodies' }, NOW)
    expect(d).toEqual({ allow: true, basis: 'legal_obligation', reasons: [] })
  })

  it('KZK-3.15, art. 7(6): payment providers get identification and payment data, and only if the consent allows third parties', () => {
    const parent = subject('parent', [consent('payments', 'registration')])
    const d = decide(kzk, parent, { subjectId: 's-1', purpose: 'payments', items: ['payment-info', 'email'], recipient: 'payment-providers' }, NOW)
    expect(codes(d)).toEqual(['recipient.items_outside', 'transfer.third_party_not_consented'])
  })

  it('a minor by birth date, not by kind: a parent account turning 18 tomorrow still needs its representative', () => {
    const teen = subject('parent', [consent('support', 'registration')], { minorUntil: NOW.getTime() + 86_400_000 })
    expect(codes(decide(kzk, teen, { subjectId: 's-1', purpose: 'support' }, NOW))).toEqual(['consent.representative_required'])
    expect(decide(kzk, teen, { subjectId: 's-1', purpose: 'support' }, new Date(NOW.getTime() + 86_400_000)).allow).toBe(true)
  })
})

describe('PS — foreign recipients', () => {
  const ps = seedPolicy('ps')

  it('PS-4.7: a transfer to a foreign domain registry needs cross-border consent for the country it goes to', () => {
    const domestic = subject('client', [consent('domain-registration', 'personal-data-consent')])
    const d = decide(ps, domestic, { subjectId: 's-1', purpose: 'domain-registration', recipient: 'domain-registries', country: 'DE' }, NOW)
    expect(d.reasons).toEqual([{ code: 'transfer.cross_border_not_consented', clause: 'art. 16', policyClauses: ['PS-4.6', 'PS-4.7'], detail: { country: 'DE' } }])
    // The ledger records the countries the client named (PS-4.7 names none itself).
    const toGermany = subject('client', [consent('domain-registration', 'personal-data-consent', { countries: ['DE'] })])
    expect(decide(ps, toGermany, { subjectId: 's-1', purpose: 'domain-registration', recipient: 'domain-registries', country: 'DE' }, NOW).allow).toBe(true)
    expect(codes(decide(ps, toGermany, { subjectId: 's-1', purpose: 'domain-registration', recipient: 'domain-registries', country: 'US' }, NOW))).toEqual(['transfer.cross_border_not_consented'])
    // Without a country, the destination is the recipient's "ZZ" (abroad, not named): only a consent to "ZZ" covers it.
    expect(codes(decide(ps, toGermany, { subjectId: 's-1', purpose: 'domain-registration', recipient: 'domain-registries' }, NOW))).toEqual(['transfer.cross_border_not_consented'])
    const anywhere = subject('client', [consent('domain-registration', 'personal-data-consent', { countries: ['ZZ'] })])
    expect(decide(ps, anywhere, { subjectId: 's-1', purpose: 'domain-registration', recipient: 'domain-registries', country: 'US' }, NOW).allow).toBe(true)
  })

  it('PS-6.1, 6.2: identifiable data is kept until the contract ends, longer only where a law requires', () => {
    const ended = subject('client', [consent('services', 'personal-data-consent')], { relationshipEndedAt: Date.parse('2026-12-01T00:00:00Z') })
    expect(decide(ps, ended, { subjectId: 's-1', purpose: 'services' }, NOW).reasons).toMatchObject([{ code: 'retention.elapsed', detail: { keep: 'P0D' } }])
    expect(decide(ps, ended, { subjectId: 's-1', purpose: 'legal-compliance' }, NOW).allow).toBe(true)
  })
})

describe('TTC — retention and age', () => {
  const ttc = seedPolicy('ttc')
  const subscriber = (endedAt: string) => subject('subscriber', [consent('registration', 'app-2')], { relationshipEndedAt: Date.parse(endedAt) })

  it('TTC-6.4: data is kept 10 years after the relationship ends, then retention has elapsed', () => {
    expect(decide(ttc, subscriber('2016-12-11T00:00:00+05:00'), { subjectId: 's-1', purpose: 'registration' }, NOW).allow).toBe(true)
    const d = decide(ttc, subscriber('2016-12-10T09:00:00+05:00'), { subjectId: 's-1', purpose: 'registration' }, NOW)
    expect(d.reasons).toMatchObject([{ code: 'retention.elapsed', clause: 'art. 12(2), 18', detail: { keep: 'P10Y' } }])
    expect(d.reasons[0]!.policyClauses).toContain('TTC-6.4')
    // TTC-6.5: where a law requires keeping longer, the legal obligation is the ground.
    expect(decide(ttc, subscriber('2010-01-01T00:00:00Z'), { subjectId: 's-1', purpose: 'legal-compliance' }, NOW).allow).toBe(true)
  })

  it('TTC-10.4: data of a person under 18 is not processed (deleted as soon as possible)', () => {
    const minor = subject('web-user', [consent('registration', 'app-2')], { minorUntil: Date.parse('2028-01-01T00:00:00+05:00') })
    const d = decide(ttc, minor, { subjectId: 's-1', purpose: 'registration' }, NOW)
    expect(d.reasons).toMatchObject([{ code: 'subject.under_age', policyClauses: ['TTC-2(2)', 'TTC-10.4'] }])
  })

  it('TTC-9.4: marketing by SMS needs the SMS consent; communication through a channel falls back to the purpose consent', () => {
    const s = subject('subscriber', [consent('communication', 'app-2'), consent('marketing', 'app-2', { channel: 'email' })])
    expect(decide(ttc, s, { subjectId: 's-1', purpose: 'communication', channel: 'sms' }, NOW).allow).toBe(true)
    expect(codes(decide(ttc, s, { subjectId: 's-1', purpose: 'marketing', channel: 'sms' }, NOW))).toEqual(['channel.not_consented'])
    expect(decide(ttc, s, { subjectId: 's-1', purpose: 'marketing', channel: 'email' }, NOW).allow).toBe(true)
  })
})

describe('TW — withdrawal and capacity', () => {
  const tw = seedPolicy('tw')

  it('TW-6.3: a withdrawn consent → deny; the retention rule that ends with it is cited', () => {
    const withdrawn = subject('user', [consent('newsletters', 'privacy-policy', { status: 'withdrawn' })])
    const d = decide(tw, withdrawn, { subjectId: 's-1', purpose: 'newsletters', items: ['email'] }, NOW)
    expect(d).toMatchObject({ allow: false, basis: 'consent', reasons: [{ code: 'consent.withdrawn', clause: 'art. 8(7), 24(1)(5)' }] })
    expect(d.reasons[0]!.policyClauses).toEqual(expect.arrayContaining(['TW-4.5', 'TW-6.3']))
  })

  it("TW-4.1: an incapable person's consent comes from the legal representative", () => {
    const own = subject('incapable-person', [consent('registration', 'privacy-policy')], { legalCapacity: 'none' })
    expect(codes(decide(tw, own, { subjectId: 's-1', purpose: 'registration' }, NOW))).toEqual(['consent.representative_required'])
    const represented = subject('incapable-person', [consent('registration', 'privacy-policy', { byRepresentative: true })], { legalCapacity: 'none' })
    expect(decide(tw, represented, { subjectId: 's-1', purpose: 'registration' }, NOW).allow).toBe(true)
  })
})
