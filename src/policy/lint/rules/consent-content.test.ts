import { describe, expect, it } from 'vitest'
import type { ConsentForm } from '../../schema/index.ts'
import { byId, findingsOf } from '../lint-test-kit.ts'
import type { LintRule } from '../lint-rule.ts'
import {
  consentCrossBorderUnstated, consentDataListMissing, consentOperatorIdentity, consentPublicationUnstated, consentSubjectName,
  consentTermMissing, consentThirdPartyUnstated,
} from './consent-content.ts'

interface ContentCase {
  rule: LintRule
  severity: 'error' | 'warning'
  /** What the failing form lacks, and the seed whose form lacks it. */
  lacking: string
  strip: (form: ConsentForm) => void
  /** A form that states the element in another allowed way. */
  compliant: string
  restate: (form: ConsentForm) => void
}

const CASES: ContentCase[] = [
  {
    rule: consentOperatorIdentity, severity: 'warning',
    lacking: "the operator's name and BIN (ESP-2 checkbox text)", strip: (f) => { f.identifiesOperator = false },
    compliant: 'a form headed with name and BIN (ESP-App.1)', restate: (f) => { f.identifiesOperator = true },
  },
  {
    rule: consentSubjectName, severity: 'warning',
    lacking: "the subject's name (ESP-App.1 has no place for it)", strip: (f) => { delete f.recordsSubjectName },
    compliant: 'a form that records the name', restate: (f) => { f.recordsSubjectName = true },
  },
  {
    rule: consentTermMissing, severity: 'warning',
    lacking: 'a term', strip: (f) => { delete f.term },
    compliant: 'a consent until withdrawn (TW-4.4)', restate: (f) => { f.term = { until: 'withdrawn' } },
  },
  {
    rule: consentThirdPartyUnstated, severity: 'error',
    lacking: 'a word on third parties', strip: (f) => { delete f.thirdPartyTransfer },
    compliant: 'a form that rules transfers out', restate: (f) => { f.thirdPartyTransfer = false },
  },
  {
    rule: consentCrossBorderUnstated, severity: 'error',
    lacking: 'a word on cross-border transfer', strip: (f) => { delete f.crossBorder },
    compliant: 'a form naming the country (ESP-App.1: the Russian Federation)', restate: (f) => { f.crossBorder = { allowed: true, countries: ['RU'] } },
  },
  {
    rule: consentPublicationUnstated, severity: 'error',
    lacking: 'a word on publication', strip: (f) => { delete f.publication },
    compliant: 'a form saying nothing is published (ESP-App.1 §6)', restate: (f) => { f.publication = false },
  },
  {
    rule: consentDataListMissing, severity: 'warning',
    lacking: 'the list of data', strip: (f) => { delete f.items; delete f.listsData },
    compliant: 'a form listing its items (ESP-App.1 1–7)', restate: (f) => { delete f.listsData; f.items = ['full-name', 'phone'] },
  },
]

describe.each(CASES.map((c) => [c.rule.id, c] as const))('%s', (_id, { rule, severity, lacking, strip, compliant, restate }) => {
  it(`${rule.article}: flags a consent form without ${lacking}`, () => {
    const findings = findingsOf(rule, (p) => strip(byId(p.consentForms, 'general')))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ severity, article: rule.article, path: '/consentForms/0' })
    expect(findings[0]!.message).toContain("consent form 'general' (version 1)")
  })

  it(`${rule.article}: quiet on ${compliant}`, () => {
    expect(findingsOf(rule, (p) => restate(byId(p.consentForms, 'general')))).toEqual([])
  })
})

describe('consent content', () => {
  it('art. 8(4)(3): a term stated in words the enum cannot name is a term (ESP-App.1 §1)', () => {
    expect(findingsOf(consentTermMissing, (p) => {
      const form = byId(p.consentForms, 'general')
      delete form.term
      form.termText = { kk: 'Бағдарлама әрекет ететін мерзім ішінде', ru: 'В течение срока действия программы', en: 'While the programme runs' }
    })).toEqual([])
  })

  it('art. 8(4): reads only the version of a form in force, and points at it', () => {
    const findings = findingsOf(consentTermMissing, (p) => {
      const current = byId(p.consentForms, 'newsletter')
      const older = structuredClone(current)
      older.version = 1
      delete older.term
      p.consentForms.unshift(older)
      delete byId(p.consentForms, 'general').term
    })
    expect(findings.map((f) => f.path)).toEqual(['/consentForms/1'])
  })
})
