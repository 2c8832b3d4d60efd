import type { DetectedKind, Detection } from '../detectors/detection.ts'

/** A labelled value: its kind and its `[start, end)` byte span in the UTF-8 document. */
export interface Label {
  kind: DetectedKind
  start: number
  end: number
}

export interface Tally {
  labels: number
  detections: number
  truePositives: number
}

export interface KindScore extends Tally {
  precision: number
  recall: number
  f1: number
  f2: number
}

/** Overlap of two spans as a share of the longer one. */
export const overlapShare = (a: Label, b: Label) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / Math.max(a.end - a.start, b.end - b.start)

/**
 * The span-matching rule of the evaluation set: a detection is right when it
 * has the label's kind and the two spans overlap by at least half of the
 * longer one (so «+7 701 234 56 78» found without its «+7 » still counts, and
 * a name found as one word of three does not); each label is matched at most
 * once, by the first detection that qualifies. Returns the indexes left over:
 * detections no label takes (false positives) and labels no detection found
 * (false negatives).
 */
export function matchSpans(labels: readonly Label[], detections: readonly Detection[]): { falsePositives: number[]; falseNegatives: number[] } {
  const taken = new Array<boolean>(labels.length).fill(false)
  const falsePositives: number[] = []
  detections.forEach((detection, d) => {
    const match = labels.findIndex((label, i) => !taken[i] && label.kind === detection.kind && overlapShare(label, detection) >= 0.5)
    if (match < 0) falsePositives.push(d)
    else taken[match] = true
  })
  return { falsePositives, falseNegatives: taken.flatMap((t, i) => (t ? [] : [i])) }
}

/** Adds one document's labels and detections to per-kind tallies. */
export function tallyDocument(labels: readonly Label[], detections: readonly Detection[], into: Map<DetectedKind, Tally>): ReturnType<typeof matchSpans> {
  const tally = (kind: DetectedKind) => {
    let t = into.get(kind)
    if (!t) into.set(kind, (t = { labels: 0, detections: 0, truePositives: 0 }))
    return t
  }
  const result = matchSpans(labels, detections)
  for (const label of labels) tally(label.kind).labels++
  const wrong = new Set(result.falsePositives)
  detections.forEach((detection, i) => {
    const t = tally(detection.kind)
    t.detections++
    if (!wrong.has(i)) t.truePositives++
  })
  return result
}

/** F-beta: β = 2 weighs recall four times precision — a missed IIN costs more than a second look at a false one. */
export const fBeta = (precision: number, recall: number, beta: number) =>
  precision + recall === 0 ? 0 : ((1 + beta * beta) * precision * recall) / (beta * beta * precision + recall)

/** Precision, recall, F1 and F2 of a tally; with nothing detected precision is 1, with nothing labelled recall is 1. */
export function score(t: Tally): KindScore {
  const precision = t.detections === 0 ? 1 : t.truePositives / t.detections
  const recall = t.labels === 0 ? 1 : t.truePositives / t.labels
  return { ...t, precision, recall, f1: fBeta(precision, recall, 1), f2: fBeta(precision, recall, 2) }
}

/** Sums tallies (IIN and BIN together: the target names them as one). */
export const sumTallies = (tallies: readonly Tally[]): Tally =>
  tallies.reduce((a, t) => ({ labels: a.labels + t.labels, detections: a.detections + t.detections, truePositives: a.truePositives + t.truePositives }), { labels: 0, detections: 0, truePositives: 0 })

/**
 * Macro precision and recall of column classification: per kind, precision
 * over the columns classified as it and recall over the columns that are it;
 * then the mean over kinds. A column that is no kind and is classified as one
 * counts against that kind's precision; "no kind" is not itself a class.
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
