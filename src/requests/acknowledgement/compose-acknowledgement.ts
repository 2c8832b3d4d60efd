import { almatyOffsetMinutes } from '../../kz/index.ts'
import type { CompiledPolicy, Language } from '../../policy/index.ts'
import { formatArticle, REQUEST_KIND_LABELS } from '../../policy/render/index.ts'
import type { AnswerDocument, AnswerLetter, LetterSection } from '../answers/answer-document.ts'
import { answerText } from '../answers/answer-messages.ts'
import { citeClauses, letterDate } from '../answers/cite-clauses.ts'
import { operatorLetterhead } from '../answers/letterhead.ts'
import { renderLetterHtml } from '../answers/render-letter-html.ts'
import { renderLetterText } from '../answers/render-letter-text.ts'
import { WAITING_FOR_TEXTS } from '../request-texts.ts'
import type { RequestView } from '../request-view.ts'
import { acknowledgementText, CHANNEL_NAMES } from './acknowledgement-messages.ts'

/** What the acknowledgement tells of a request: its metadata only — never a sealed value, so it can be shown to whoever holds the request. */
export type AcknowledgedRequest = Pick<RequestView, 'reference' | 'kind' | 'channel' | 'requestedBy' | 'language' | 'receivedAt' | 'dueAt' | 'dueBasis' | 'waitingFor'>

/** A time of day as read in Kazakhstan: "14:05" in Asia/Almaty. */
function almatyTime(at: Date): string {
  return new Date(at.getTime() + almatyOffsetMinutes(at) * 60_000).toISOString().slice(11, 16)
}

/**
 * The acknowledgement that a request was received, in the request's language
 * (kk, ru or en): the operator's letterhead, the reference, kind, when and how
 * it came in, who sent it, the answer's due date and the clause or article
 * that set it, what is still awaited from the requester (ESP-9's ID document),
 * and that it is free (art. 25(2)(9)). A subject keeps it as proof of the day
 * the deadline counts from. Pure; dated by `issuedAt`, so equal inputs give
 * equal PDFs.
 *
 * @example
 * const letter = composeAcknowledgement(esp, request, new Date())
 * const pdf = await renderAnswerPdf(letter)
 */
export function composeAcknowledgement(policy: CompiledPolicy, request: AcknowledgedRequest, issuedAt: Date, language: Language = request.language): AnswerDocument {
  const t = (key: Parameters<typeof acknowledgementText>[1], vars: Record<string, string> = {}) => acknowledgementText(language, key, vars)
  const fact = (label: string, value: string) => answerText(language, 'fact', { label, value })
  const received = new Date(request.receivedAt)
  const basis = request.dueBasis
  const cited = [...(basis.clauses ?? []), ...(basis.article ? [basis.article] : [])]
  const by = request.requestedBy === 'representative' ? t('byRepresentative') : request.requestedBy === 'authorised_body' ? t('byAuthorisedBody') : t('bySubject')
  const facts: LetterSection = {
    heading: t('factsHeading'),
    list: [
      fact(t('reference'), request.reference),
      fact(t('kind'), REQUEST_KIND_LABELS[request.kind][language]),
      fact(t('received'), `${letterDate(language, received)}, ${almatyTime(received)}`),
      fact(t('channel'), CHANNEL_NAMES[request.channel][language]),
      fact(t('requestedBy'), by),
      fact(t('due'), letterDate(language, new Date(request.dueAt))),
      ...(cited.length ? [fact(t('dueBasis'), citeClauses(language, cited))] : []),
    ],
  }
  const waiting = request.waitingFor.filter((w): w is keyof typeof WAITING_FOR_TEXTS => w in WAITING_FOR_TEXTS)
  const sections: LetterSection[] = [{ paragraphs: [t('intro')] }, facts]
  if (waiting.length) sections.push({ heading: t('waitingHeading'), list: waiting.map((w) => WAITING_FOR_TEXTS[w][language]) }, { paragraphs: [t('waitingNote')] })
  sections.push({ paragraphs: [t('free', { article: formatArticle(language, 'art. 25(2)(9)') })] })

  const person = policy.document.operator.responsiblePerson
  const letter: AnswerLetter = {
    letterhead: operatorLetterhead(policy.document.operator, language),
    date: letterDate(language, issuedAt),
    reference: answerText(language, 'reference', { reference: request.reference }),
    addressee: [],
    title: t('title'),
    greeting: t('greeting'),
    sections,
    signature: [t('regards'), person?.title[language] ?? t('responsibleFallback'), ...(person?.name ? [person.name] : []), policy.document.operator.name[language]],
  }
  const subjectLine = t('subjectLine', { reference: request.reference })
  return { language, issuedAt: issuedAt.toISOString(), subjectLine, text: renderLetterText(letter), html: renderLetterHtml(letter, language, subjectLine), letter }
}
