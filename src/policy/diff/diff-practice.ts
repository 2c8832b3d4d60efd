import {
  ACCESS_BASIS_LABELS, AGE_CONSENT_BY_LABELS, BREACH_EXCEPTION_LABELS, CORRECTIONS_FROM_LABELS, COOKIE_CATEGORY_LABELS, formatCountry,
  IDENTITY_PROOF_LABELS, PURPOSE_LOCK_OTHER_USE_LABELS, REQUEST_CHANNEL_LABELS, t, UNDER_AGE_ACTION_LABELS,
} from '../render/index.ts'
import type { PurposeLock } from '../schema/index.ts'
import { compareList, compareValue, entity, nameOf, pair, recordAdded, recordRemoved, recordSentence, type DiffContext } from './diff-context.ts'

/** Cookie categories and vendors; a vendor abroad is a cross-border transfer. */
export function diffCookies(ctx: DiffContext): void {
  const { lang } = ctx
  const old = ctx.before.document.cookies
  const now = ctx.after.document.cookies
  const yes = (v: boolean) => t(lang, v ? 'yes' : 'no')
  compareValue(ctx, 'cookies', 'banner', '', 'banner', old?.banner, now?.banner, yes)
  compareValue(ctx, 'cookies', 'changeable', '', 'changeable', old?.changeable, now?.changeable, yes)
  compareValue(ctx, 'cookies', 'personal-data', '', 'personal_data', old?.personalData, now?.personalData, yes)

  const categories = pair(old?.categories ?? [], now?.categories ?? [])
  for (const category of categories.added) recordAdded(ctx, 'cookies', category.id, category.name[lang])
  for (const category of categories.removed) recordRemoved(ctx, 'cookies', category.id, category.name[lang])
  for (const [was, is] of categories.kept)
    compareValue(ctx, 'cookies', is.id, is.name[lang], 'requires_consent', was.requiresConsent, is.requiresConsent, yes)

  const abroad = (country: string) => country !== ctx.law.storageCountry
  const vendors = pair(old?.vendors ?? [], now?.vendors ?? [])
  for (const vendor of vendors.added)
    recordAdded(ctx, 'cookies', vendor.id, `${vendor.name} (${formatCountry(lang, vendor.country)})`, {
      after: COOKIE_CATEGORY_LABELS[vendor.category][lang],
      crossBorder: abroad(vendor.country) || undefined,
    })
  for (const vendor of vendors.removed) recordRemoved(ctx, 'cookies', vendor.id, vendor.name, { before: COOKIE_CATEGORY_LABELS[vendor.category][lang] })
  for (const [was, is] of vendors.kept) {
    compareValue(ctx, 'cookies', is.id, is.name, 'country', was.country, is.country, (c: string) => formatCountry(lang, c), {
      crossBorder: abroad(is.country) || undefined,
    })
    compareValue(ctx, 'cookies', is.id, is.name, 'category', was.category, is.category, (c: typeof is.category) => COOKIE_CATEGORY_LABELS[c][lang])
  }
}

/** Age of majority, minimum age, under-age handling, who consents for a minor, purpose-locked data (KZK-3.16). */
export function diffAgeRules(ctx: DiffContext): void {
  const { lang } = ctx
  const old = ctx.before.document.ageRules
  const now = ctx.after.document.ageRules
  const a = (key: Parameters<typeof compareValue>[4], b: unknown, c: unknown, show: (v: never) => string) => compareValue(ctx, 'age_rules', key, '', key, b, c, show)
  a('adult_age', old.adultAge, now.adultAge, String)
  a('minimum_age', old.minimumAge, now.minimumAge, String)
  a('under_age', old.underAge, now.underAge, (v: typeof now.underAge) => UNDER_AGE_ACTION_LABELS[v][lang])
  a('restrict_access', old.restrictAccess ?? false, now.restrictAccess ?? false, (v: boolean) => t(lang, v ? 'yes' : 'no'))
  compareList(ctx, 'age_rules', 'consent_by', '', 'consent_by', old.consentBy?.map((w) => AGE_CONSENT_BY_LABELS[w][lang]), now.consentBy?.map((w) => AGE_CONSENT_BY_LABELS[w][lang]))
  // Both versions named alike, so renaming an item or a purpose is told where it happens, not again here.
  const lock = (l: PurposeLock) => {
    const items = l.items.map(nameOf(ctx, 'items')).join(', ')
    const purposes = l.purposes.map(nameOf(ctx, 'purposes')).join(', ')
    return `${items} → ${purposes} (${PURPOSE_LOCK_OTHER_USE_LABELS[l.otherUse][lang]})`
  }
  compareList(ctx, 'age_rules', 'purpose_locks', '', 'purpose_lock', old.purposeLocks?.map(lock), now.purposeLocks?.map(lock))
}

