import { CHANGE_AREA_LABELS, escapeMarkdown, t } from '../render/index.ts'
import type { Language } from '../schema/index.ts'
import { CHANGE_AREAS, type PolicyChange } from './policy-change.ts'

export interface FormatDiffOptions {
  /** Version ids for the title: "Policy changes: 2025-1 → 2026-1". */
  versions?: { before: string; after: string }
}

function line(change: PolicyChange, lang: Language): string {
  const flags = [change.crossBorder ? t(lang, 'diffCrossBorderFlag') : undefined, change.reconsentNeeded ? t(lang, 'diffReconsentFlag') : undefined]
    .filter((flag) => flag !== undefined)
    .map((flag) => ` **[${escapeMarkdown(flag)}]**`)
    .join('')
  return `- ${escapeMarkdown(change.summary).replace(/\s*\n\s*/g, ' ')}${flags}`
}

/**
 * The changes as Markdown for a responsible person: first what may need
 * subjects' consent again, then every change grouped by area. The JSON form is
 * the `PolicyChange[]` array itself.
 */
export function formatPolicyDiff(changes: readonly PolicyChange[], lang: Language, options: FormatDiffOptions = {}): string {
  const parts: string[] = []
  if (options.versions) parts.push(`# ${escapeMarkdown(t(lang, 'diffTitle', options.versions))}`)
  if (changes.length === 0) return `${[...parts, t(lang, 'diffNoChanges')].join('\n\n')}\n`
  parts.push(escapeMarkdown(t(lang, 'diffCount', { n: changes.length })))
  const level = options.versions ? '##' : '#'
  const reconsent = changes.filter((change) => change.reconsentNeeded)
  if (reconsent.length > 0) parts.push(`${level} ${escapeMarkdown(t(lang, 'diffReconsentHeading'))}`, reconsent.map((change) => line(change, lang)).join('\n'))
  for (const area of CHANGE_AREAS) {
    const inArea = changes.filter((change) => change.area === area)
    if (inArea.length > 0) parts.push(`${level} ${escapeMarkdown(CHANGE_AREA_LABELS[area][lang])}`, inArea.map((change) => line(change, lang)).join('\n'))
  }
  return `${parts.join('\n\n')}\n`
}
