import { DerbesError } from '../../errors/index.ts'
import type { CompiledPolicy } from '../compiled-policy.ts'
import { LAW_94V } from '../law-profile.ts'
import type { ConsentForm, Language } from '../schema/index.ts'
import { compact, type Block, type RenderedDocument, type Section } from './document-model.ts'
import { t } from './format-text.ts'
import { termOf, transferStatements, withdrawalFacts } from './notice-consent.ts'
import type { RenderFormat, RenderOptions } from './render-notice.ts'
import { categoryName, itemName, local, purposeName, type RenderContext } from './render-context.ts'
import { FORM_CSS } from './styles.ts'
import { toHtml } from './to-html.ts'
import { toMarkdown } from './to-markdown.ts'

export interface ConsentFormOptions extends RenderOptions {
  /** An earlier version of the form still in the document; the newest by default. */
  version?: number
}

/** The data a form covers, by category: its own `items`, else every item of its purposes (art. 8(4)(7)). */
function formData(ctx: RenderContext, form: ConsentForm): string[] {
  const ids = new Set(form.items ?? form.purposes.flatMap((id) => ctx.policy.purposes.get(id)?.itemIds ?? []))
  return ctx.policy.document.categories.flatMap((category) => {
    const items = category.items.filter((item) => ids.has(item.id)).map((item) => itemName(ctx, item.id))
    return items.length ? [`${categoryName(ctx, category.id)}: ${items.join(', ')}`] : []
  })
}

function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => ({ kind: 'paragraph', content: paragraph }))
}

/** Who signs: the subject, or a legal representative for a minor or incapable person (art. 8, Civil Code art. 22). */
function signatorySections(ctx: RenderContext, form: ConsentForm): Section[] {
  const { lang } = ctx
  const person = [t(lang, 'fieldFullName'), t(lang, 'fieldIin'), t(lang, 'fieldIdDocument')]
  const representative: Section = {
    id: 'representative',
    title: t(lang, 'formRepresentative'),
    blocks: [{ kind: 'fields', fields: [...person, t(lang, 'fieldRepresentationGround')] }],
  }
  if (form.givenBy === 'legal_representative')
    return [
      { id: 'subject', title: t(lang, 'formSubjectMinor'), blocks: [{ kind: 'fields', fields: [t(lang, 'fieldFullName'), t(lang, 'fieldIin')] }] },
      representative,
    ]
  const subject: Section = { id: 'subject', title: t(lang, 'formSubject'), blocks: [{ kind: 'fields', fields: person }] }
  return form.givenBy === 'either' ? [subject, representative] : [subject]
}

/** The printable consent form as a document model. */
export function buildConsentForm(policy: CompiledPolicy, formId: string, lang: Language, options: ConsentFormOptions = {}): RenderedDocument {
  const form =
    options.version === undefined
      ? policy.consentForms.get(formId)
      : policy.document.consentForms.find((candidate) => candidate.id === formId && candidate.version === options.version)
  if (!form) {
    const which = options.version === undefined ? `'${formId}'` : `'${formId}' version ${options.version}`
    throw new DerbesError('DERBES_NOT_FOUND', `policy ${policy.versionId} of operator '${policy.operatorId}' has no consent form ${which}`)
  }
  const ctx: RenderContext = { policy, lang, law: options.law ?? LAW_94V }
  const operator = policy.document.operator
  const reference = t(lang, 'formRef', { id: form.id, version: form.version, policyVersion: policy.versionId })
  const statements = transferStatements(ctx, form)
  const term = termOf(ctx, form)
  const recipients = form.thirdPartyTransfer
    ? [...new Set(form.purposes.flatMap((id) => policy.purposes.get(id)?.recipientIds ?? []))].flatMap((id) => {
        const recipient = policy.recipients.get(id)
        return recipient ? [local(ctx, recipient.name)] : []
      })
    : []

  const sections = compact<Section>([
    ...signatorySections(ctx, form),
    { id: 'text', title: t(lang, 'formText'), blocks: paragraphs(local(ctx, form.text)) },
    { id: 'purposes', title: t(lang, 'formPurposes'), blocks: [{ kind: 'list', ordered: true, items: form.purposes.map((id) => purposeName(ctx, id)) }] },
    { id: 'data', title: t(lang, 'formData'), blocks: [{ kind: 'list', ordered: true, items: formData(ctx, form) }] },
    term ? { id: 'term', title: t(lang, 'formTerm'), blocks: [{ kind: 'paragraph', content: term }] } : undefined,
    statements.length
      ? {
          id: 'transfers',
          title: t(lang, 'formTransfers'),
          blocks: compact<Block>([
            { kind: 'list', items: statements },
            recipients.length ? { kind: 'paragraph', content: t(lang, 'formRecipients', { recipients: recipients.join('; ') }) } : undefined,
          ]),
        }
      : undefined,
    { id: 'withdrawal', title: t(lang, 'withdrawalHeading'), blocks: [{ kind: 'facts', rows: withdrawalFacts(ctx, form.withdrawal) }] },
    {
      id: 'signature',
      title: t(lang, 'fieldSignature'),
      blocks: [
        { kind: 'paragraph', content: t(lang, 'formAttestation') },
        { kind: 'fields', inline: true, fields: [t(lang, 'fieldSignature'), t(lang, 'fieldDate')] },
      ],
    },
  ])
  const identifier = operator.bin ? `${t(lang, 'operatorBin')}: ${operator.bin}` : operator.iin ? `${t(lang, 'operatorIin')}: ${operator.iin}` : undefined
  return {
    lang,
    title: local(ctx, form.title),
    lead: compact([[{ strong: local(ctx, operator.name) }], identifier, local(ctx, operator.address)]),
    sections,
    footer: [reference],
    toc: false,
  }
}

/**
 * A printable consent form like the seeds' paper appendices (ESP App.1, TTC
 * App.2): the operator and its BIN, blank lines for the subject's name, IIN, ID
 * document, signature and date, the form's text, purposes, data, term, the
 * transfer and publication statements the form makes, and how to withdraw.
 * Throws `DERBES_NOT_FOUND` for an unknown form.
 *
 * @example
 * renderConsentForm(compiled, 'loyalty', 'kk', 'html') // A4 page to print and sign
 */
export function renderConsentForm(policy: CompiledPolicy, formId: string, lang: Language, format: RenderFormat, options: ConsentFormOptions = {}): string {
  const doc = buildConsentForm(policy, formId, lang, options)
  return format === 'html' ? toHtml(doc, FORM_CSS) : toMarkdown(doc)
}