/** Request handling (ESP-9), staff access (TTC-7.2), breach notices (KZK-6) and the notice's free sections. */
export function diffPractice(ctx: DiffContext): void {
  const { lang } = ctx
  const before = ctx.before.document
  const after = ctx.after.document
  const yes = (v: boolean) => t(lang, v ? 'yes' : 'no')

  const r0 = before.requests
  const r1 = after.requests
  const channels = (list: readonly (keyof typeof REQUEST_CHANNEL_LABELS)[] | undefined) => list?.map((c) => REQUEST_CHANNEL_LABELS[c][lang])
  compareList(ctx, 'requests', 'channels', '', 'channels', channels(r0?.channels), channels(r1?.channels))
  compareList(ctx, 'requests', 'identity_proof', '', 'identity_proof', r0?.identityProof?.map((p) => IDENTITY_PROOF_LABELS[p][lang]), r1?.identityProof?.map((p) => IDENTITY_PROOF_LABELS[p][lang]))
  compareList(ctx, 'requests', 'answer_channels', '', 'answer_channels', channels(r0?.answerChannels), channels(r1?.answerChannels))
  compareValue(ctx, 'requests', 'free', '', 'free', r0?.free, r1?.free, yes)
  compareList(ctx, 'requests', 'corrections_from', '', 'corrections_from', r0?.correctionsFrom?.map((w) => CORRECTIONS_FROM_LABELS[w][lang]), r1?.correctionsFrom?.map((w) => CORRECTIONS_FROM_LABELS[w][lang]))
  compareValue(ctx, 'requests', 'notify_recipients', '', 'notify_recipients', r0?.notifyRecipients, r1?.notifyRecipients, yes)

  compareList(ctx, 'access', 'bases', '', 'bases', before.access.bases.map((b) => ACCESS_BASIS_LABELS[b][lang]), after.access.bases.map((b) => ACCESS_BASIS_LABELS[b][lang]))
  compareList(ctx, 'access', 'roles', '', 'roles', before.access.roles.map((r) => r.name[lang]), after.access.roles.map((r) => r.name[lang]))
  compareValue(ctx, 'access', 'minimum_necessary', '', 'minimum_necessary', before.access.minimumNecessary, after.access.minimumNecessary, yes)
  compareValue(ctx, 'access', 'monitored', '', 'monitored', before.access.monitored, after.access.monitored, yes)

  compareValue(ctx, 'breach', 'notify_subjects', '', 'notify_subjects', before.breach?.notifySubjects, after.breach?.notifySubjects, yes)
  compareList(ctx, 'breach', 'exceptions', '', 'exceptions', before.breach?.exceptions?.map((e) => BREACH_EXCEPTION_LABELS[e][lang]), after.breach?.exceptions?.map((e) => BREACH_EXCEPTION_LABELS[e][lang]))

  // Free sections have no id: they are matched by their title in the summary's language.
  const sections = (list: typeof before.notice) => (list ?? []).map((s) => ({ id: s.title[lang], body: s.body[lang] }))
  const notice = pair(sections(before.notice), sections(after.notice))
  for (const section of notice.added) recordAdded(ctx, 'notice', section.id, section.id, { after: section.body })
  for (const section of notice.removed) recordRemoved(ctx, 'notice', section.id, section.id, { before: section.body })
  for (const [was, is] of notice.kept) {
    if (was.body === is.body) continue
    const summary = t(lang, 'diffTextChanged', { entity: entity(ctx, 'notice', is.id) })
    recordSentence(ctx, { area: 'notice', id: is.id, field: 'body', before: was.body, after: is.body }, summary)
  }
}
