import type { CompiledPolicy, CompiledPurpose } from '../compiled-policy.ts'
import {
  CHANNEL_LABELS, CROSS_BORDER_GROUND_LABELS, formatCountry, formatDuration, formatRetention, isZeroDuration, LEGAL_BASIS_LABELS,
  RECIPIENT_ROLE_LABELS, retentionAfter, t,
} from '../render/index.ts'
import type { LocalizedText, Recipient } from '../schema/index.ts'
import {
  compareList, compareValue, entity, pair, recordAdded, recordRemoved, recordSentence, same, yesNo, type ChangeFlags, type DiffContext,
} from './diff-context.ts'

function names(policy: CompiledPolicy, ids: readonly string[] | undefined, lang: DiffContext['lang'], from: 'items' | 'categories' | 'subjectKinds' | 'purposes'): string[] {
  return (ids ?? []).map((id) => {
    const found: { name: LocalizedText } | undefined = policy[from].get(id)
    return found ? found.name[lang] : id
  })
}

/**
 * "Marketing: kept 3 years → 5 years after the end of the relationship" when
 * only the period moved; the whole rule in words otherwise.
 */
function diffRetention(ctx: DiffContext, old: CompiledPurpose, now: CompiledPurpose): void {
  const { lang } = ctx
  const a = old.retentionRule
  const b = now.retentionRule
  const before = formatRetention(lang, a)
  const after = formatRetention(lang, b)
  if (before === after) return
  const name = now.name[lang]
  const onlyPeriod =
    same({ ...a, keep: null, id: null, name: null, clauses: null }, { ...b, keep: null, id: null, name: null, clauses: null }) &&
    a.keep !== 'unlimited' && b.keep !== 'unlimited' && !isZeroDuration(a.keep) && !isZeroDuration(b.keep)
  if (!onlyPeriod) {
    compareValue(ctx, 'purposes', now.id, name, 'retention', before, after, String)
    return
  }
  const summary = t(lang, 'diffRetentionKeep', {
    entity: entity(ctx, 'purposes', name),
    before: formatDuration(lang, a.keep),
    after: formatDuration(lang, b.keep),
    after_trigger: retentionAfter(lang, b.triggers),
  })
  recordSentence(ctx, { area: 'purposes', id: now.id, field: 'retention', before, after }, summary)
}

/** Purposes added, removed, or changed in basis, data, channels, nature or retention. */
export function diffPurposes(ctx: DiffContext): void {
  const { lang, before, after } = ctx
  const purposes = pair(before.purposes.values(), after.purposes.values())
  for (const purpose of purposes.added) recordAdded(ctx, 'purposes', purpose.id, purpose.name[lang], { after: LEGAL_BASIS_LABELS[purpose.basis][lang] })
  for (const purpose of purposes.removed) recordRemoved(ctx, 'purposes', purpose.id, purpose.name[lang])
  for (const [old, now] of purposes.kept) {
    const name = now.name[lang]
    const p = (key: Parameters<typeof compareValue>[4], b: unknown, a: unknown, show: (v: never) => string, flags?: ChangeFlags) =>
      compareValue(ctx, 'purposes', now.id, name, key, b, a, show, flags)
    p('name', old.name[lang], now.name[lang], String)
    // A purpose that now rests on consent needs the consent of everyone processed for it (art. 7).
    p('basis', old.basis, now.basis, (basis: typeof now.basis) => LEGAL_BASIS_LABELS[basis][lang], {
      reconsentNeeded: now.basis === 'consent' && old.basis !== 'consent',
    })
    p('basis_note', old.basisNote?.[lang], now.basisNote?.[lang], String)
    compareList(ctx, 'purposes', now.id, name, 'categories', names(before, old.categories, lang, 'categories'), names(after, now.categories, lang, 'categories'))
    // The consent lists the data it covers (art. 8(4)(7)); more data under consent means asking again.
    compareList(ctx, 'purposes', now.id, name, 'items', names(before, old.itemIds, lang, 'items'), names(after, now.itemIds, lang, 'items'), (added) => ({
      reconsentNeeded: now.basis === 'consent' && added.length > 0,
    }))
    compareList(ctx, 'purposes', now.id, name, 'subject_kinds', names(before, old.subjectKinds, lang, 'subjectKinds'), names(after, now.subjectKinds, lang, 'subjectKinds'))
    p('marketing', old.marketing ?? false, now.marketing ?? false, (v: boolean) => yesNo(ctx, v))
    p('transactional', old.transactional ?? false, now.transactional ?? false, (v: boolean) => yesNo(ctx, v))
    compareList(ctx, 'purposes', now.id, name, 'channels', old.channels?.map((c) => CHANNEL_LABELS[c][lang]), now.channels?.map((c) => CHANNEL_LABELS[c][lang]))
    p('anonymised', old.anonymised ?? false, now.anonymised ?? false, (v: boolean) => yesNo(ctx, v))
    p('research', old.research ?? false, now.research ?? false, (v: boolean) => yesNo(ctx, v))
    p('automated_decisions', old.automatedDecisions ?? false, now.automatedDecisions ?? false, (v: boolean) => yesNo(ctx, v))
    p('publication', old.publication ?? false, now.publication ?? false, (v: boolean) => yesNo(ctx, v), {
      reconsentNeeded: now.publication === true && old.publication !== true,
    })
    diffRetention(ctx, old, now)
  }
}

