/**
 * Marketing messages. Law 94-V has no article on marketing as such: the rules
 * below apply its consent rule (art. 7(1)) the way ESP-2 does — advertising by
 * mail, SMS, e-mail or phone only with prior consent given by a ticked box
 * and stopped on demand, while service messages about an order go without it.
 */
import { defineRule } from '../lint-rule.ts'
import { formsCovering, list, purposePath } from '../policy-facts.ts'

export const marketingWithoutConsent = defineRule(
  {
    id: 'marketing-without-consent',
    article: 'art. 7(1)',
    severity: 'error',
    title: 'Marketing without consent',
    hint: 'Set `basis: consent` on the marketing purpose and cover it with a consent form (ESP-2: a ticked checkbox).',
  },
  ({ policy, report }) => {
    for (const purpose of policy.purposes.values())
      if (purpose.marketing && purpose.basis !== 'consent')
        report([...purposePath(policy, purpose.id), 'basis'], `marketing purpose '${purpose.id}' rests on '${purpose.basis}' instead of the subject's consent`)
  },
)

export const marketingChannelsMissing = defineRule(
  {
    id: 'marketing-channels-missing',
    article: 'art. 7(1)',
    severity: 'warning',
    title: 'Marketing purpose names no channel',
    hint: 'List the channels the consent covers (`channels: [sms, email]`), so consent and opt-out are recorded per channel (ESP-2).',
  },
  ({ policy, report }) => {
    for (const purpose of policy.purposes.values())
      if (purpose.marketing && !purpose.channels?.length)
        report(purposePath(policy, purpose.id), `marketing purpose '${purpose.id}' does not say through which channels it reaches the subject`)
  },
)

/** A subject who can only accept marketing together with the service has not freely consented to marketing. */
export const marketingConsentBundled = defineRule(
  {
    id: 'marketing-consent-bundled',
    article: 'art. 7(1), art. 8(1)',
    severity: 'warning',
    title: 'Marketing consent bundled with other purposes',
    hint: 'Give marketing its own consent form (`separate: true`, a checkbox per channel) so the subject can refuse it and still use the service (ESP-2).',
  },
  ({ policy, report }) => {
    for (const purpose of policy.purposes.values()) {
      if (!purpose.marketing || purpose.basis !== 'consent') continue
      const forms = formsCovering(policy, purpose.id)
      const own = forms.some((form) => form.separate === true || form.purposes.every((p) => policy.purposes.get(p)?.marketing === true))
      if (forms.length === 0 || own) continue
      const others = [...new Set(forms.flatMap((form) => form.purposes).filter((p) => !policy.purposes.get(p)?.marketing))]
      report(
        purposePath(policy, purpose.id),
        `marketing purpose '${purpose.id}' is consented to only together with ${list(others)} (form ${list(forms.map((f) => f.id))}), so it cannot be refused alone`,
      )
    }
  },
)

/** ESP-2: service messages cannot be refused; marketing must be refusable — one purpose cannot be both. */
export const transactionalMarketing = defineRule(
  {
    id: 'transactional-marketing',
    article: 'art. 7(1)',
    severity: 'error',
    title: 'Purpose marked both transactional and marketing',
    hint: 'Split it: a transactional purpose for order and service messages (no opt-out) and a marketing purpose on consent.',
  },
  ({ policy, report }) => {
    for (const purpose of policy.purposes.values())
      if (purpose.marketing && purpose.transactional)
        report(purposePath(policy, purpose.id), `purpose '${purpose.id}' is marked transactional, which cannot be refused, and marketing, which needs consent`)
  },
)
