/**
 * What the linter says about the five seed policies: the deviations the
 * originals really contain are found, the clauses that comply raise nothing.
 * Each seed's full verdict is pinned as rule id → count, so a change to a
 * rule or to a seed shows here as a readable diff.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadPolicy } from '../load-policy.ts'
import { formatPolicyIssue } from '../policy-issue.ts'
import { lintPolicy, type LintReport } from './lint-policy.ts'
import type { LintFinding } from './lint-rule.ts'

const SEEDS = ['ttc', 'tw', 'esp', 'kzk', 'ps'] as const
type Seed = (typeof SEEDS)[number]

const fileOf = (seed: Seed) => new URL(`../../../policies/${seed}.yaml`, import.meta.url)

const reports = new Map<Seed, LintReport>()
function lintSeed(seed: Seed): LintReport {
  const cached = reports.get(seed)
  if (cached) return cached
  const loaded = loadPolicy(readFileSync(fileOf(seed), 'utf8'), `policies/${seed}.yaml`)
  if (!loaded.ok) throw new Error(`policies/${seed}.yaml does not load:\n${loaded.issues.map(formatPolicyIssue).join('\n')}`)
  const report = lintPolicy(loaded)
  reports.set(seed, report)
  return report
}

const found = (seed: Seed, ruleId: string): LintFinding[] => lintSeed(seed).findings.filter((f) => f.ruleId === ruleId)
const verdict = (seed: Seed) => {
  const counts: Record<string, number> = {}
  for (const f of lintSeed(seed).findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)))
}

describe.each(SEEDS)('%s: what every seed gets right', (seed) => {
  it('art. 12(2): keeps its database in Kazakhstan (TTC-8.2, ESP-5)', () => {
    expect(found(seed, 'storage-outside-kz')).toEqual([])
  })

  it('places every finding on a line of the file', () => {
    const lines = readFileSync(fileOf(seed), 'utf8').split('\n').length
    for (const f of lintSeed(seed).findings) {
      expect(f.file).toBe(`policies/${seed}.yaml`)
      expect(f.line).toBeGreaterThanOrEqual(1)
      expect(f.line).toBeLessThanOrEqual(lines)
    }
  })
})

describe('TTC — Transtelecom', () => {
  it('art. 10(2): flags withdrawal only by registered letter or courier (TTC-9.2)', () => {
    expect(found('ttc', 'withdrawal-paper-only')).toMatchObject([{ message: expect.stringContaining('only by registered_mail, courier') }])
  })

  it('art. 8(7): a withdrawal handled in 1 business day is stricter than the law, so no deadline finding (TTC-9.3)', () => {
    expect(found('ttc', 'deadline-exceeds-law')).toEqual([])
  })

  it('art. 8(7), art. 18: flags consent-based purposes kept 10 years after the relationship (TTC-6.4 against TTC-9.3)', () => {
    expect(found('ttc', 'retention-ignores-withdrawal')).toMatchObject([{ message: expect.stringContaining("retention rule 'default-10-years'") }])
    expect(found('ttc', 'retention-unlimited')).toEqual([])
  })

  it('art. 1(2): treats cookies and IP addresses as personal data (TTC-5.6)', () => {
    expect(found('ttc', 'cookies-not-personal')).toEqual([])
    expect(found('ttc', 'non-personal-identifier')).toEqual([])
    expect(found('ttc', 'cookie-consent-missing')).toEqual([])
    expect(found('ttc', 'cookie-banner-missing')).toEqual([])
  })

  it('art. 16: notes Google Analytics in the United States (TTC-5)', () => {
    expect(found('ttc', 'cookie-vendor-abroad')).toMatchObject([{ severity: 'info', message: expect.stringContaining("'google-analytics'") }])
  })

  it('art. 11, art. 25(2)(2): recipients are bound to confidentiality and access is the minimum necessary (TTC-4.3, TTC-7.1)', () => {
    expect(found('ttc', 'recipient-not-confidential')).toEqual([])
    expect(found('ttc', 'access-not-minimum')).toEqual([])
  })

  it('art. 8(4)(3): the consent lasts for the relationship, which is a term (TTC App.2 §1.7)', () => {
    expect(found('ttc', 'consent-term-missing')).toEqual([])
  })

  it('art. 17(1): flags marketing, statistics and analytics on data that is not anonymised (TTC-4.1)', () => {
    expect(found('ttc', 'research-not-anonymised')).toMatchObject([{ message: expect.stringContaining("'analytics'") }])
  })

  it('art. 7(1): flags advertising consented to only with the 19 purposes of the form (TTC App.2 §3)', () => {
    expect(found('ttc', 'marketing-consent-bundled').map((f) => f.message)).toEqual([
      expect.stringContaining("marketing purpose 'marketing'"),
      expect.stringContaining("marketing purpose 'targeted-advertising'"),
    ])
  })

  it('reports exactly these findings', () => {
    expect(verdict('ttc')).toEqual({
      'access-biometric-unscoped': 3,
      'cookie-vendor-abroad': 1,
      'deadline-information-missing': 2,
      'marketing-channels-missing': 1,
      'marketing-consent-bundled': 2,
      'no-responsible-person': 1,
      'research-not-anonymised': 1,
      'retention-ignores-withdrawal': 1,
      'sensitivity-unmarked': 1,
      'withdrawal-paper-only': 1,
    })
  })
})

describe('ESP — Esperance-RK', () => {
  it('art. 8(2), art. 8(7): flags withdrawal only 10 business days before its date (ESP-App.1 §5)', () => {
    expect(found('esp', 'withdrawal-notice-period')).toMatchObject([{ message: expect.stringContaining("consent form 'app-1'") }])
    expect(found('esp', 'withdrawal-notice-exceeds-law')).toEqual([])
  })

  it('art. 16: transfer to the Russian Federation rests on a consent that names it, so it is not flagged (ESP-App.1)', () => {
    expect(found('esp', 'cross-border-without-ground')).toEqual([])
    expect(found('esp', 'cross-border-country-unnamed')).toEqual([])
    expect(found('esp', 'third-party-without-consent')).toEqual([])
  })

  it('art. 7(1): marketing has its own checkbox, apart from the service (ESP-2)', () => {
    expect(found('esp', 'marketing-consent-bundled')).toEqual([])
    expect(found('esp', 'marketing-without-consent')).toEqual([])
    expect(found('esp', 'transactional-marketing')).toEqual([])
  })

  it('art. 8(4): flags the checkbox text, which states none of what a consent must (ESP-2)', () => {
    for (const rule of ['consent-third-party-unstated', 'consent-cross-border-unstated', 'consent-publication-unstated', 'consent-term-missing'])
      expect(found('esp', rule).map((f) => f.path)).toEqual(['/consentForms/1'])
  })

  it('art. 25(2)(10): flags that no responsible person is named', () => {
    expect(found('esp', 'no-responsible-person')).toHaveLength(1)
  })

  it('reports exactly these findings', () => {
    expect(verdict('esp')).toEqual({
      'access-not-minimum': 1,
      'consent-cross-border-unstated': 1,
      'consent-data-list-missing': 1,
      'consent-operator-identity': 1,
      'consent-publication-unstated': 1,
      'consent-subject-name': 2,
      'consent-term-missing': 1,
      'consent-third-party-unstated': 1,
      'no-responsible-person': 1,
      'recipient-not-confidential': 2,
      'withdrawal-notice-period': 1,
      'withdrawal-paper-only': 2,
    })
  })
})

describe('KZK — Kezekshi.kz', () => {
  it('art. 12(2), art. 18: flags processing "without time limit" once (KZK-3.12)', () => {
    expect(found('kzk', 'retention-unlimited')).toMatchObject([{ severity: 'error', message: expect.stringContaining("retention rule 'unlimited'") }])
  })

  it('art. 1(2): flags IP address and cookies declared non-personal (KZK-1.5)', () => {
    expect(found('kzk', 'non-personal-identifier')).toMatchObject([{ message: expect.stringContaining("'cookie_id', 'ip_address'") }])
    expect(found('kzk', 'non-personal-linked-data')).toHaveLength(1)
    expect(found('kzk', 'cookies-not-personal')).toHaveLength(1)
  })

  it("art. 7(12): the child's biometrics stay with their three purposes (KZK-3.16–3.17)", () => {
    expect(found('kzk', 'purpose-lock-breached')).toEqual([])
    expect(found('kzk', 'biometric-unlocked')).toEqual([])
    expect(found('kzk', 'biometric-marketing')).toEqual([])
  })

  it("art. 8(1): parents consent for their children (KZK-2.1)", () => {
    expect(found('kzk', 'minor-consent-route')).toEqual([])
  })

  it('art. 7(6): flags payment partners receiving data a consent says is not transferred (KZK-3.15.2 against KZK-5.1.2)', () => {
    expect(found('kzk', 'third-party-without-consent')).toMatchObject([{ message: expect.stringContaining("recipient 'payment-providers'") }])
  })

  it('art. 8(4)(1): flags that the agreement names no BIN', () => {
    expect(found('kzk', 'operator-unidentified')).toHaveLength(1)
  })

  it('reports exactly these findings', () => {
    expect(verdict('kzk')).toEqual({
      'access-not-minimum': 1,
      'consent-cross-border-unstated': 1,
      'consent-operator-identity': 1,
      'consent-publication-unstated': 1,
      'consent-subject-name': 1,
      'consent-term-missing': 1,
      'cookie-banner-missing': 1,
      'cookie-choice-fixed': 1,
      'cookie-consent-missing': 1,
      'cookies-not-personal': 1,
      'deadline-information-missing': 2,
      'no-responsible-person': 1,
      'non-personal-identifier': 1,
      'non-personal-linked-data': 1,
      'operator-unidentified': 1,
      'recipient-not-confidential': 1,
      'retention-unlimited': 1,
      'third-party-without-consent': 1,
    })
  })
})

describe('PS — ps.kz', () => {
  it('art. 7(10): flags the copy of the identity document (PS-2.3)', () => {
    expect(found('ps', 'id-document-copy')).toMatchObject([{ message: expect.stringContaining("'id-document-copy'") }])
  })

  it('art. 16: transfers abroad for domains and SSL rest on consent, which names no country (PS-4.6–4.7)', () => {
    expect(found('ps', 'cross-border-without-ground')).toEqual([])
    expect(found('ps', 'cross-border-country-unnamed').map((f) => f.message)).toEqual([
      expect.stringContaining("recipient 'domain-registries'"),
      expect.stringContaining("recipient 'certificate-authorities'"),
    ])
  })

  it('art. 7(6): no transfer to third parties without consent (PS-4.6)', () => {
    expect(found('ps', 'third-party-without-consent')).toEqual([])
  })

  it('reports exactly these findings', () => {
    expect(verdict('ps')).toEqual({
      'consent-operator-identity': 1,
      'consent-publication-unstated': 1,
      'consent-subject-name': 1,
      'consent-term-missing': 1,
      'cross-border-country-unnamed': 2,
      'deadline-information-missing': 2,
      'id-document-copy': 1,
      'no-responsible-person': 1,
      'operator-unidentified': 1,
      'sensitivity-unmarked': 2,
    })
  })
})

describe('TW — TechnoWomen', () => {
  it('art. 7(1): flags newsletters that can only be accepted with registration and name no channel (TW-3.2)', () => {
    expect(found('tw', 'marketing-consent-bundled')).toMatchObject([{ message: expect.stringContaining("'newsletters'") }])
    expect(found('tw', 'marketing-channels-missing')).toHaveLength(1)
  })

  it('art. 7(6): the profile shown to other users is published with consent (TW-4.1, TW-4.3)', () => {
    expect(found('tw', 'publication-without-consent')).toEqual([])
  })

  it('art. 10(2): withdrawal may be sent as an electronic document (TW-4.5)', () => {
    expect(found('tw', 'withdrawal-paper-only')).toEqual([])
  })

  it('art. 25(2)(10), art. 25(2)(7): a responsible person and an access deadline are set (TW-7.1, TW-9.1)', () => {
    expect(found('tw', 'no-responsible-person')).toEqual([])
    expect(found('tw', 'deadline-information-missing')).toEqual([])
  })

  it('reports exactly these findings', () => {
    expect(verdict('tw')).toEqual({
      'access-not-minimum': 1,
      'consent-cross-border-unstated': 1,
      'consent-operator-identity': 1,
      'consent-subject-name': 1,
      'marketing-channels-missing': 1,
      'marketing-consent-bundled': 1,
      'operator-unidentified': 1,
      'sensitivity-unmarked': 1,
    })
  })
})
