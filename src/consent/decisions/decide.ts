import type { CompiledPolicy } from '../../policy/index.ts'
import { subtractCalendarDuration } from './calendar-duration.ts'
import { decisionRulesFor, type CompiledDecisionRules, type PurposeRules, type RecipientRules } from './compile-decision-rules.ts'
import { consentReason, formOutdated, reason, statusReason } from './decision-reason-builders.ts'
import type { Decision, DecisionReason, DecisionRequest, SubjectFacts } from './decision-types.ts'
import { consentStanding, selectConsent } from './select-consent.ts'

/** Data stays home in Kazakhstan; any other destination is a cross-border transfer (art. 16). */
const HOME_COUNTRY = 'KZ'
/** A recipient whose country the policy cannot fix (PS-4.7 domain registries): a consent listing 'ZZ' covers wherever it is. */
const UNSPECIFIED_COUNTRY = 'ZZ'

function push(list: DecisionReason[] | null, item: DecisionReason): DecisionReason[] {
  if (list === null) return [item]
  list.push(item)
  return list
}

/**
 * May this operator process these items of this subject for this purpose
 * (through this channel, to this recipient in this country) at `now`?
 * Pure: the answer depends only on the arguments. It collects EVERY reason
 * to deny, each with its article and the policy's clauses, and on the allow
 * path returns a result built once per purpose — no allocation at all.
 *
 * @example
 * const decision = decide(compiled, facts, { subjectId: 's-1', purpose: 'advertising', channel: 'sms' }, new Date())
 * if (!decision.allow) console.log(decision.reasons.map((r) => `${r.code} (${r.clause})`))
 */
export function decide(policy: CompiledPolicy, facts: SubjectFacts | undefined, request: DecisionRequest, now: Date): Decision {
  return decideWith(decisionRulesFor(policy), facts, request, now.getTime())
}

/** {@link decide} on rules already compiled, at an instant in epoch milliseconds — what the warm projection calls. */
export function decideWith(rules: CompiledDecisionRules, facts: SubjectFacts | undefined, request: DecisionRequest, nowMs: number): Decision {
  let reasons: DecisionReason[] | null = null
  const p = rules.purposes.get(request.purpose)
  if (p === undefined) reasons = push(reasons, reason('purpose.unknown', undefined, { purpose: request.purpose }))
  if (facts === undefined) reasons = push(reasons, reason('subject.unknown'))
  else if (facts.status !== 'active') reasons = push(reasons, statusReason(facts.status))
  if (facts !== undefined && p !== undefined && p.subjectKinds !== null && !p.subjectKinds.has(facts.kind)) {
    reasons = push(reasons, reason('subject.kind_outside_purpose', p.clauses, { kind: facts.kind }))
  }

  const items = request.items
  if (items !== undefined) reasons = checkItems(rules, p, items, reasons)

  // Channel: marketing with declared channels is consented per channel (ESP-2).
  let channel = ''
  if (p !== undefined && p.channels !== null) {
    if (request.channel !== undefined) {
      if (p.channels.has(request.channel)) channel = request.channel
      else reasons = push(reasons, reason('channel.outside_purpose', p.clauses, { channel: request.channel }))
    } else if (p.marketing) reasons = push(reasons, reason('channel.required', p.clauses))
  }
  const channelUnknown = p !== undefined && p.marketing && p.channels !== null && channel === ''

  // The consent row matters for a consent basis, a transfer, or a lock; a contract's service message skips the search.
  const needsConsent = p !== undefined && (p.basis === 'consent' || request.recipient !== undefined || request.country !== undefined || (items !== undefined && rules.locks.length > 0))
  const row = facts !== undefined && needsConsent ? selectConsent(facts.consents, p, channel) : undefined
  const standing = consentStanding(row, nowMs)
  const inForce = standing === 'given'
  if (facts !== undefined && p !== undefined && p.basis === 'consent' && !channelUnknown) {
    if (!inForce) reasons = push(reasons, consentReason(rules, p, row, standing, channel))
    else {
      const form = rules.forms.get(row!.formId)
      if (form === undefined || row!.formVersion < form.version) reasons = push(reasons, formOutdated(rules, row!, form))
    }
  }

  if (facts !== undefined && p !== undefined && (p.basis === 'consent' || rules.minorsRefused)) {
    const minor = rules.minorKinds.has(facts.kind) || (facts.minorUntil !== null && facts.minorUntil > nowMs)
    if (minor && rules.minorsRefused && p.basis !== 'legal_obligation') reasons = push(reasons, reason('subject.under_age', rules.ageClauses))
    else if ((minor || facts.legalCapacity !== 'full') && p.basis === 'consent' && inForce && !row!.byRepresentative) {
      // KZK-1.13, TW-4.1: a parent or legal representative consents for a minor or an incapable person.
      reasons = push(reasons, reason('consent.representative_required', rules.ageClauses))
    }
  }

  // A legal obligation is its own ground (art. 9); the locks bound what consent may open (KZK-3.16, 3.17).
  if (items !== undefined && rules.locks.length > 0 && (p === undefined || p.basis !== 'legal_obligation')) {
    for (const lock of rules.locks) {
      if (lock.purposes.has(request.purpose)) continue
      if (lock.subjectKinds !== null && (facts === undefined || !lock.subjectKinds.has(facts.kind))) continue
      if (!anyIn(items, lock.itemIds)) continue
      if (lock.otherUse === 'additional_parental_consent' && p !== undefined && inForce && row!.byRepresentative && lock.additionalForms.get(p.id)?.has(row!.formId)) continue
      reasons = push(reasons, reason('biometrics.purpose_locked', lock.clauses, { items: items.filter((i) => lock.itemIds.has(i)) }))
    }
  }

  let recipient: RecipientRules | undefined
  if (request.recipient !== undefined) {
    recipient = rules.recipients.get(request.recipient)
    if (recipient === undefined) reasons = push(reasons, reason('recipient.unknown', undefined, { recipient: request.recipient }))
    else reasons = checkRecipient(rules, p, recipient, items, inForce ? row!.formId : undefined, reasons)
  }

  const country = request.country ?? recipient?.country
  if (country !== undefined && country !== HOME_COUNTRY) {
    const ground = recipient?.crossBorderGround
    // Art. 16: abroad only with consent, unless the recipient rests on another ground the policy records.
    if (ground === undefined || ground === 'consent') {
      const covered =
        inForce && (row!.countries.includes(country) || (recipient?.country === UNSPECIFIED_COUNTRY && row!.countries.includes(UNSPECIFIED_COUNTRY)))
      if (!covered) reasons = push(reasons, reason('transfer.cross_border_not_consented', recipient?.clauses ?? p?.clauses, { country }))
    }
  }

  if (facts !== undefined && p !== undefined && p.retention !== null && facts.relationshipEndedAt !== null) {
    // Art. 12(2), 18: kept only for the term the policy sets after the relationship ends (TTC-6.4: 10 years).
    if (facts.relationshipEndedAt <= subtractCalendarDuration(nowMs, p.retention.keep)) {
      reasons = push(reasons, reason('retention.elapsed', p.retention.clauses, { keep: p.retention.keepText }))
    }
  }

  if (reasons === null) return p!.allow
  return { allow: false, basis: p?.basis ?? null, reasons }
}

