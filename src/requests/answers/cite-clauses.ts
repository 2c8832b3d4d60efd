import type { Language } from '../../policy/index.ts'
import { formatArticle, formatDate, joinWords } from '../../policy/render/index.ts'
import { almatyDate } from '../../kz/index.ts'
import { answerText } from './answer-messages.ts'

/**
 * Clauses and articles as a subject reads them: `art. 8(2)` → "п. 2 ст. 8
 * Закона", `TTC-9.1` → "п. 9.1 нашей политики" (the operator's prefix is the
 * letterhead's name already), anything else as written.
 *
 * @example
 * citeClauses('ru', ['TTC-9.1', 'art. 8(2)']) // 'п. 9.1 нашей политики и п. 2 ст. 8 Закона'
 */
export function citeClauses(language: Language, clauses: readonly string[]): string {
  return joinWords(language, clauses.map((clause) => citeClause(language, clause)))
}

function citeClause(language: Language, clause: string): string {
  const trimmed = clause.trim()
  if (/^art\./.test(trimmed)) return formatArticle(language, trimmed)
  const policy = /^[A-Z]{2,4}-(.+)$/.exec(trimmed)
  if (!policy) return trimmed
  const local = policy[1]!
  return /^\d+(\.\d+)*$/.test(local) ? answerText(language, 'policyClause', { clause: local }) : answerText(language, 'policySection', { clause: local })
}

/** A day as a letter writes it, in Almaty: "2026 жылғы 3 желтоқсан", "3 декабря 2026 г.", "3 December 2026". */
export function letterDate(language: Language, at: Date): string {
  return formatDate(language, almatyDate(at))
}
