import { DerbesError } from '../../errors/index.ts'
import { almatyDate } from '../../kz/index.ts'
import { subtractCalendarDuration } from './calendar-duration.ts'
import type { CompiledDecisionRules } from './compile-decision-rules.ts'

/** Who may be reached for a purpose (through a channel, to a country): the bulk form of a decision. */
export interface AudienceRequest {
  purpose: string
  channel?: string | undefined
  country?: string | undefined
  subjectKinds?: readonly string[] | undefined
}

/**
 * The decision rules of one purpose turned into SQL conditions — the same
 * rules `decide` applies to one subject, for every subject at once. Bulk has
 * no items and no recipient, so item limits, purpose locks and recipients do
 * not arise.
 */
export interface AudiencePlan {
  operatorId: string
  purposeId: string
  policyVersion: string
  /** Allowed subject kinds; null = every kind. */
  kinds: readonly string[] | null
  /** The purpose rests on consent (art. 7): a consent row in force, on the current form version, is required. */
  consentIsBasis: boolean
  /** A consent row is needed at all: the basis is consent, or the data goes abroad (art. 16). */
  needsConsent: boolean
  /** `exact`: only the channel's row (ESP-2 marketing); `fallback`: the channel's row, else the purpose's; `purpose`: the '' row. */
  channelMode: 'exact' | 'fallback' | 'purpose'
  channel: string
  /** Current version of each consent form: a row on an older version needs re-consent (TTC-1.8). */
  forms: readonly { formId: string; version: number }[]
  /** A foreign destination the consent row must list (art. 16); null at home. */
  country: string | null
  now: Date
  /** Today in Almaty: `minor_until` after it means a minor. */
  today: string
  /** Minors are not processed at all (TTC-10.4). */
  refuseMinors: boolean
  minorKinds: readonly string[]
  /** Relationship ended at or before this: retention has elapsed (art. 12(2), 18). */
  retentionCutoff: Date | null
}

const invalid = (pointer: string, detail: string) => new DerbesError('DERBES_VALIDATION', detail, [{ pointer, detail }])

/**
 * Plans an audience; a purpose, channel or kind the policy does not declare is
 * a 400 (nothing to stream), where a single decision would answer "deny".
 *
 * @example
 * const plan = planAudience(rules, { purpose: 'advertising', channel: 'sms' }, new Date())
 */
export function planAudience(rules: CompiledDecisionRules, request: AudienceRequest, now: Date): AudiencePlan {
  const p = rules.purposes.get(request.purpose)
  if (!p) throw invalid('/body/purpose', `the published policy declares no purpose '${request.purpose}'`)
  let channelMode: AudiencePlan['channelMode'] = 'purpose'
  if (p.channels !== null && request.channel !== undefined) {
    if (!p.channels.has(request.channel)) throw invalid('/body/channel', `purpose '${p.id}' declares the channels ${[...p.channels].join(', ')}`)
    channelMode = p.marketing ? 'exact' : 'fallback'
  } else if (p.channels !== null && p.marketing) {
    throw invalid('/body/channel', `'${p.id}' is marketing, consented per channel (ESP-2): name the channel`)
  }
  for (const kind of request.subjectKinds ?? []) {
    if (!rules.policy.subjectKinds.has(kind)) throw invalid('/body/subjectKinds', `the policy declares no subject kind '${kind}'`)
  }
  let kinds: string[] | null = request.subjectKinds ? [...request.subjectKinds] : null
  if (p.subjectKinds !== null) kinds = (kinds ?? [...p.subjectKinds]).filter((k) => p.subjectKinds!.has(k))
  const country = request.country !== undefined && request.country !== 'KZ' ? request.country : null
  const consentIsBasis = p.basis === 'consent'
  return {
    operatorId: rules.operatorId,
    purposeId: p.id,
    policyVersion: rules.versionId,
    kinds,
    consentIsBasis,
    needsConsent: consentIsBasis || country !== null,
    channelMode,
    channel: channelMode === 'purpose' ? '' : request.channel!,
    forms: [...rules.forms].map(([formId, form]) => ({ formId, version: form.version })),
    country,
    now,
    today: almatyDate(now),
    refuseMinors: rules.minorsRefused && p.basis !== 'legal_obligation',
    minorKinds: [...rules.minorKinds],
    retentionCutoff: p.retention ? new Date(subtractCalendarDuration(now.getTime(), p.retention.keep)) : null,
  }
}
