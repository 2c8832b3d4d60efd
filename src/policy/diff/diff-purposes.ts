import { CHANNEL_LABELS, CROSS_BORDER_GROUND_LABELS, formatCountry, LEGAL_BASIS_LABELS, RECIPIENT_ROLE_LABELS, t } from '../render/index.ts'
import type { Recipient } from '../schema/index.ts'
import { compareList, compareValue, entity, nameOf, pair, recordAdded, recordRemoved, recordSentence, yesNo, type ChangeFlags, type DiffContext } from './diff-context.ts'
import { diffPurposeRetention } from './diff-retention.ts'
import { inheritedItemChanges } from './inherited-items.ts'

/** Purposes added, removed, or changed in basis, data, channels, nature or retention. */
export function diffPurposes(ctx: DiffContext): void {
  const { lang, before, after } = ctx
  const fromCategories = inheritedItemChanges(ctx)
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
    compareList(ctx, 'purposes', now.id, name, 'categories', old.categories, now.categories, {}, nameOf(ctx, 'categories'))
    // Items that came or went with a category the purpose takes whole are told by the item's own change (inherited-items.ts).
    const inherited = fromCategories.filter((change) => change.purpose.id === now.id)
    const gained = new Set(inherited.filter((change) => change.gained).map((change) => change.itemId))
    const lost = new Set(inherited.filter((change) => !change.gained).map((change) => change.itemId))
    const oldItems = old.itemIds.filter((id) => !lost.has(id))
    const newItems = now.itemIds.filter((id) => !gained.has(id))
    // The consent lists the data it covers (art. 8(4)(7)); more data under consent means asking again.
    compareList(ctx, 'purposes', now.id, name, 'items', oldItems, newItems, (added) => ({ reconsentNeeded: now.basis === 'consent' && added.length > 0 }), nameOf(ctx, 'items'))
    compareList(ctx, 'purposes', now.id, name, 'subject_kinds', old.subjectKinds, now.subjectKinds, {}, nameOf(ctx, 'subjectKinds'))
    p('marketing', old.marketing ?? false, now.marketing ?? false, (v: boolean) => yesNo(ctx, v))
    p('transactional', old.transactional ?? false, now.transactional ?? false, (v: boolean) => yesNo(ctx, v))
    compareList(ctx, 'purposes', now.id, name, 'channels', old.channels?.map((c) => CHANNEL_LABELS[c][lang]), now.channels?.map((c) => CHANNEL_LABELS[c][lang]))
    p('anonymised', old.anonymised ?? false, now.anonymised ?? false, (v: boolean) => yesNo(ctx, v))
    p('research', old.research ?? false, now.research ?? false, (v: boolean) => yesNo(ctx, v))
    p('automated_decisions', old.automatedDecisions ?? false, now.automatedDecisions ?? false, (v: boolean) => yesNo(ctx, v))
    p('publication', old.publication ?? false, now.publication ?? false, (v: boolean) => yesNo(ctx, v), {
      reconsentNeeded: now.publication === true && old.publication !== true,
    })
    diffPurposeRetention(ctx, old, now)
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
    compareList(ctx, 'recipients', now.id, name, 'purposes', old.purposes, now.purposes, {}, nameOf(ctx, 'purposes'))
    compareList(ctx, 'recipients', now.id, name, 'categories', old.categories, now.categories, {}, nameOf(ctx, 'categories'))
    if (abroad(ctx, now.country))
      compareValue(ctx, 'recipients', now.id, name, 'cross_border_ground', old.crossBorderGround, now.crossBorderGround, (g: NonNullable<typeof now.crossBorderGround>) => CROSS_BORDER_GROUND_LABELS[g][lang], { crossBorder: true })
    const conditions = (r: Recipient) =>
      [r.onlyWhenRequiredByLaw && t(lang, 'recipientOnlyByLaw'), r.confidentialityBound && t(lang, 'recipientConfidential'), r.ownPolicy && t(lang, 'recipientOwnPolicy')].filter(
        (c): c is string => typeof c === 'string',
      )
    compareList(ctx, 'recipients', now.id, name, 'conditions', conditions(old), conditions(now))
  }
}
