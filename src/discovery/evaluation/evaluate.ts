import { classifyColumn } from '../columns/classify-column.ts'
import type { DetectedKind, Detection } from '../detectors/detection.ts'
import { scanStructured } from '../detectors/scan-structured.ts'
import { DEFAULT_MIN_CONFIDENCE } from '../files/scan-files.ts'
import { scanNamesAndAddresses } from '../names/scan-names.ts'
import { labelledColumns } from './labelled-columns.ts'
import { labelledDocuments } from './labelled-text.ts'
import { finishScores, fBeta, macroScores, scoreDocument, type KindScore } from './metrics.ts'

export interface Evaluation {
  documents: number
  bytes: number
  perKind: Map<DetectedKind, KindScore>
  /** IIN and BIN together: the target names them as one. */
  iinBin: KindScore
  columns: { count: number; precision: number; recall: number; misses: string[] }
}

/**
 * Runs the detectors over the labelled set and scores them (issue 7, "Speed
 * and accuracy"): text detections counted at the confidence a file scan
 * counts at, and every labelled column classified.
 */
export function evaluateDetectors(options: { documents?: number; seed?: number } = {}): Evaluation {
  const documents = labelledDocuments(options.documents ?? 3000, options.seed)
  const tallies = new Map<DetectedKind, { labels: number; detections: number; truePositives: number }>()
  let bytes = 0
  for (const doc of documents) {
    bytes += doc.bytes.length
    const detections: Detection[] = []
    const sink = (kind: DetectedKind, start: number, end: number, confidence: number) => {
      if (confidence >= DEFAULT_MIN_CONFIDENCE) detections.push({ kind, start, end, confidence })
    }
    scanStructured(doc.bytes, 0, doc.bytes.length, sink)
    scanNamesAndAddresses(doc.bytes, 0, doc.bytes.length, sink)
    scoreDocument(doc.labels, detections, tallies)
  }
  const perKind = finishScores(tallies)
  const both = ['iin', 'bin'].map((k) => tallies.get(k as DetectedKind) ?? { labels: 0, detections: 0, truePositives: 0 })
  const sum = { labels: both[0]!.labels + both[1]!.labels, detections: both[0]!.detections + both[1]!.detections, truePositives: both[0]!.truePositives + both[1]!.truePositives }
  const precision = sum.detections === 0 ? 1 : sum.truePositives / sum.detections
  const recall = sum.labels === 0 ? 1 : sum.truePositives / sum.labels
  const iinBin = { ...sum, precision, recall, f1: fBeta(precision, recall, 1), f2: fBeta(precision, recall, 2) }

  const columns = labelledColumns(options.seed)
  const pairs = columns.map((c) => ({ name: c.name, expected: c.expected, predicted: classifyColumn(c).kind }))
  const macro = macroScores(pairs)
  const misses = pairs.filter((p) => p.expected !== p.predicted).map((p) => `${p.name}: ${p.expected ?? 'none'} → ${p.predicted ?? 'none'}`)
  return { documents: documents.length, bytes, perKind, iinBin, columns: { count: columns.length, precision: macro.precision, recall: macro.recall, misses } }
}
