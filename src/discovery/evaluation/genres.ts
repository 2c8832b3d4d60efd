/** The kinds of document the evaluation set writes, in each of kk, ru and en. */
export const GENRES = ['support_ticket', 'contract', 'hr_note', 'delivery_note', 'bank_statement', 'chat_log'] as const
export type Genre = (typeof GENRES)[number]

export interface GenreTemplates {
  /** A heading written once (a statement's holder, a contract's parties). */
  opening?: readonly string[]
  /** Paragraphs or lines, two to eight of them per document. */
  body: readonly string[]
  /** Lines of a statement or a chat are joined by newlines, paragraphs by a blank line. */
  separator: string
  /** Whether one person runs through the document (a chat, a contract) or each paragraph is someone else's (tickets). */
  oneSubject: boolean
}

export type LanguageTemplates = Readonly<Record<Genre, GenreTemplates>> & {
  /** Sentences with no personal data, only hard negatives, mixed into every genre. */
  readonly negatives: readonly string[]
}