function anyIn(items: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < items.length; i++) if (set.has(items[i]!)) return true
  return false
}

function allIn(items: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < items.length; i++) if (!set.has(items[i]!)) return false
  return true
}

function checkItems(rules: CompiledDecisionRules, p: PurposeRules | undefined, items: readonly string[], reasons: DecisionReason[] | null) {
  let unknown: string[] | null = null
  let outside: string[] | null = null
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    if (!rules.itemCategory.has(item)) (unknown ??= []).push(item)
    else if (p !== undefined && !p.itemIds.has(item)) (outside ??= []).push(item)
  }
  if (unknown !== null) reasons = push(reasons, reason('items.unknown', undefined, { items: unknown }))
  // Art. 7(9): no excess data; TTC-6.1 purpose limitation.
  if (outside !== null) reasons = push(reasons, reason('items.outside_purpose', p!.clauses, { items: outside }))
  return reasons
}

function checkRecipient(
  rules: CompiledDecisionRules,
  p: PurposeRules | undefined,
  recipient: RecipientRules,
  items: readonly string[] | undefined,
  consentFormId: string | undefined,
  reasons: DecisionReason[] | null,
) {
  if (p !== undefined && !recipient.purposes.has(p.id)) reasons = push(reasons, reason('recipient.outside_purpose', recipient.clauses, { recipient: recipient.id }))
  if (recipient.itemIds !== null && items !== undefined) {
    const itemIds = recipient.itemIds
    if (!allIn(items, itemIds)) reasons = push(reasons, reason('recipient.items_outside', recipient.clauses, { items: items.filter((i) => !itemIds.has(i)) }))
  }
  // Art. 7(6), 8(4)(4): a consent that says "no third parties" does not cover a partner; a processor acts for the operator.
  if (p !== undefined && p.basis === 'consent' && consentFormId !== undefined && recipient.role !== 'processor' && recipient.role !== 'state_body') {
    const form = rules.forms.get(consentFormId)
    if (form !== undefined && form.thirdPartyTransfer === false) reasons = push(reasons, reason('transfer.third_party_not_consented', form.clauses, { recipient: recipient.id }))
  }
  return reasons
}
