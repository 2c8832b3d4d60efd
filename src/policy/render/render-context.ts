import type { CompiledPolicy } from '../compiled-policy.ts'
import type { LawProfile } from '../law-profile.ts'
import type { Language, LocalizedText, Recipient } from '../schema/index.ts'
import type { Inline } from './document-model.ts'
import { formatCountry, t } from './format-text.ts'
import { CROSS_BORDER_GROUND_LABELS } from './messages/index.ts'

/** What every section builder reads: the policy, the language, and the law it is measured against. */
export interface RenderContext {
  readonly policy: CompiledPolicy
  readonly lang: Language
  readonly law: LawProfile
}

export function local(ctx: RenderContext, text: LocalizedText): string {
  return text[ctx.lang]
}

export function purposeName(ctx: RenderContext, id: string): string {
  const purpose = ctx.policy.purposes.get(id)
  return purpose ? local(ctx, purpose.name) : id
}

export function itemName(ctx: RenderContext, id: string): string {
  const item = ctx.policy.items.get(id)
  return item ? local(ctx, item.name) : id
}

export function categoryName(ctx: RenderContext, id: string): string {
  const category = ctx.policy.categories.get(id)
  return category ? local(ctx, category.name) : id
}

export function subjectKindName(ctx: RenderContext, id: string): string {
  const kind = ctx.policy.subjectKinds.get(id)
  return kind ? local(ctx, kind.name) : id
}

/** A transfer outside the country where the law wants the database (art. 12(2), art. 16). */
export function isCrossBorder(ctx: RenderContext, country: string): boolean {
  return country !== ctx.law.storageCountry
}

/** "Cross-border transfer: Russia (RU); ground: the subject's consent" — or the note that consent is needed when no ground is recorded (law.md, art. 16 [U]). */
export function crossBorderText(ctx: RenderContext, recipient: Pick<Recipient, 'country' | 'crossBorderGround'>): string {
  const ground = recipient.crossBorderGround ? CROSS_BORDER_GROUND_LABELS[recipient.crossBorderGround][ctx.lang] : t(ctx.lang, 'crossBorderNoGround')
  return t(ctx.lang, 'crossBorderTransfer', { country: formatCountry(ctx.lang, recipient.country), ground })
}

/** A recipient's name, highlighted with its country and ground when the transfer crosses the border. */
export function recipientInline(ctx: RenderContext, recipient: Recipient): Inline[] {
  const name = local(ctx, recipient.name)
  if (!isCrossBorder(ctx, recipient.country)) return [name]
  return [name, ' — ', { strong: crossBorderText(ctx, recipient), tone: 'warning' }]
}
