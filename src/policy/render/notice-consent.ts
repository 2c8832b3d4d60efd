import type { ConsentForm, Withdrawal } from '../schema/index.ts'
import type { Block, Cell, Section } from './document-model.ts'
import { compact } from './document-model.ts'
import { count, formatCountry, joinWords, t } from './format-text.ts'
import { describeDeadline, formatConsentTerm } from './format-terms.ts'
import {
  CONSENT_GIVER_LABELS, CONSENT_METHOD_LABELS, WITHDRAWAL_BLOCKER_LABELS, WITHDRAWAL_CHANNEL_LABELS, WITHDRAWAL_CONSEQUENCE_LABELS,
} from './messages/index.ts'
import { local, purposeName, type RenderContext } from './render-context.ts'

/**
 * What the form itself says about third-party transfer, cross-border transfer
 * and publication (art. 8(4)(4)–(6)). A field the form leaves out says nothing:
 * the renderer never supplies a statement the operator did not make.
 */
export function transferStatements(ctx: RenderContext, form: ConsentForm): string[] {
  const { lang } = ctx
  const crossBorder = form.crossBorder
  let crossBorderStatement: string | undefined
  if (crossBorder?.allowed && crossBorder.countries?.length)
    crossBorderStatement = t(lang, 'formCrossBorderTo', { countries: joinWords(lang, crossBorder.countries.map((c) => formatCountry(lang, c))) })
  else if (crossBorder) crossBorderStatement = t(lang, crossBorder.allowed ? 'formCrossBorderYes' : 'formCrossBorderNo')
  return compact([
    form.thirdPartyTransfer === undefined ? undefined : t(lang, form.thirdPartyTransfer ? 'formThirdPartyYes' : 'formThirdPartyNo'),
    crossBorderStatement,
    form.publication === undefined ? undefined : t(lang, form.publication ? 'formPublicationYes' : 'formPublicationNo'),
  ])
}

/** How to withdraw a consent: channels, address, e-mail, notice period, what blocks it and what follows (art. 8(2), 8(7); TTC-9.2, ESP App.1). */
export function withdrawalFacts(ctx: RenderContext, withdrawal: Withdrawal): (readonly [string, Cell])[] {
  const { lang } = ctx
  const deadline = ctx.policy.deadlines.get('withdraw_consent')
  const described = deadline ? describeDeadline(lang, deadline) : undefined
  const blockers = compact([
    ...(withdrawal.blockedBy ?? []).map((blocker) => WITHDRAWAL_BLOCKER_LABELS[blocker][lang]),
    withdrawal.blockedByText ? local(ctx, withdrawal.blockedByText) : undefined,
  ])
  const consequences = compact([
    ...(withdrawal.consequences ?? []).map((consequence) => WITHDRAWAL_CONSEQUENCE_LABELS[consequence][lang]),
    withdrawal.consequencesText ? local(ctx, withdrawal.consequencesText) : undefined,
  ])
  const rows: (readonly [string, Cell] | undefined)[] = [
    [t(lang, 'withdrawalChannels'), withdrawal.channels.map((channel) => WITHDRAWAL_CHANNEL_LABELS[channel][lang]).join(', ')],
    withdrawal.address ? [t(lang, 'withdrawalAddress'), local(ctx, withdrawal.address)] : undefined,
    withdrawal.email ? [t(lang, 'withdrawalEmail'), [{ href: `mailto:${withdrawal.email}`, text: withdrawal.email }]] : undefined,
    withdrawal.noticeBusinessDays
      ? [t(lang, 'withdrawalNoticeLabel'), t(lang, 'withdrawalNotice', { days: count(lang, withdrawal.noticeBusinessDays, 'businessDay') })]
      : undefined,
    blockers.length ? [t(lang, 'withdrawalBlockedBy'), { list: blockers }] : undefined,
    consequences.length ? [t(lang, 'withdrawalConsequences'), { list: consequences }] : undefined,
    described
      ? [t(lang, 'withdrawalDeadline'), t(lang, 'withdrawalDeadlineText', { deadline: described.value, source: described.inlineBasis })]
      : undefined,
  ]
  return compact(rows)
}

/** The consent's term (art. 8(4)(3)): the enum in words, followed by the original's own words when it has them (ESP App.1 §1). */
export function termOf(ctx: RenderContext, form: ConsentForm): string | undefined {
  const parts = compact([form.term ? formatConsentTerm(ctx.lang, form.term) : undefined, form.termText ? local(ctx, form.termText) : undefined])
  return parts.length ? parts.join('. ') : undefined
}

function formBlock(ctx: RenderContext, form: ConsentForm): Block {
  const { lang } = ctx
  const statements = transferStatements(ctx, form)
  const rows: (readonly [string, Cell] | undefined)[] = [
    [t(lang, 'formPurposes'), { list: form.purposes.map((id) => purposeName(ctx, id)) }],
    [t(lang, 'formMethods'), form.methods.map((method) => CONSENT_METHOD_LABELS[method][lang]).join(', ')],
    form.givenBy ? [t(lang, 'formGivenBy'), CONSENT_GIVER_LABELS[form.givenBy][lang]] : undefined,
    termOf(ctx, form) ? [t(lang, 'formTerm'), termOf(ctx, form) ?? ''] : undefined,
    statements.length ? [t(lang, 'formTransfers'), { list: statements }] : undefined,
  ]
  return {
    kind: 'subsection',
    id: `consent-${form.id}`,
    title: `${local(ctx, form.title)} (${t(lang, 'formVersion', { version: form.version })})`,
    blocks: compact<Block>([
      form.separate ? { kind: 'paragraph', content: t(lang, 'formSeparate') } : undefined,
      { kind: 'facts', rows: compact(rows) },
      { kind: 'subsection', id: `withdraw-${form.id}`, title: t(lang, 'withdrawalHeading'), blocks: [{ kind: 'facts', rows: withdrawalFacts(ctx, form.withdrawal) }] },
    ]),
  }
}

/** Consent forms (newest version of each) and how each is withdrawn. */
export function consentSection(ctx: RenderContext): Section {
  const forms = [...ctx.policy.consentForms.values()]
  return {
    id: 'consent',
    title: t(ctx.lang, 'sectionConsent'),
    blocks: forms.length
      ? [{ kind: 'paragraph', content: t(ctx.lang, 'consentIntro') }, ...forms.map((form) => formBlock(ctx, form))]
      : [{ kind: 'paragraph', content: t(ctx.lang, 'consentNone') }],
  }
}
