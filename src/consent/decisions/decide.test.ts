import { describe, expect, it } from 'vitest'
import { decide } from './decide.ts'
import { consent, NOW, seedPolicy, subject } from './decision-test-kit.ts'
import type { Decision } from './decision-types.ts'

const esp = seedPolicy('esp')
const codes = (d: Decision) => d.reasons.map((r) => r.code)
const loyal = subject('client', [consent('loyalty', 'app-1'), consent('delivery-service', 'app-1')])

describe('decide — one test per reason, named by its clause', () => {
  it('allows with the purpose basis and no reasons, answering with one shared object', () => {
    const d = decide(esp, loyal, { subjectId: 's-1', purpose: 'loyalty' }, NOW)
    expect(d).toEqual({ allow: true, basis: 'consent', reasons: [] })
    expect(decide(esp, loyal, { subjectId: 's-2', purpose: 'loyalty' }, NOW)).toBe(d)
  })

  it('art. 7: an unknown subject has no consent and no other ground', () => {
    const d = decide(esp, undefined, { subjectId: 'nobody', purpose: 'loyalty' }, NOW)
    expect(d).toMatchObject({ allow: false, basis: 'consent', reasons: [{ code: 'subject.unknown', clause: 'art. 7' }] })
  })

  it.each([
    ['blocked', 'subject.blocked', 'art. 25(2)(8)'],
    ['destroyed', 'subject.destroyed', 'art. 18'],
    ['anonymised', 'subject.anonymised', 'art. 18'],
  ] as const)('%s subject → %s (%s), even for a purpose with a legal obligation', (status, code, clause) => {
    const d = decide(esp, subject('client', [], { status }), { subjectId: 's-1', purpose: 'legal-requirements' }, NOW)
    expect(d.reasons).toEqual([{ code, clause, policyClauses: [] }])
  })

  it('art. 25(2)(1-1): a purpose the published policy does not declare', () => {
    const d = decide(esp, loyal, { subjectId: 's-1', purpose: 'profiling' }, NOW)
    expect(d).toMatchObject({ allow: false, basis: null, reasons: [{ code: 'purpose.unknown', detail: { purpose: 'profiling' } }] })
  })

  it("ESP-2: a purpose declared for clients only is not open for an enquirer's data", () => {
    const d = decide(esp, subject('enquirer', [consent('loyalty', 'app-1')]), { subjectId: 's-1', purpose: 'loyalty' }, NOW)
    expect(d.reasons).toEqual([{ code: 'subject.kind_outside_purpose', clause: 'art. 25(2)(1-1)', policyClauses: ['ESP-2', 'ESP-App.1'], detail: { kind: 'enquirer' } }])
  })

  it('art. 7(9), TTC-6.1 purpose limitation: items outside the purpose, and items not on the list at all', () => {
    const d = decide(esp, loyal, { subjectId: 's-1', purpose: 'delivery-service', items: ['phone', 'id-document', 'shoe-size'] }, NOW)
    expect(d.reasons).toMatchObject([
      { code: 'items.unknown', clause: 'art. 25(2)(1)', detail: { items: ['shoe-size'] } },
      { code: 'items.outside_purpose', clause: 'art. 7(9)', detail: { items: ['id-document'] } },
    ])
    expect(decide(esp, loyal, { subjectId: 's-1', purpose: 'delivery-service', items: ['phone', 'residence-address'] }, NOW).allow).toBe(true)
  })

  it('art. 7, ESP-2: marketing needs the channel named, and one the purpose declares', () => {
    const subscribed = subject('client', [consent('advertising', 'marketing-messages', { channel: 'sms' })])
    expect(codes(decide(esp, subscribed, { subjectId: 's-1', purpose: 'advertising' }, NOW))).toEqual(['channel.required'])
    expect(codes(decide(esp, subscribed, { subjectId: 's-1', purpose: 'advertising', channel: 'push' }, NOW))).toEqual(['channel.outside_purpose'])
  })

  it('art. 7: no consent for a consent-based purpose', () => {
    const d = decide(esp, subject('client'), { subjectId: 's-1', purpose: 'loyalty' }, NOW)
    expect(d.reasons).toEqual([{ code: 'consent.missing', clause: 'art. 7', policyClauses: ['ESP-2', 'ESP-App.1'] }])
  })

  it('art. 7: a refused consent', () => {
    const d = decide(esp, subject('client', [consent('loyalty', 'app-1', { status: 'refused' })]), { subjectId: 's-1', purpose: 'loyalty' }, NOW)
    expect(codes(d)).toEqual(['consent.refused'])
  })

  it('art. 8(5)-(6): a consent past its expiry, whatever its stored status says', () => {
    const lapsed = subject('client', [consent('loyalty', 'app-1', { expiresAt: Date.parse('2026-12-01T00:00:00Z') })])
    expect(decide(esp, lapsed, { subjectId: 's-1', purpose: 'loyalty' }, NOW).reasons).toMatchObject([{ code: 'consent.expired', detail: { expiredAt: '2026-12-01T00:00:00.000Z' } }])
    const marked = subject('client', [consent('loyalty', 'app-1', { status: 'expired' })])
    expect(codes(decide(esp, marked, { subjectId: 's-1', purpose: 'loyalty' }, NOW))).toEqual(['consent.expired'])
  })

  it('ESP App.1 §5: a pending withdrawal takes effect only at its effective time (10 business days later)', () => {
    const effective = Date.parse('2026-12-21T00:00:00+05:00')
    const pending = subject('client', [consent('loyalty', 'app-1', { status: 'withdrawal_pending', withdrawalEffectiveAt: effective })])
    expect(decide(esp, pending, { subjectId: 's-1', purpose: 'loyalty' }, NOW).allow).toBe(true)
    const after = decide(esp, pending, { subjectId: 's-1', purpose: 'loyalty' }, new Date(effective))
    expect(after.reasons).toEqual([{
      code: 'consent.withdrawn',
      clause: 'art. 8(7), 24(1)(5)',
      policyClauses: ['ESP-9', 'ESP-App.1 §1', 'ESP-App.1 §5', 'ESP-4', 'ESP-8'],
      detail: { formId: 'app-1', formVersion: 1, effectiveAt: '2026-12-20T19:00:00.000Z' },
    }])
  })

  it('TTC-1.8: a consent on an older version of the form needs a new consent', () => {
    const ttc2 = seedPolicy('ttc', [[['consentForms', 0, 'version'], 2]])
    const old = subject('subscriber', [consent('registration', 'app-2', { formVersion: 1 })])
    const d = decide(ttc2, old, { subjectId: 's-1', purpose: 'registration' }, NOW)
    expect(d.reasons).toMatchObject([{ code: 'consent.form_outdated', clause: 'art. 8(4)', detail: { formId: 'app-2', formVersion: 1, currentVersion: 2 } }])
    expect(d.reasons[0]!.policyClauses).toContain('TTC-1.8')
    expect(decide(seedPolicy('ttc'), old, { subjectId: 's-1', purpose: 'registration' }, NOW).allow).toBe(true)
  })

  it('art. 7(6): a recipient the policy does not declare, or one that does not serve the purpose', () => {
    expect(codes(decide(esp, loyal, { subjectId: 's-1', purpose: 'loyalty', recipient: 'data-brokers' }, NOW))).toEqual(['recipient.unknown'])
    const d = decide(esp, loyal, { subjectId: 's-1', purpose: 'delivery-service', recipient: 'state-bodies' }, NOW)
    expect(d.reasons).toMatchObject([{ code: 'recipient.outside_purpose', clause: 'art. 7(6)', policyClauses: ['ESP-6'] }])
    expect(decide(esp, loyal, { subjectId: 's-1', purpose: 'delivery-service', recipient: 'hosting-providers' }, NOW).allow).toBe(true)
  })

  it('art. 16: the recipient\'s country is the destination unless another is named', () => {
    const toRussia = subject('client', [consent('loyalty', 'app-1', { countries: ['RU'] })])
    expect(decide(esp, toRussia, { subjectId: 's-1', purpose: 'loyalty', recipient: 'third-parties-ru' }, NOW).allow).toBe(true)
    const d = decide(esp, toRussia, { subjectId: 's-1', purpose: 'loyalty', recipient: 'third-parties-ru', country: 'CN' }, NOW)
    expect(d.reasons).toEqual([{ code: 'transfer.cross_border_not_consented', clause: 'art. 16', policyClauses: ['ESP-App.1', 'ESP-App.1 §2'], detail: { country: 'CN' } }])
    // Kazakhstan is home: no cross-border consent is asked for.
    expect(decide(esp, loyal, { subjectId: 's-1', purpose: 'loyalty', country: 'KZ' }, NOW).allow).toBe(true)
  })

  it('collects every reason, not only the first', () => {
    const d = decide(esp, subject('enquirer', [], { status: 'blocked' }), { subjectId: 's-1', purpose: 'loyalty', items: ['call-recording'], recipient: 'state-bodies' }, NOW)
    expect(codes(d)).toEqual(['subject.blocked', 'subject.kind_outside_purpose', 'items.outside_purpose', 'consent.missing', 'recipient.outside_purpose'])
  })
})
