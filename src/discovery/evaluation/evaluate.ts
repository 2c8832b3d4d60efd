import { classifyColumn } from '../columns/classify-column.ts'
import type { DetectedKind, Detection, DetectionSink } from '../detectors/detection.ts'
import { scanStructured } from '../detectors/scan-structured.ts'
import { DEFAULT_MIN_CONFIDENCE } from '../files/scan-files.ts'
import { scanNamesAndAddresses } from '../names/scan-names.ts'
import type { LabelledColumn } from './labelled-columns.ts'
import type { LabelledDocument } from './labelled-text.ts'
import { macroScores, score, sumTallies, tallyDocument, type KindScore, type Label, type Tally } from './metrics.ts'

/** A kind of mistake: spans of one written shape after one word, how often, and one of them as written. */
export interface Mistake {
  pattern: string
  count: number
  example: string
}

export interface Evaluation {
  documents: number
  bytes: number
  perKind: Map<DetectedKind, KindScore>
  /** IIN and BIN together: the issue's target names them as one. */
  iinBin: KindScore
  /** Per kind, the most frequent false positives and false negatives, most frequent first. */
  falsePositives: Map<DetectedKind, Mistake[]>
  falseNegatives: Map<DetectedKind, Mistake[]>
  columns: { count: number; precision: number; recall: number; misses: string[] }
}

/**
 * The written shape of a value, so mistakes group by form rather than by
 * value: digits become 9, a word becomes Aa/AA/a (Latin) or Яя/ЯЯ/я
 * (Cyrillic and Kazakh), everything else stays — «8 (701) 234-56-78» is
 * «9 (999) 999-99-99», «Иванова М. П.» is «Яя Я. Я.».
 */
export function writtenShape(text: string): string {
  return text.replace(/\d/g, '9').replace(/\p{L}+/gu, (word) => {
    const cyrillic = /\p{Script=Cyrillic}/u.test(word[0]!)
    const [upper, lower] = cyrillic ? ['Я', 'я'] : ['A', 'a']
    if (word.length === 1) return word === word.toLowerCase() ? lower : upper
    if (word === word.toUpperCase()) return upper + upper
    return word[0] === word[0]!.toUpperCase() ? upper + lower : lower
  })
}

const MISTAKES_KEPT = 5

class MistakeCounter {
  readonly #byKind = new Map<DetectedKind, Map<string, Mistake>>()

  add(kind: DetectedKind, text: Buffer, span: Label, labels: readonly Label[]): void {
    const value = text.subarray(span.start, span.end).toString()
    // The word before the span, or the separator when there is none (a statement's «;», a line's start).
    const preceding = text.subarray(Math.max(0, span.start - 40), span.start).toString().trimEnd()
    const before = preceding.split(/[\s;(]+/).pop() || (preceding ? preceding[preceding.length - 1]! : '^')
    // What else the span sits on: an IIN reported as a phone, a street reported as a name.
    const under = labels.find((l) => l.kind !== kind && l.start < span.end && span.start < l.end)
    const pattern = `${before ? `${before} ` : ''}⟨${writtenShape(value)}⟩${under ? ` on ${under.kind}` : ''}`
    let kinds = this.#byKind.get(kind)
    if (!kinds) this.#byKind.set(kind, (kinds = new Map()))
    const m = kinds.get(pattern)
    if (m) m.count++
    else kinds.set(pattern, { pattern, count: 1, example: value })
  }

  top(): Map<DetectedKind, Mistake[]> {
    return new Map([...this.#byKind].map(([kind, m]) => [kind, [...m.values()].sort((a, b) => b.count - a.count).slice(0, MISTAKES_KEPT)]))
  }
}

/** What is evaluated: a scan of a text's bytes and a column's classification. */
export interface Detectors {
  scanText(bytes: Uint8Array, sink: DetectionSink): void
  classifyColumn(column: LabelledColumn): DetectedKind | undefined
}

/** Discovery's own detectors, as a file scan and a database scan run them. */
export const DISCOVERY_DETECTORS: Detectors = {
  scanText(bytes, sink) {
    scanStructured(bytes, 0, bytes.length, sink)
    scanNamesAndAddresses(bytes, 0, bytes.length, sink)
  },
  classifyColumn: (column) => classifyColumn(column).kind,
}

/**
 * Runs the detectors over the labelled set and scores them (issue 7, "Speed
 * and accuracy"): text detections counted at the confidence a file scan
 * reports at, every labelled column classified.
 */
export function evaluateDetectors(documents: readonly LabelledDocument[], columns: readonly LabelledColumn[], detectors: Detectors = DISCOVERY_DETECTORS): Evaluation {
  const tallies = new Map<DetectedKind, Tally>()
  const falsePositives = new MistakeCounter()
  const falseNegatives = new MistakeCounter()
  let bytes = 0
  for (const doc of documents) {
    bytes += doc.bytes.length
    const detections: Detection[] = []
    const sink = (kind: DetectedKind, start: number, end: number, confidence: number) => {
      if (confidence >= DEFAULT_MIN_CONFIDENCE) detections.push({ kind, start, end, confidence })
    }
    detectors.scanText(doc.bytes, sink)
    const { falsePositives: fp, falseNegatives: fn } = tallyDocument(doc.labels, detections, tallies)
    for (const i of fp) falsePositives.add(detections[i]!.kind, doc.bytes, detections[i]!, doc.labels)
    for (const i of fn) falseNegatives.add(doc.labels[i]!.kind, doc.bytes, doc.labels[i]!, doc.labels)
  }
  const perKind = new Map([...tallies].map(([kind, t]) => [kind, score(t)]))
  const none = { labels: 0, detections: 0, truePositives: 0 }
  const iinBin = score(sumTallies([tallies.get('iin') ?? none, tallies.get('bin') ?? none]))

  const pairs = columns.map((c) => ({ column: c, expected: c.expected, predicted: detectors.classifyColumn(c) }))
  const macro = macroScores(pairs)
  const misses = pairs
    .filter((p) => p.expected !== p.predicted)
    .map((p) => `${p.column.name} (${p.column.type}): ${p.expected ?? 'none'} → ${p.predicted ?? 'none'}, e.g. «${p.column.values.find((v) => v)}»`)
  return {
    documents: documents.length,
    bytes,
    perKind,
    iinBin,
    falsePositives: falsePositives.top(),
    falseNegatives: falseNegatives.top(),
    columns: { count: columns.length, precision: macro.precision, recall: macro.recall, misses },
  }
}
