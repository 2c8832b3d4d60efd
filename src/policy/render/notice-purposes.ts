import type { CompiledPurpose } from '../compiled-policy.ts'
import type { Block, Cell, Rich, Section, TableRow } from './document-model.ts'
import { compact } from './document-model.ts'
import { formatCountry, joinWords, t } from './format-text.ts'
import { formatRetention } from './format-terms.ts'
import { CHANNEL_LABELS, LEGAL_BASIS_LABELS, RECIPIENT_ROLE_LABELS } from './messages/index.ts'
import { purposeAnchor, purposeNumbers } from './purpose-refs.ts'
import { categoryName, crossBorderText, isCrossBorder, itemName, local, purposeName, recipientInline, subjectKindName, type RenderContext } from './render-context.ts'

function purposeBlock(ctx: RenderContext, purpose: CompiledPurpose, ordinal: number): Block {
  const { lang, policy } = ctx
  const basis: Rich = purpose.basisNote
    ? `${LEGAL_BASIS_LABELS[purpose.basis][lang]} — ${local(ctx, purpose.basisNote)}`
    : LEGAL_BASIS_LABELS[purpose.basis][lang]
  const categories = purpose.categories.map((id) => categoryName(ctx, id)).join(', ')
  const data = purpose.items ? `${categories} (${t(lang, 'purposeOnlyItems', { items: purpose.items.map((id) => itemName(ctx, id)).join(', ') })})` : categories
  const messages = compact([purpose.marketing ? t(lang, 'purposeMarketing') : undefined, purpose.transactional ? t(lang, 'purposeTransactional') : undefined])
  const notes = compact([
    purpose.anonymised ? t(lang, 'purposeAnonymised') : undefined,
    purpose.research ? t(lang, 'purposeResearch') : undefined,
    purpose.automatedDecisions ? t(lang, 'purposeAutomated') : undefined,
    purpose.publication ? t(lang, 'purposePublication') : undefined,
  ])
  const forms = [...policy.consentForms.values()].filter((form) => form.purposes.includes(purpose.id))
  const recipients = purpose.recipientIds.flatMap((id) => {
    const recipient = policy.recipients.get(id)
    return recipient ? [recipientInline(ctx, recipient)] : []
  })
  const rows: (readonly [string, Cell] | undefined)[] = [
    [t(lang, 'purposeBasis'), basis],
    [t(lang, 'purposeData'), data],
    purpose.subjectKinds?.length ? [t(lang, 'purposeSubjects'), purpose.subjectKinds.map((id) => subjectKindName(ctx, id)).join(', ')] : undefined,
    messages.length ? [t(lang, 'purposeMessages'), { list: messages }] : undefined,
    purpose.channels?.length ? [t(lang, 'purposeChannels'), purpose.channels.map((c) => CHANNEL_LABELS[c][lang]).join(', ')] : undefined,
    notes.length ? [t(lang, 'purposeNotes'), { list: notes }] : undefined,
    forms.length
      ? [t(lang, 'purposeConsentForms'), { list: forms.map((form) => `${local(ctx, form.title)} (${t(lang, 'formVersion', { version: form.version })})`) }]
      : undefined,
    recipients.length ? [t(lang, 'purposeRecipients'), { list: recipients }] : undefined,
    [t(lang, 'purposeRetention'), formatRetention(lang, purpose.retentionRule)],
  ]
  const blocks: Block[] = compact<Block>([
    purpose.description ? { kind: 'paragraph', content: local(ctx, purpose.description) } : undefined,
    { kind: 'facts', rows: compact(rows) },
  ])
  // The number is how the list (Тізбе) cites the purpose; the id is where its HTML links land.
  return { kind: 'subsection', id: purposeAnchor(purpose.id), title: `${ordinal}. ${local(ctx, purpose.name)}`, blocks }
}

