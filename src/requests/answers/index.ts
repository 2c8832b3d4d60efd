/**
 * Answers to data subject requests (issue 4 item 7): the letter in the
 * subject's language (kk, ru or en) as text, HTML and PDF with the Kazakh
 * letters, and the data export of an access request as JSON and CSV. Free of
 * charge (art. 25(2)(9)); only the data it is given, so never another subject's.
 */
export type { AnswerInput, AnswerRequest, AnswerSubject, AnswerOutcome, FulfilledStep, SubjectRecord } from './answer-input.ts'
export type { AnswerDocument, AnswerLetter, LetterSection, LetterTable } from './answer-document.ts'
export { composeAnswer } from './compose-answer.ts'
export { renderAnswerPdf } from './render-answer-pdf.ts'
export { exportSubjectData, SUBJECT_DATA_FORMAT, CSV_COLUMNS } from './export-subject-data.ts'
export { DERBES_SYSTEM } from './records-sections.ts'
