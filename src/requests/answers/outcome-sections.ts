import type { Language } from '../../policy/index.ts'
import { IDENTITY_PROOF_LABELS, formatArticle, joinWords } from '../../policy/render/index.ts'
import type { LetterSection } from './answer-document.ts'
import type { AnswerInput, FulfilledStep } from './answer-input.ts'
import { ACTION_MESSAGES, DONE_MESSAGES, REFUSAL_MESSAGES, TARGET_MESSAGES, answerText, fillAnswer } from './answer-messages.ts'
import { citeClauses } from './cite-clauses.ts'

function stepWhere(input: AnswerInput, language: Language, step: FulfilledStep): string {
  if (step.target === 'system' && (step.targetName || step.targetId)) return answerText(language, 'stepSystem', { name: step.targetName ?? step.targetId! })
  if (step.target === 'recipients' && step.targetId) {
    const name = input.policy.recipients.get(step.targetId)?.name[language] ?? step.targetName ?? step.targetId
    return answerText(language, 'stepRecipient', { name })
  }
  return TARGET_MESSAGES[step.target][language]
}

/**
 * What came of the request, in words: what was done where (counts only), or
 * the refusal with its ground and the clauses it rests on (TTC-9.1,
 * art. 8(2), ESP-9), or that no data is held (art. 24(1)).
 */
export function outcomeSection(input: AnswerInput): LetterSection {
  const { language } = input.request
  const { outcome, request, policy } = input
  const heading = answerText(language, 'outcomeHeading')
  switch (outcome.kind) {
    case 'fulfilled': {
      const done = fillAnswer(DONE_MESSAGES[request.kind][language], { article: formatArticle(language, 'art. 24(1)') })
      const scope = request.purposes?.length
        ? [answerText(language, 'scopePurposes', { purposes: joinWords(language, request.purposes.map((id) => policy.purposes.get(id)?.name[language] ?? id)) })]
        : []
      const table = outcome.steps.length > 0
        ? {
            columns: [answerText(language, 'stepWhere'), answerText(language, 'stepWhat'), answerText(language, 'stepCount')],
            rows: outcome.steps.map((step) => [stepWhere(input, language, step), ACTION_MESSAGES[step.action][language], String(step.count)]),
          }
        : undefined
      return { heading, paragraphs: [done, ...scope], ...(table ? { table } : {}) }
    }
    case 'refused': {
      const proofs = policy.document.requests?.identityProof ?? []
      const paragraphs = [
        answerText(language, 'refused'),
        REFUSAL_MESSAGES[outcome.ground][language],
        ...(outcome.ground === 'identity_not_proven' && proofs.length > 0
          ? [answerText(language, 'identityProofNeeded', { proofs: joinWords(language, proofs.map((proof) => IDENTITY_PROOF_LABELS[proof][language])) })]
          : []),
        ...(outcome.clauses.length > 0 ? [answerText(language, 'refusalBasis', { clauses: citeClauses(language, outcome.clauses) })] : []),
        ...(outcome.detail ? [answerText(language, 'refusalDetail', { detail: outcome.detail })] : []),
      ]
      return { heading, paragraphs }
    }
    case 'no_data_held':
      return { heading, paragraphs: [answerText(language, 'noDataHeld', { article: formatArticle(language, 'art. 24(1)') })] }
  }
}
