import type { EffectiveDeadline } from '../compiled-policy.ts'
import type { ConsentTerm, Deadline, Language, RetentionRule, RetentionTrigger } from '../schema/index.ts'
import { capitalize, count, decapitalize, formatArticle, formatDuration, isZeroDuration, joinWords, t } from './format-text.ts'
import { CONSENT_TERM_LABELS, RETENTION_ACTION_LABELS, RETENTION_AFTER, RETENTION_TRIGGER_LABELS } from './messages/index.ts'

/** "1 рабочий день", "15 calendar days", "3 жұмыс күні". */
export function formatDeadline(lang: Language, deadline: Pick<Deadline, 'days' | 'unit'>): string {
  return count(lang, deadline.days, deadline.unit === 'business' ? 'businessDay' : 'calendarDay')
}

export interface DeadlineText {
  /** The binding deadline in words. */
  readonly value: string
  /** Where it comes from: the law's article, "stricter than the law (…)", or "set by the policy". */
  readonly basis: string
  /** The basis as it reads inside another sentence, in brackets. */
  readonly inlineBasis: string
  /** True when the policy's own figure is stricter than the law's. */
  readonly stricterThanLaw: boolean
}

/**
 * The effective deadline of one request kind in words. When law and policy
 * count in different units both bind (compiled-policy.ts) and whichever ends
 * first applies.
 */
export function describeDeadline(lang: Language, effective: EffectiveDeadline): DeadlineText {
  const { law, policy, binding } = effective
  const article = law ? formatArticle(lang, law.article) : ''
  const lawBasis = law?.unconfirmed ? t(lang, 'deadlineUnconfirmed', { article }) : t(lang, 'deadlineLaw', { article })
  // A citation of the law keeps its capital ("Заңның …"); a sentence of ours goes lower-case inside brackets.
  const ours = (value: string, basis: string, stricterThanLaw: boolean): DeadlineText => ({ value, basis, inlineBasis: decapitalize(basis), stricterThanLaw })
  const cited = (value: string): DeadlineText => ({ value, basis: lawBasis, inlineBasis: lawBasis, stricterThanLaw: false })
  const [first, second] = binding
  if (first && second) return cited(t(lang, 'deadlineEither', { first: formatDeadline(lang, first), second: formatDeadline(lang, second) }))
  const value = first ? formatDeadline(lang, first) : t(lang, 'none')
  if (!law) return ours(value, t(lang, 'deadlinePolicyOnly'), false)
  if (policy && first && first.unit === law.unit && first.days < law.days)
    return ours(value, t(lang, 'deadlineStricter', { law: formatDeadline(lang, law), article }), true)
  return cited(value)
}

/** "after the end of the relationship", or "after the earliest of …" for several triggers (TW-6.1). */
export function retentionAfter(lang: Language, triggers: readonly RetentionTrigger[]): string {
  const [only] = triggers
  if (triggers.length === 1 && only) return RETENTION_AFTER[only][lang]
  const events = joinWords(lang, triggers.map((trigger) => RETENTION_TRIGGER_LABELS[trigger][lang]), 'or')
  return t(lang, 'retentionEarliestOf', { events })
}

/** A retention rule in words: "Kept 10 years after the end of the relationship, then destroyed." */
export function formatRetention(lang: Language, rule: RetentionRule): string {
  const action = RETENTION_ACTION_LABELS[rule.then][lang]
  const after = retentionAfter(lang, rule.triggers)
  let text: string
  if (rule.keep === 'unlimited') text = t(lang, 'retentionUnlimited')
  else if (isZeroDuration(rule.keep)) text = capitalize(t(lang, 'retentionImmediately', { after, action }))
  else text = capitalize(t(lang, 'retentionKeep', { after, action, duration: formatDuration(lang, rule.keep, rule.keepUnit === 'business' ? 'businessDay' : 'day') }))
  if (rule.unlessLawRequires && rule.keep !== 'unlimited') text += t(lang, 'retentionUnlessLaw')
  text += '.'
  if (rule.blockIfDelayed) text += ` ${t(lang, 'retentionBlockIfDelayed', { duration: formatDuration(lang, rule.blockIfDelayed) })}`
  const minimum = rule.statutoryMinimum
  if (minimum) {
    text += ` ${t(lang, 'retentionStatutoryMinimum', { duration: formatDuration(lang, minimum.keep), after: RETENTION_AFTER[minimum.from][lang], law: minimum.law[lang] })}`
    if (minimum.unconfirmed) text += ` ${t(lang, 'retentionStatutoryUnconfirmed')}`
  }
  return text
}

/** The term of a consent (art. 8(4)(3)). */
export function formatConsentTerm(lang: Language, term: ConsentTerm): string {
  if ('duration' in term) return capitalize(t(lang, 'consentTermDuration', { duration: formatDuration(lang, term.duration) }))
  return capitalize(CONSENT_TERM_LABELS[term.until][lang])
}
