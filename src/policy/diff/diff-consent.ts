import {
  CONSENT_GIVER_LABELS, CONSENT_METHOD_LABELS, count, formatConsentTerm, formatCountry, joinWords, quote, t, WITHDRAWAL_BLOCKER_LABELS,
  WITHDRAWAL_CHANNEL_LABELS, WITHDRAWAL_CONSEQUENCE_LABELS,
} from '../render/index.ts'
import type { ConsentForm, Withdrawal } from '../schema/index.ts'
import { compareList, compareValue, entity, nameOf, pair, recordRemoved, recordSentence, same, yesNo, type DiffContext } from './diff-context.ts'

function crossBorder(ctx: DiffContext, value: ConsentForm['crossBorder']): string {
  if (!value) return t(ctx.lang, 'none')
  if (!value.allowed) return t(ctx.lang, 'no')
  return value.countries?.length ? joinWords(ctx.lang, value.countries.map((c) => formatCountry(ctx.lang, c))) : t(ctx.lang, 'yes')
}

/** Whether the new cross-border clause reaches further than the old one. */
function widensCrossBorder(old: ConsentForm['crossBorder'], now: ConsentForm['crossBorder']): boolean {
  if (!now?.allowed) return false
  if (!old?.allowed) return true
  if (!old.countries) return false
  return !now.countries || now.countries.some((c) => !old.countries?.includes(c))
}

/**
 * What subjects agreed to (art. 8(4)) moved: a new version of a form, or a
 * change of its text, purposes, data, term or transfers. A consent is tied to
 * the version shown (TTC-1.8), so a new version means those who consented to
 * the old one may need to consent again; a material change without a new
 * version is flagged the same way.
 */
function diffForm(ctx: DiffContext, old: ConsentForm, now: ConsentForm): void {
  const { lang } = ctx
  const title = now.title[lang]
  const bumped = now.version > old.version
  const form = (key: Parameters<typeof compareValue>[4], b: unknown, a: unknown, show: (v: never) => string, widened = false) =>
    compareValue(ctx, 'consent_forms', now.id, title, key, b, a, show, { reconsentNeeded: widened && !bumped })

  if (bumped) {
    const summary = t(lang, 'diffFormVersion', { entity: entity(ctx, 'consent_forms', title), before: old.version, after: now.version, form: quote(lang, title) })
    recordSentence(ctx, { area: 'consent_forms', id: now.id, field: 'version', before: String(old.version), after: String(now.version), reconsentNeeded: true }, summary)
  } else {
    form('version', old.version, now.version, String)
  }
  if (!same(old.text, now.text)) {
    const summary = bumped
      ? t(lang, 'diffTextChanged', { entity: entity(ctx, 'consent_forms', title) })
      : t(lang, 'diffFormTextWithoutVersion', { entity: entity(ctx, 'consent_forms', title), version: now.version })
    recordSentence(ctx, { area: 'consent_forms', id: now.id, field: 'text', before: old.text[lang], after: now.text[lang], reconsentNeeded: !bumped }, summary)
  }
  form('title', old.title[lang], now.title[lang], String)
  const widened = (added: readonly string[]) => ({ reconsentNeeded: added.length > 0 && !bumped })
  compareList(ctx, 'consent_forms', now.id, title, 'purposes', old.purposes, now.purposes, widened, nameOf(ctx, 'purposes'))
  compareList(ctx, 'consent_forms', now.id, title, 'items', old.items, now.items, widened, nameOf(ctx, 'items'))
  const term = (f: ConsentForm) => [f.term ? formatConsentTerm(lang, f.term) : undefined, f.termText?.[lang]].filter((s) => s !== undefined).join('. ') || undefined
  form('term', term(old), term(now), String, true)
  form('third_party_transfer', old.thirdPartyTransfer, now.thirdPartyTransfer, (v: boolean) => yesNo(ctx, v), now.thirdPartyTransfer === true && old.thirdPartyTransfer !== true)
  form('cross_border', crossBorder(ctx, old.crossBorder), crossBorder(ctx, now.crossBorder), String, widensCrossBorder(old.crossBorder, now.crossBorder))
  form('publication', old.publication, now.publication, (v: boolean) => yesNo(ctx, v), now.publication === true && old.publication !== true)
  compareList(ctx, 'consent_forms', now.id, title, 'methods', old.methods.map((m) => CONSENT_METHOD_LABELS[m][lang]), now.methods.map((m) => CONSENT_METHOD_LABELS[m][lang]))
  form('given_by', old.givenBy, now.givenBy, (g: NonNullable<typeof now.givenBy>) => CONSENT_GIVER_LABELS[g][lang])
  form('separate', old.separate ?? false, now.separate ?? false, (v: boolean) => yesNo(ctx, v))
  diffWithdrawal(ctx, now.id, title, old.withdrawal, now.withdrawal)
}

/** How a consent is withdrawn: channels, address, e-mail, notice period, blockers, consequences (art. 8(2), 8(7)). */
function diffWithdrawal(ctx: DiffContext, id: string, title: string, old: Withdrawal, now: Withdrawal): void {
  const { lang } = ctx
  const w = (key: Parameters<typeof compareValue>[4], b: unknown, a: unknown, show: (v: never) => string) => compareValue(ctx, 'withdrawal', id, title, key, b, a, show)
  const list = (key: Parameters<typeof compareList>[4], b: string[] | undefined, a: string[] | undefined) => compareList(ctx, 'withdrawal', id, title, key, b, a)
  list('channels', old.channels.map((c) => WITHDRAWAL_CHANNEL_LABELS[c][lang]), now.channels.map((c) => WITHDRAWAL_CHANNEL_LABELS[c][lang]))
  w('address', old.address?.[lang], now.address?.[lang], String)
  w('email', old.email, now.email, String)
  w('notice_period', old.noticeBusinessDays ?? 0, now.noticeBusinessDays ?? 0, (days: number) => count(lang, days, 'businessDay'))
  list('blocked_by', old.blockedBy?.map((b) => WITHDRAWAL_BLOCKER_LABELS[b][lang]), now.blockedBy?.map((b) => WITHDRAWAL_BLOCKER_LABELS[b][lang]))
  w('blocked_by', old.blockedByText?.[lang], now.blockedByText?.[lang], String)
  list('consequences', old.consequences?.map((c) => WITHDRAWAL_CONSEQUENCE_LABELS[c][lang]), now.consequences?.map((c) => WITHDRAWAL_CONSEQUENCE_LABELS[c][lang]))
  w('consequences', old.consequencesText?.[lang], now.consequencesText?.[lang], String)
}

/** Consent forms (newest version of each) added, removed or changed. */
export function diffConsentForms(ctx: DiffContext): void {
  const { lang, before, after } = ctx
  const forms = pair(before.consentForms.values(), after.consentForms.values())
  for (const form of forms.added) {
    // Subjects already processed for one of its purposes never gave this consent.
    const reconsentNeeded = form.purposes.some((id) => before.purposes.has(id))
    const summary = t(lang, 'diffNewForm', {
      entity: entity(ctx, 'consent_forms', form.title[lang]),
      version: form.version,
      purposes: joinWords(lang, form.purposes.map(nameOf(ctx, 'purposes'))),
    })
    recordSentence(ctx, { kind: 'added', area: 'consent_forms', id: form.id, after: String(form.version), reconsentNeeded }, summary)
  }
  for (const form of forms.removed) recordRemoved(ctx, 'consent_forms', form.id, form.title[lang], { before: String(form.version) })
  for (const [old, now] of forms.kept) diffForm(ctx, old, now)
}
