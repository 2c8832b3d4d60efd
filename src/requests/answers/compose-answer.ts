import { DerbesError } from '../../errors/index.ts'
import { LANGUAGES, type Language } from '../../policy/index.ts'
import { REQUEST_KIND_LABELS, formatArticle } from '../../policy/render/index.ts'
import type { AnswerDocument, AnswerLetter, LetterSection } from './answer-document.ts'
import type { AnswerInput } from './answer-input.ts'
import { answerText } from './answer-messages.ts'
import { letterDate } from './cite-clauses.ts'
import { operatorLetterhead } from './letterhead.ts'
import { outcomeSection } from './outcome-sections.ts'
import { processingSections } from './processing-sections.ts'
import { recordsSections } from './records-sections.ts'
import { renderLetterHtml } from './render-letter-html.ts'
import { renderLetterText } from './render-letter-text.ts'

function signature(input: AnswerInput, language: Language): string[] {
  const person = input.policy.document.operator.responsiblePerson
  const title = input.signedBy?.title ?? person?.title[language] ?? answerText(language, 'responsibleFallback')
  const name = input.signedBy?.name ?? person?.name
  return [
    answerText(language, 'regards'),
    title,
    ...(name ? [name] : []),
    ...(person?.email ? [answerText(language, 'contactEmail', { email: person.email })] : []),
    ...(person?.phone ? [answerText(language, 'contactPhone', { phone: person.phone })] : []),
    input.policy.document.operator.name[language],
  ]
}

function check(input: AnswerInput): void {
  const problems: { pointer: string; detail: string }[] = []
  if (!(LANGUAGES as readonly string[]).includes(input.request.language)) problems.push({ pointer: '/request/language', detail: 'must be kk, ru or en' })
  if (!input.request.reference) problems.push({ pointer: '/request/reference', detail: 'is empty' })
  for (const [pointer, date] of [['/request/receivedAt', input.request.receivedAt], ['/request/dueAt', input.request.dueAt], ['/issuedAt', input.issuedAt]] as const) {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) problems.push({ pointer, detail: 'is not a valid date' })
  }
  if (input.request.kind === 'access' && input.outcome.kind === 'fulfilled' && !input.records) {
    problems.push({ pointer: '/records', detail: 'an access answer lists every record held (ESP-3); pass [] when there are none' })
  }
  if (problems.length > 0) throw new DerbesError('DERBES_VALIDATION', 'the answer cannot be composed', problems)
}

/**
 * Writes the answer to a data subject request in the subject's language
 * (kk, ru or en): the letterhead (operator, BIN, address — art. 25(2)(10)'s
 * responsible person signs), the request's reference and dates, the outcome
 * — what was done per system in counts, or the refusal citing its clauses in
 * words, or that no data is held — and for `information` and `access` what
 * art. 24(1) and ESP-9 require: purposes, sources, methods, recipients and
 * countries, the list of data, processing and storage terms; for `access`
 * every record given. It says the answer is free of charge (art. 25(2)(9),
 * TW-9.2). Pure: it renders only its input, so no other subject's data can
 * appear (ESP-9). Throws `DERBES_VALIDATION` for an unusable input.
 *
 * @example
 * const answer = composeAnswer({ policy, request, subject, outcome: { kind: 'fulfilled', steps }, records, issuedAt: clock() })
 * await enqueueEmail(trx, deps, { operatorId, to, subjectLine: answer.subjectLine, text: answer.text, html: answer.html, language: answer.language, purpose: 'request_answer' })
 */
export function composeAnswer(input: AnswerInput): AnswerDocument {
  check(input)
  const { language, kind, reference } = input.request
  const fact = (label: Parameters<typeof answerText>[1], value: string) => answerText(language, 'fact', { label: answerText(language, label), value })
  const facts: LetterSection = {
    heading: answerText(language, 'factsHeading'),
    list: [
      fact('factKind', REQUEST_KIND_LABELS[kind][language]),
      fact('factReceived', letterDate(language, input.request.receivedAt)),
      fact('factReference', reference),
      fact('factDue', letterDate(language, input.request.dueAt)),
    ],
  }
  const content: LetterSection[] = []
  if (input.outcome.kind === 'fulfilled' && (kind === 'information' || kind === 'access')) {
    const heldItems = input.heldItems ?? (input.records ? [...new Set(input.records.map((r) => r.item))] : undefined)
    if (kind === 'access') content.push(...recordsSections(language, input.policy, input.records ?? []))
    content.push(...processingSections({ language, policy: input.policy, ...(input.subject.kind ? { subjectKind: input.subject.kind } : {}), ...(heldItems ? { heldItems } : {}) }))
  }
  const closing: LetterSection = {
    paragraphs: [
      answerText(language, 'free', { article: formatArticle(language, 'art. 25(2)(9)') }),
      answerText(language, 'appeal'),
      answerText(language, 'questions', { reference }),
    ],
  }
  const letter: AnswerLetter = {
    letterhead: operatorLetterhead(input.policy.document.operator, language),
    date: letterDate(language, input.issuedAt),
    reference: answerText(language, 'reference', { reference }),
    addressee: [input.subject.name, input.subject.address].filter((line): line is string => Boolean(line)),
    title: answerText(language, 'title'),
    greeting: input.subject.name ? answerText(language, 'greetingNamed', { name: input.subject.name }) : answerText(language, 'greetingAnonymous'),
    sections: [facts, outcomeSection(input), ...content, closing],
    signature: signature(input, language),
  }
  const subjectLine = answerText(language, 'subjectLine', { reference, kind: REQUEST_KIND_LABELS[kind][language] })
  return { language, issuedAt: input.issuedAt.toISOString(), subjectLine, text: renderLetterText(letter), html: renderLetterHtml(letter, language, subjectLine), letter }
}
