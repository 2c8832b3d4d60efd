import type { Language } from '../../policy/index.ts'

/** A table of the letter: a header row and rows of plain text cells. */
export interface LetterTable {
  columns: readonly string[]
  rows: readonly (readonly string[])[]
}

/** One part of the letter, in reading order: a heading, paragraphs, a list, a table. */
export interface LetterSection {
  heading?: string
  paragraphs?: readonly string[]
  list?: readonly string[]
  table?: LetterTable
}

/**
 * The letter as blocks of plain text, in one language — what the text, HTML
 * and PDF renderings lay out. Nothing in it is markup: each renderer escapes.
 */
export interface AnswerLetter {
  /** The operator's name, then BIN, address and contacts. */
  letterhead: readonly string[]
  /** "2026 жылғы 3 желтоқсан", "№ ESP-2026-000123". */
  date: string
  reference: string
  /** The addressee's name and address, when known. */
  addressee: readonly string[]
  title: string
  greeting: string
  sections: readonly LetterSection[]
  /** Who signs, and how to reach them. */
  signature: readonly string[]
}

/**
 * An answer to a data subject request, ready to send: the e-mail's subject
 * line, plain text and HTML bodies, and the letter they come from.
 */
export interface AnswerDocument {
  language: Language
  /** When the answer was issued (ISO 8601): the PDF is dated by it, so equal answers give equal bytes. */
  issuedAt: string
  subjectLine: string
  text: string
  html: string
  letter: AnswerLetter
}
