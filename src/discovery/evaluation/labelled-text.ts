import { GENRES, type Genre, type LanguageTemplates } from './genres.ts'
import type { Label } from './metrics.ts'
import type { Language } from './people.ts'
import { chance, int, pick, randomFrom, weighted } from './random.ts'
import { DocumentBuilder, newSubject, renderTemplate } from './render-template.ts'
import { EN } from './templates-en.ts'
import { KK } from './templates-kk.ts'
import { RU } from './templates-ru.ts'

/*
 * The project's labelled evaluation set (issue 7, "A labelled evaluation
 * set"): generated Kazakh, Russian and English documents — support tickets,
 * contracts, HR notes, delivery notes, bank statements, chat logs — with the
 * kind and UTF-8 byte span of every personal value known, and the hard
 * negatives a detector must leave alone. The wording follows what KZ records
 * look like, not what the detectors happen to find.
 */

export interface LabelledDocument {
  language: Language
  genre: Genre
  bytes: Buffer
  labels: Label[]
}

const TEMPLATES: Readonly<Record<Language, LanguageTemplates>> = { ru: RU, kk: KK, en: EN }

/** One document: an opening, then paragraphs or lines of its genre with a hard-negative sentence now and then. */
function document(r: () => number): LabelledDocument {
  // Russian is most of what KZ operators hold; Kazakh and English are common.
  const language = weighted(r, [[2, 'ru'], [1, 'kk'], [1, 'en']] as const)
  const genre = pick(r, GENRES)
  const templates = TEMPLATES[language]
  const { opening, body, separator, oneSubject } = templates[genre]
  const d = new DocumentBuilder()
  let subject = newSubject(r)
  const parts = separator === '\n' ? int(r, 3, 8) : int(r, 2, 5)
  if (opening) {
    renderTemplate(d, pick(r, opening), r, language, subject)
    d.text(separator)
  }
  for (let i = 0; i < parts; i++) {
    if (i > 0) d.text(separator)
    if (!oneSubject) subject = newSubject(r)
    renderTemplate(d, chance(r, 0.2) ? pick(r, templates.negatives) : pick(r, body), r, language, subject)
  }
  d.text('\n')
  return { language, genre, ...d.build() }
}

/**
 * `count` labelled documents, the same for the same seed.
 *
 * @example
 * const [doc] = labelledDocuments(1)
 * doc.bytes.subarray(doc.labels[0].start, doc.labels[0].end).toString() // e.g. '+7 701 234 56 78'
 */
export function labelledDocuments(count: number, seed = 94): LabelledDocument[] {
  const r = randomFrom(seed)
  return Array.from({ length: count }, () => document(r))
}
