import { defineRule } from '../lint-rule.ts'
import { formsCovering, purposePath } from '../policy-facts.ts'

/** Art. 17(1): statistical, sociological, scientific and marketing research runs on anonymised data (TW-3.2 does). */
export const researchNotAnonymised = defineRule(
  {
    id: 'research-not-anonymised',
    article: 'art. 17(1)',
    severity: 'error',
    title: 'Research on data that is not anonymised',
    hint: 'Anonymise before the research and mark the purpose `anonymised: true`.',
  },
  ({ policy, report }) => {
    for (const purpose of policy.purposes.values())
      if (purpose.research && !purpose.anonymised)
        report(purposePath(policy, purpose.id), `research purpose '${purpose.id}' works on data that is not anonymised`)
  },
)

/** Art. 19-1: decisions by automated processing alone that create or end rights need consent or a law. */
export const automatedDecisionWithoutConsent = defineRule(
  {
    id: 'automated-decision-without-consent',
    article: 'art. 19-1',
    severity: 'error',
    title: 'Automated decisions without consent or a law',
    hint: "Rest the purpose on consent (and tell the subject how the decision is made and how to object), or — if a law provides for it — set `basis: legal_obligation` with a `basisNote` naming the law.",
  },
  ({ policy, report }) => {
    for (const purpose of policy.purposes.values())
      if (purpose.automatedDecisions && purpose.basis !== 'consent' && purpose.basis !== 'legal_obligation')
        report([...purposePath(policy, purpose.id), 'basis'], `purpose '${purpose.id}' takes automated decisions on the basis '${purpose.basis}'`)
  },
)

/** Art. 7(6): publication in public sources needs consent, unless a law requires it (art. 9). */
export const publicationWithoutConsent = defineRule(
  {
    id: 'publication-without-consent',
    article: 'art. 7(6)',
    severity: 'error',
    title: 'Publication without consent',
    hint: 'Cover the purpose with a consent form saying `publication: true`, or — where a law requires publication — set `basis: legal_obligation`.',
  },
  ({ policy, report }) => {
    for (const purpose of policy.purposes.values()) {
      if (!purpose.publication || purpose.basis === 'legal_obligation') continue
      if (!formsCovering(policy, purpose.id).some((form) => form.publication === true))
        report(purposePath(policy, purpose.id), `purpose '${purpose.id}' publishes data in public sources without a consent that allows publication`)
    }
  },
)
