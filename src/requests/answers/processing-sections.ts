import type { CompiledPolicy, CompiledPurpose, Language } from '../../policy/index.ts'
import {
  CONSENT_METHOD_LABELS, LEGAL_BASIS_LABELS, RECIPIENT_ROLE_LABELS, SOURCE_LABELS, formatArticle, formatCountry, formatRetention, joinWords,
} from '../../policy/render/index.ts'
import type { LetterSection } from './answer-document.ts'
import { answerText } from './answer-messages.ts'

/** What the information answer is drawn from: the policy, narrowed to this subject. */
export interface ProcessingScope {
  language: Language
  policy: CompiledPolicy
  /** The subject's kind in the policy; purposes, items and forms of other kinds are left out. */
  subjectKind?: string
  /** Items held about the subject; when given, only they and the purposes that use them are listed. */
  heldItems?: readonly string[]
}

const appliesTo = (kind: string | undefined, kinds: readonly string[] | undefined) => !kind || !kinds || kinds.includes(kind)

/** The purposes the subject's data serves: of the subject's kind, and using at least one item held (when known). */
export function purposesFor(scope: ProcessingScope): CompiledPurpose[] {
  const held = scope.heldItems ? new Set(scope.heldItems) : undefined
  return [...scope.policy.purposes.values()].filter(
    (purpose) => appliesTo(scope.subjectKind, purpose.subjectKinds) && (!held || purpose.itemIds.some((item) => held.has(item))),
  )
}

/** The item ids the answer lists: those held, in the policy's order (unknown ones after), or every item of the subject's kind. */
export function itemsFor(scope: ProcessingScope): string[] {
  const { policy, heldItems, subjectKind } = scope
  if (heldItems) {
    const held = new Set(heldItems)
    const known = [...policy.items.keys()].filter((id) => held.has(id))
    return [...known, ...[...held].filter((id) => !policy.items.has(id))]
  }
  return [...policy.items.values()].filter((item) => appliesTo(subjectKind, item.subjectKinds)).map((item) => item.id)
}

/** An item's name in the policy, or its id (a column no item maps to). */
export function itemName(policy: CompiledPolicy, language: Language, itemId: string): string {
  return policy.items.get(itemId)?.name[language] ?? itemId
}

/**
 * The content of an answer to a request for information (art. 24(1), ESP-9):
 * purposes with their legal basis, the data held with its category and
 * source, the methods of collection and processing, who receives the data
 * and in which countries, and the processing and storage terms — each from
 * the policy version in force, narrowed to the subject.
 *
 * @example
 * processingSections({ language: 'kk', policy, subjectKind: 'client', heldItems: ['full-name', 'phone'] })
 */
export function processingSections(scope: ProcessingScope): LetterSection[] {
  const { language, policy } = scope
  const t = (key: Parameters<typeof answerText>[1], vars?: Record<string, string>) => answerText(language, key, vars)
  const purposes = purposesFor(scope)
  const purposeIds = new Set(purposes.map((p) => p.id))
  const items = itemsFor(scope)

  const dataRows = items.map((id) => {
    const item = policy.items.get(id)
    const category = item ? policy.categories.get(item.categoryId)?.name[language] ?? item.categoryId : '—'
    const sources = item ? item.sources.map((source) => SOURCE_LABELS[source][language]).join(', ') : '—'
    return [itemName(policy, language, id), category, sources]
  })

  const forms = [...policy.consentForms.values()].filter((form) => appliesTo(scope.subjectKind, form.subjectKinds) && form.purposes.some((p) => purposeIds.has(p)))
  const methods = [...new Set(forms.flatMap((form) => form.methods))].map((method) => CONSENT_METHOD_LABELS[method][language])
  const automated = purposes.filter((p) => p.automatedDecisions).map((p) => p.name[language])
  const location = policy.document.operator.dataLocation
  const methodParagraphs = [
    ...(methods.length > 0 ? [t('methodsCollection', { methods: joinWords(language, methods) })] : []),
    automated.length > 0 ? t('methodsAutomated', { purposes: joinWords(language, automated), article: formatArticle(language, 'art. 19-1') }) : t('methodsNotAutomated'),
    t('methodsDatabase', { country: formatCountry(language, location.database) }),
    ...(location.note ? [location.note[language]] : []),
  ]

  const recipients = [...policy.recipients.values()].filter((r) => r.purposes.some((p) => purposeIds.has(p)))
  const recipientLines = recipients.map((r) => {
    const role = RECIPIENT_ROLE_LABELS[r.role][language]
    const byLaw = r.onlyWhenRequiredByLaw ? ` (${t('recipientOnlyByLaw')})` : ''
    return `${r.name[language]} — ${role}, ${formatCountry(language, r.country)}${byLaw}`
  })
  const abroad = [...new Set(recipients.map((r) => r.country).filter((country) => country !== location.database))]

  // Purposes sharing a retention rule are listed together: TTC's 21 purposes have a handful of terms.
  const byRule = new Map<string, CompiledPurpose[]>()
  for (const purpose of purposes) byRule.set(purpose.retentionRule.id, [...(byRule.get(purpose.retentionRule.id) ?? []), purpose])
  const groups = [...byRule.values()]
  const terms = groups.map((group) => {
    const rule = group[0]!.retentionRule
    // One rule for all: its name says enough. Several: each names the purposes it covers.
    const label = groups.length === 1 ? rule.name[language] : joinWords(language, group.map((p) => p.name[language]))
    return `${label}: ${formatRetention(language, rule)}`
  })

  return [
    { heading: t('headingPurposes'), list: purposes.map((p) => `${p.name[language]} — ${LEGAL_BASIS_LABELS[p.basis][language]}`) },
    { heading: t('headingData'), table: { columns: [t('colData'), t('colCategory'), t('colSource')], rows: dataRows } },
    { heading: t('headingMethods'), paragraphs: methodParagraphs },
    recipientLines.length > 0 ? { heading: t('headingRecipients'), list: recipientLines } : { heading: t('headingRecipients'), paragraphs: [t('recipientsNone')] },
    {
      heading: t('headingCrossBorder'),
      paragraphs: [abroad.length > 0 ? t('crossBorderTo', { countries: joinWords(language, abroad.map((c) => formatCountry(language, c))) }) : t('crossBorderNone')],
    },
    { heading: t('headingTerms'), list: terms },
  ]
}
