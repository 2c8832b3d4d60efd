import { consentTextHash, isPerChannel, readConsentState } from '../consent/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import type { CompiledPolicy, ConsentForm, Language } from '../policy/index.ts'
import { CONSENT_METHOD_LABELS, WITHDRAWAL_CHANNEL_LABELS, type Localized } from '../policy/render/index.ts'
import { getSubject } from '../subjects/index.ts'
import type { ActingFor } from './acting-for.ts'
import type { PortalDeps } from './portal-deps.ts'

/** The ways the portal itself can record a consent: the subject, signed in, ticks the box or submits the form (TTC-1.6, ESP-2). */
export const PORTAL_CONSENT_METHODS = ['checkbox', 'form_submission'] as const

/** One purpose (and, for marketing by channel, one channel) and where its consent stands. */
export interface PortalConsentRow {
  purposeId: string
  purposeName: Localized
  /** '' unless the purpose is consented per channel (ESP-2, TTC-9.4). */
  channel: string
  /** `not_given` when the subject never consented on any form. */
  status: 'given' | 'refused' | 'withdrawn' | 'withdrawal_pending' | 'expired' | 'not_given'
  /** The form the current state came from, when there is one. */
  formId: string | null
  formVersion: number | null
  /** The ledger event the current state came from: its signed receipt is `…/portal/consents/receipts/{eventId}.pdf`. */
  eventId: string | null
  givenAt: string | null
  expiresAt: string | null
  withdrawalEffectiveAt: string | null
  byRepresentative: boolean
  /** The forms of the published policy this purpose can be consented on, for this subject's kind. */
  forms: string[]
}

/** A consent form as the portal shows it, its text in the chosen language. */
export interface PortalConsentForm {
  formId: string
  version: number
  title: string
  text: string
  language: Language
  /** SHA-256 of the text shown: sent back when giving, so the consent binds to exactly this text (TTC-1.8). */
  textHash: string
  purposes: string[]
  /** Whether the portal can record it (a ticked box or a submitted form). */
  givenOnline: boolean
  methods: { method: string; label: Localized }[]
  /** Whether the portal is one of the form's withdrawal channels; if not, the channels and address say how. */
  withdrawnOnline: boolean
  withdrawalChannels: { channel: string; label: Localized }[]
  withdrawalAddress: Localized | null
  withdrawalEmail: string | null
}

export interface PortalConsents {
  subjectId: string
  language: Language
  consents: PortalConsentRow[]
  forms: PortalConsentForm[]
}

const named = (id: string, name: Localized | undefined): Localized => name ?? { kk: id, ru: id, en: id }

/** The forms of the published policy a subject of `kind` consents on. */
export function formsFor(policy: CompiledPolicy, kind: string): ConsentForm[] {
  return [...policy.consentForms.values()].filter((f) => !f.subjectKinds || f.subjectKinds.includes(kind))
}

/** Whether the portal can record consent on the form, and how. */
export function portalMethod(form: ConsentForm): (typeof PORTAL_CONSENT_METHODS)[number] | undefined {
  return PORTAL_CONSENT_METHODS.find((m) => form.methods.includes(m))
}

function formView(form: ConsentForm, language: Language): PortalConsentForm {
  return {
    formId: form.id,
    version: form.version,
    title: form.title[language],
    text: form.text[language],
    language,
    textHash: consentTextHash(form, language),
    purposes: [...form.purposes],
    givenOnline: portalMethod(form) !== undefined,
    methods: form.methods.map((method) => ({ method, label: CONSENT_METHOD_LABELS[method] })),
    withdrawnOnline: form.withdrawal.channels.includes('portal'),
    withdrawalChannels: form.withdrawal.channels.map((channel) => ({ channel, label: WITHDRAWAL_CHANNEL_LABELS[channel] })),
    withdrawalAddress: form.withdrawal.address ?? null,
    withdrawalEmail: form.withdrawal.email ?? null,
  }
}

/**
 * The subject's consents as the portal shows them: for every purpose its
 * forms ask consent for (per channel for marketing by channel, ESP-2), the
 * current state from the ledger's projection, and each form with its text in
 * the chosen language, whether the portal can give it, and how it is
 * withdrawn — by the portal, or by the channels the form names (TTC-9.2:
 * registered letter or courier).
 *
 * @example
 * const { consents, forms } = await listPortalConsents(deps, 'esp', { subjectId, representative: null }, 'ru')
 */
export async function listPortalConsents(deps: PortalDeps, operatorId: string, target: ActingFor, language: Language): Promise<PortalConsents> {
  const { compiled: policy } = await getPublishedVersion(deps, operatorId)
  const subject = await getSubject(deps, operatorId, target.subjectId)
  const forms = formsFor(policy, subject.kind)
  const state = await readConsentState(deps.db, operatorId, target.subjectId)
  const rows = new Map<string, PortalConsentRow>()
  const key = (purposeId: string, channel: string) => `${purposeId}\u0000${channel}`
  for (const form of forms) {
    for (const purposeId of form.purposes) {
      const purpose = policy.purposes.get(purposeId)
      if (purpose?.basis !== 'consent' || purpose.transactional) continue
      for (const channel of isPerChannel(purpose) ? purpose.channels! : ['']) {
        const existing = rows.get(key(purposeId, channel))
        if (existing) {
          existing.forms.push(form.id)
          continue
        }
        rows.set(key(purposeId, channel), {
          purposeId, purposeName: named(purposeId, purpose.name), channel, status: 'not_given', formId: null, formVersion: null, eventId: null,
          givenAt: null, expiresAt: null, withdrawalEffectiveAt: null, byRepresentative: false, forms: [form.id],
        })
      }
    }
  }
  for (const s of state) {
    // A state row outside today's forms (a form since dropped) is still the subject's consent: shown all the same.
    const forms = rows.get(key(s.purposeId, s.channel))?.forms ?? []
    rows.set(key(s.purposeId, s.channel), {
      purposeId: s.purposeId,
      purposeName: named(s.purposeId, policy.purposes.get(s.purposeId)?.name),
      channel: s.channel,
      status: s.status,
      formId: s.formId,
      formVersion: s.formVersion,
      eventId: s.eventId,
      givenAt: s.givenAt ? new Date(s.givenAt).toISOString() : null,
      expiresAt: s.expiresAt ? new Date(s.expiresAt).toISOString() : null,
      withdrawalEffectiveAt: s.withdrawalEffectiveAt ? new Date(s.withdrawalEffectiveAt).toISOString() : null,
      byRepresentative: s.byRepresentative,
      forms,
    })
  }
  return {
    subjectId: target.subjectId,
    language,
    consents: [...rows.values()].sort((a, b) => a.purposeId.localeCompare(b.purposeId) || a.channel.localeCompare(b.channel)),
    forms: forms.map((f) => formView(f, language)),
  }
}