const abroad = (ctx: DiffContext, country: string) => country !== ctx.law.storageCountry

/**
 * Whether subjects already consented, under the old version, to what a
 * recipient now receives: a transfer abroad to its country (art. 7(6), 16) or a
 * transfer to a third party (art. 8(4)(4)). Grounds other than consent, and
 * state bodies receiving data only as a law requires, need no consent.
 */
function needsNewConsent(ctx: DiffContext, recipient: Recipient): boolean {
  const forms = [...ctx.before.consentForms.values()].filter((form) => form.purposes.some((id) => recipient.purposes.includes(id)))
  if (abroad(ctx, recipient.country)) {
    if (recipient.crossBorderGround && recipient.crossBorderGround !== 'consent') return false
    return !forms.some((form) => form.crossBorder?.allowed && (!form.crossBorder.countries || form.crossBorder.countries.includes(recipient.country)))
  }
  if (recipient.onlyWhenRequiredByLaw || recipient.role === 'state_body') return false
  const consentBased = recipient.purposes.some((id) => ctx.after.purposes.get(id)?.basis === 'consent')
  return consentBased && !forms.some((form) => form.thirdPartyTransfer === true)
}

/** Recipients added or removed, moved abroad or between countries (flagged), given new purposes or data. */
export function diffRecipients(ctx: DiffContext): void {
  const { lang, before, after } = ctx
  const ground = (recipient: Recipient) =>
    recipient.crossBorderGround ? CROSS_BORDER_GROUND_LABELS[recipient.crossBorderGround][lang] : t(lang, 'crossBorderNoGround')
  const recipients = pair(before.recipients.values(), after.recipients.values())

  for (const recipient of recipients.added) {
    const name = recipient.name[lang]
    const reconsentNeeded = needsNewConsent(ctx, recipient)
    if (abroad(ctx, recipient.country)) {
      const summary = t(lang, 'diffNewCrossBorder', {
        entity: entity(ctx, 'recipients', name),
        role: RECIPIENT_ROLE_LABELS[recipient.role][lang],
        country: formatCountry(lang, recipient.country),
        ground: ground(recipient),
      })
      recordSentence(ctx, { kind: 'added', area: 'recipients', id: recipient.id, after: formatCountry(lang, recipient.country), crossBorder: true, reconsentNeeded }, summary)
    } else {
      recordAdded(ctx, 'recipients', recipient.id, name, { after: formatCountry(lang, recipient.country), reconsentNeeded })
    }
  }
  for (const recipient of recipients.removed) recordRemoved(ctx, 'recipients', recipient.id, recipient.name[lang], { before: formatCountry(lang, recipient.country) })

  for (const [old, now] of recipients.kept) {
    const name = now.name[lang]
    compareValue(ctx, 'recipients', now.id, name, 'name', old.name[lang], now.name[lang], String)
    compareValue(ctx, 'recipients', now.id, name, 'role', old.role, now.role, (role: typeof now.role) => RECIPIENT_ROLE_LABELS[role][lang])
    if (old.country !== now.country && abroad(ctx, now.country)) {
      const summary = t(lang, 'diffCrossBorderCountry', {
        entity: entity(ctx, 'recipients', name),
        before: formatCountry(lang, old.country),
        after: formatCountry(lang, now.country),
        ground: ground(now),
      })
      const moved = { area: 'recipients', id: now.id, field: 'country', before: formatCountry(lang, old.country), after: formatCountry(lang, now.country) } as const
      recordSentence(ctx, { ...moved, crossBorder: true, reconsentNeeded: needsNewConsent(ctx, now) }, summary)
    } else {
      compareValue(ctx, 'recipients', now.id, name, 'country', old.country, now.country, (c: string) => formatCountry(lang, c))
    }
    compareList(ctx, 'recipients', now.id, name, 'purposes', names(before, old.purposes, lang, 'purposes'), names(after, now.purposes, lang, 'purposes'))
    compareList(ctx, 'recipients', now.id, name, 'categories', names(before, old.categories, lang, 'categories'), names(after, now.categories, lang, 'categories'))
    if (abroad(ctx, now.country))
      compareValue(ctx, 'recipients', now.id, name, 'cross_border_ground', old.crossBorderGround, now.crossBorderGround, (g: NonNullable<typeof now.crossBorderGround>) => CROSS_BORDER_GROUND_LABELS[g][lang], { crossBorder: true })
    const conditions = (r: Recipient) =>
      [r.onlyWhenRequiredByLaw && t(lang, 'recipientOnlyByLaw'), r.confidentialityBound && t(lang, 'recipientConfidential'), r.ownPolicy && t(lang, 'recipientOwnPolicy')].filter(
        (c): c is string => typeof c === 'string',
      )
    compareList(ctx, 'recipients', now.id, name, 'conditions', conditions(old), conditions(now))
  }
}
