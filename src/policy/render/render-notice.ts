import type { CompiledPolicy } from '../compiled-policy.ts'
import { LAW_94V, type LawProfile } from '../law-profile.ts'
import type { Language } from '../schema/index.ts'
import { compact, type RenderedDocument, type Section } from './document-model.ts'
import { t } from './format-text.ts'
import { consentSection } from './notice-consent.ts'
import { listSection } from './notice-list.ts'
import { operatorSection, subjectsSection } from './notice-operator.ts'
import { ageSection, breachSection, cookiesSection, freeSections, protectionSection, versionSection } from './notice-practice.ts'
import { purposesSection, recipientsSection, retentionSection } from './notice-purposes.ts'
import { rightsSection } from './notice-rights.ts'
import { local, type RenderContext } from './render-context.ts'
import { NOTICE_CSS } from './styles.ts'
import { toHtml } from './to-html.ts'
import { toMarkdown } from './to-markdown.ts'

export type RenderFormat = 'html' | 'md'

export interface RenderOptions {
  /** The law the notice cites: the authorised body's name, the storage country. Law 94-V by default. */
  law?: LawProfile
}

/** The notice as a document model, before it becomes Markdown or HTML. */
export function buildNotice(policy: CompiledPolicy, lang: Language, law: LawProfile = LAW_94V): RenderedDocument {
  const ctx: RenderContext = { policy, lang, law }
  const operator = policy.document.operator
  const name = local(ctx, operator.name)
  const identifier = operator.bin ? `${t(lang, 'operatorBin')} ${operator.bin}` : operator.iin ? `${t(lang, 'operatorIin')} ${operator.iin}` : undefined
  const sections = compact<Section>([
    operatorSection(ctx),
    subjectsSection(ctx),
    listSection(ctx),
    purposesSection(ctx),
    recipientsSection(ctx),
    retentionSection(ctx),
    consentSection(ctx),
    rightsSection(ctx),
    cookiesSection(ctx),
    ageSection(ctx),
    protectionSection(ctx),
    breachSection(ctx),
    ...freeSections(ctx),
    versionSection(ctx),
  ])
  return {
    lang,
    title: `${t(lang, 'noticeTitle')}: ${name}`,
    lead: compact([identifier ? [{ strong: name }, `, ${identifier}`] : [{ strong: name }], t(lang, 'noticeIntro', { operator: name })]),
    sections,
    footer: [t(lang, 'generatedFrom', { version: policy.versionId })],
    toc: true,
  }
}

/**
 * The operator's privacy notice, generated from its compiled policy, in Kazakh,
 * Russian or English: a standalone accessible HTML5 page or Markdown.
 *
 * @example
 * const loaded = loadPolicy(readFileSync('policies/ttc.yaml', 'utf8'), 'ttc.yaml')
 * if (loaded.ok) writeFileSync('ttc.kk.html', renderNotice(compilePolicy(loaded.document), 'kk', 'html'))
 */
export function renderNotice(policy: CompiledPolicy, lang: Language, format: RenderFormat, options: RenderOptions = {}): string {
  const doc = buildNotice(policy, lang, options.law ?? LAW_94V)
  return format === 'html' ? toHtml(doc, NOTICE_CSS) : toMarkdown(doc)
}
