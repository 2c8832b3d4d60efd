import type { DetectedKind, Detection } from '../detectors/detection.ts'

export interface Label {
  kind: DetectedKind
  start: number
  end: number
}

export interface KindScore {
  labels: number
  detections: number
  truePositives: number
  precision: number
  recall: number
  f1: number
  f2: number
}

/** Overlap of two spans as a share of the longer one. */
const overlap = (a: Label, b: Label) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / Math.max(a.end - a.start, b.end - b.start)

/** F-beta: β = 2 weighs recall four times precision — a missed IIN costs more than a second look at a false one. */
export const fBeta = (precision: number, recall: number, beta: number) =>
  precision + recall === 0 ? 0 : ((1 + beta * beta) * precision * recall) / (beta * beta * precision + recall)

/**
 * Scores detections against labels per kind: a detection is right when it
 * has the label's kind and covers at least half of the longer of the two
 * spans; each label is matched at most once. Detections of a kind nobody
 * labelled in that document are false positives (the hard negatives).
 */
export function scoreDocument(labels: readonly Label[], detections: readonly Detection[], into: Map<DetectedKind, { labels: number; detections: number; truePositives: number }>): void {
  const used = new Set<number>()
  const tally = (kind: DetectedKind) => {
    let t = into.get(kind)
    if (!t) into.set(kind, (t = { labels: 0, detections: 0, truePositives: 0 }))
    return t
  }
  for (const label of labels) tally(label.kind).labels++
  for (const detection of detections) {
    const t = tally(detection.kind)
    t.detections++
    const match = labels.findIndex((label, i) => !used.has(i) && label.kind === detection.kind && overlap(label, detection) >= 0.5)
    if (match >= 0) {
      used.add(match)
      t.truePositives++
    }
  }
}

export function finishScores(tallies: Map<DetectedKind, { labels: number; detections: number; truePositives: number }>): Map<DetectedKind, KindScore> {
  const scores = new Map<DetectedKind, KindScore>()
  for (const [kind, t] of tallies) {
    const precision = t.detections === 0 ? 1 : t.truePositives / t.detections
    const recall = t.labels === 0 ? 1 : t.truePositives / t.labels
    scores.set(kind, { ...t, precision, recall, f1: fBeta(precision, recall, 1), f2: fBeta(precision, recall, 2) })
  }
  return scores
}

/**
 * Macro precision and recall of column classification: per kind, precision
 * over the columns classified as it and recall over the columns that are it;
 * then the mean over kinds. A column that is no kind and is classified as one
 * counts against that kind's precision.
 */
export function macroScores(pairs: readonly { expected: DetectedKind | undefined; predicted: DetectedKind | undefined }[]): { precision: number; recall: number; perKind: Map<DetectedKind, { precision: number; recall: number }> } {
  const kinds = new Set<DetectedKind>()
  for (const p of pairs) {
    if (p.expected) kinds.add(p.expected)
    if (p.predicted) kinds.add(p.predicted)
  }
  const perKind = new Map<DetectedKind, { precision: number; recall: number }>()
  for (const kind of kinds) {
    const predicted = pairs.filter((p) => p.predicted === kind)
    const expected = pairs.filter((p) => p.expected === kind)
    const right = predicted.filter((p) => p.expected === kind).length
    perKind.set(kind, { precision: predicted.length === 0 ? 1 : right / predicted.length, recall: expected.length === 0 ? 1 : right / expected.length })
  }
  const mean = (f: (s: { precision: number; recall: number }) => number) => (perKind.size === 0 ? 1 : [...perKind.values()].reduce((a, s) => a + f(s), 0) / perKind.size)
  return { precision: mean((s) => s.precision), recall: mean((s) => s.recall), perKind }
}
