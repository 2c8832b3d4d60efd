/**
 * Art. 8(4): what every consent must say. One rule per element, so a report
 * names exactly what a form lacks. The four elements the operator must also
 * register and log (art. 22(1)(5): transfer to third parties, cross-border
 * transfer, publication — and the term, which art. 8(6) fills when absent)
 * drive run-time decisions; a form silent on transfer, cross-border or
 * publication leaves those decisions without a consent to rest on, so they are
 * errors. The name of the operator and of the subject and the list of data are
 * printed on the form Derbes renders from the policy, so their absence is a
 * warning.
 */
import type { ConsentForm } from '../../schema/index.ts'
import { defineRule, type LintRule, type LintRuleMeta } from '../lint-rule.ts'
import { formPath } from '../policy-facts.ts'

function contentRule(meta: LintRuleMeta, lacks: (form: ConsentForm) => boolean, what: string): LintRule {
  return defineRule(meta, ({ policy, report }) => {
    for (const form of policy.consentForms.values())
      if (lacks(form)) report(formPath(policy, form), `consent form '${form.id}' (version ${form.version}) ${what}`)
  })
}

export const consentOperatorIdentity = contentRule(
  {
    id: 'consent-operator-identity',
    article: 'art. 8(4)(1)',
    severity: 'warning',
    title: 'Consent does not name the operator',
    hint: "Print the operator's name and BIN (or IIN) on the form and set `identifiesOperator: true`.",
  },
  (form) => form.identifiesOperator !== true,
  "does not state the operator's name and BIN/IIN",
)

export const consentSubjectName = contentRule(
  {
    id: 'consent-subject-name',
    article: 'art. 8(4)(2)',
    severity: 'warning',
    title: "Consent does not record the subject's name",
    hint: "Record the subject's surname, name and patronymic with the consent (the consent ledger does) and set `recordsSubjectName: true`.",
  },
  (form) => form.recordsSubjectName !== true,
  "does not record the subject's full name",
)

export const consentTermMissing = contentRule(
  {
    id: 'consent-term-missing',
    article: 'art. 8(4)(3), art. 8(6)',
    severity: 'warning',
    title: 'Consent states no term',
    hint: 'State the term: `term: { until: purpose_achieved }`, `{ until: withdrawn }` or `{ duration: P3Y }` — no longer than the purpose needs (art. 8(5)).',
  },
  // A term the enum cannot name, given in words (ESP App.1 §1: while the loyalty programme runs), is still a term.
  (form) => form.term === undefined && form.termText === undefined,
  'states no term; by art. 8(6) it then lasts until the purpose is achieved, which the form should say',
)

export const consentThirdPartyUnstated = contentRule(
  {
    id: 'consent-third-party-unstated',
    article: 'art. 8(4)(4)',
    severity: 'error',
    title: 'Consent is silent on transfer to third parties',
    hint: 'Say whether data may go to third parties: `thirdPartyTransfer: true` (and list the recipients) or `false`.',
  },
  (form) => form.thirdPartyTransfer === undefined,
  'does not say whether data may be transferred to third parties',
)

export const consentCrossBorderUnstated = contentRule(
  {
    id: 'consent-cross-border-unstated',
    article: 'art. 8(4)(5)',
    severity: 'error',
    title: 'Consent is silent on cross-border transfer',
    hint: 'Say whether data crosses the border: `crossBorder: { allowed: true, countries: [RU] }` or `{ allowed: false }`.',
  },
  (form) => form.crossBorder === undefined,
  'does not say whether data is transferred across the border',
)

export const consentPublicationUnstated = contentRule(
  {
    id: 'consent-publication-unstated',
    article: 'art. 8(4)(6)',
    severity: 'error',
    title: 'Consent is silent on publication',
    hint: 'Say whether data is published in public sources: `publication: false` (ESP App.1 says so), or `true`.',
  },
  (form) => form.publication === undefined,
  'does not say whether data is published in public sources',
)

export const consentDataListMissing = contentRule(
  {
    id: 'consent-data-list-missing',
    article: 'art. 8(4)(7)',
    severity: 'warning',
    title: 'Consent does not list the data',
    hint: 'List the data collected under the consent: `items: [...]`, or `listsData: true` when the form prints the items of its purposes.',
  },
  (form) => form.items === undefined && form.listsData !== true,
  'does not list the personal data it covers',
)