/** Every purpose, numbered, with its legal basis, data, channels, marketing or service nature, recipients and retention (TTC-4.1, ESP-2). */
export function purposesSection(ctx: RenderContext): Section {
  const numbers = purposeNumbers(ctx.policy)
  return {
    id: 'purposes',
    title: t(ctx.lang, 'sectionPurposes'),
    blocks: [...ctx.policy.purposes.values()].map((purpose) => purposeBlock(ctx, purpose, numbers.get(purpose.id) ?? 0)),
  }
}

/** Recipients with role, country and purposes; cross-border transfers highlighted with the country and the ground (art. 16). */
export function recipientsSection(ctx: RenderContext): Section {
  const { lang, policy } = ctx
  const recipients = policy.document.recipients
  const title = t(lang, 'sectionRecipients')
  if (recipients.length === 0) return { id: 'recipients', title, blocks: [{ kind: 'paragraph', content: t(lang, 'recipientsNone') }] }

  const rows = recipients.map((recipient): TableRow => {
    const abroad = isCrossBorder(ctx, recipient.country)
    const conditions = compact([
      recipient.onlyWhenRequiredByLaw ? t(lang, 'recipientOnlyByLaw') : undefined,
      recipient.confidentialityBound ? t(lang, 'recipientConfidential') : undefined,
      recipient.ownPolicy ? t(lang, 'recipientOwnPolicy') : undefined,
      recipient.note ? local(ctx, recipient.note) : undefined,
    ])
    return {
      header: local(ctx, recipient.name),
      tone: abroad ? 'warning' : undefined,
      cells: [
        RECIPIENT_ROLE_LABELS[recipient.role][lang],
        abroad ? [{ strong: crossBorderText(ctx, recipient), tone: 'warning' }] : formatCountry(lang, recipient.country),
        { list: recipient.purposes.map((id) => purposeName(ctx, id)) },
        recipient.categories?.length ? { list: recipient.categories.map((id) => categoryName(ctx, id)) } : t(lang, 'recipientAllCategories'),
        conditions.length ? { list: conditions } : t(lang, 'none'),
      ],
    }
  })
  const anyAbroad = recipients.some((recipient) => isCrossBorder(ctx, recipient.country))
  const blocks: Block[] = compact<Block>([
    { kind: 'paragraph', content: t(lang, 'recipientsIntro') },
    anyAbroad ? { kind: 'note', content: t(lang, 'crossBorderNote') } : undefined,
    {
      kind: 'table',
      caption: t(lang, 'recipientsCaption'),
      columns: [t(lang, 'columnRecipient'), t(lang, 'columnRole'), t(lang, 'columnCountry'), t(lang, 'columnPurposes'), t(lang, 'columnData'), t(lang, 'columnConditions')],
      groups: [{ rows }],
    },
  ])
  return { id: 'recipients', title, blocks }
}

/** Retention rules in words (art. 12(2), 18; TTC-6.4, TW-9.8). */
export function retentionSection(ctx: RenderContext): Section {
  const { lang, policy } = ctx
  const purposes = [...policy.purposes.values()]
  const rows = policy.document.retention.map(
    (rule): TableRow => {
      const using = purposes.filter((purpose) => purpose.retention === rule.id).map((purpose) => local(ctx, purpose.name))
      // A rule bound to categories applies in every purpose that processes them (TTC-4.1.11): name the categories.
      const bound = (rule.categories ?? []).map((id) => categoryName(ctx, id))
      if (bound.length) using.push(t(lang, 'retentionCategories', { categories: joinWords(lang, bound) }))
      return { header: local(ctx, rule.name), cells: [formatRetention(lang, rule), using.length ? { list: using } : t(lang, 'none')] }
    },
  )
  return {
    id: 'retention',
    title: t(lang, 'sectionRetention'),
    blocks: [
      { kind: 'paragraph', content: t(lang, 'retentionIntro') },
      { kind: 'table', caption: t(lang, 'retentionCaption'), columns: [t(lang, 'columnRule'), t(lang, 'columnTerm'), t(lang, 'columnPurposes')], groups: [{ rows }] },
    ],
  }
}
