import { describe, expect, it } from 'vitest'
import type { DetectedKind } from '../detectors/detection.ts'
import { fBeta, macroScores, matchSpans, score, sumTallies, tallyDocument, type Tally } from './metrics.ts'

const det = (kind: DetectedKind, start: number, end: number) => ({ kind, start, end, confidence: 0.9 })

describe('evaluation metrics (issue 7, "A labelled evaluation set")', () => {
  it('matches a detection to a label of its kind covering half the longer span, each label once', () => {
    const labels = [{ kind: 'phone' as const, start: 0, end: 12 }, { kind: 'iin' as const, start: 20, end: 32 }, { kind: 'person_name' as const, start: 40, end: 60 }]
    const detections = [
      det('phone', 2, 12), // 10 of 12 bytes: right
      det('phone', 0, 12), // the label is taken: a false positive
      det('iin', 20, 25), // 5 of 12: wrong
      det('email', 70, 80), // nobody labelled it
      det('bin', 20, 32), // the right span, the wrong kind
      det('person_name', 30, 50), // 10 of 20: exactly half counts
    ]
    expect(matchSpans(labels, detections)).toEqual({ falsePositives: [1, 2, 3, 4], falseNegatives: [1] })
  })

  it('tallies per kind and scores precision, recall, F1 and F2 from hand-counted cases', () => {
    const tallies = new Map<DetectedKind, Tally>()
    tallyDocument([{ kind: 'phone', start: 0, end: 12 }, { kind: 'phone', start: 20, end: 32 }], [det('phone', 0, 12), det('phone', 40, 52), det('phone', 60, 72)], tallies)
    tallyDocument([{ kind: 'phone', start: 0, end: 12 }], [det('phone', 0, 11)], tallies)
    // 3 labels, 4 detections, 2 right: P = 1/2, R = 2/3.
    const s = score(tallies.get('phone')!)
    expect(s).toMatchObject({ labels: 3, detections: 4, truePositives: 2, precision: 0.5 })
    expect(s.recall).toBeCloseTo(2 / 3)
    expect(s.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3))
    expect(s.f2).toBeCloseTo((5 * 0.5 * (2 / 3)) / (4 * 0.5 + 2 / 3))
  })

  it('gives precision 1 with nothing detected and recall 1 with nothing labelled', () => {
    expect(score({ labels: 4, detections: 0, truePositives: 0 })).toMatchObject({ precision: 1, recall: 0, f1: 0 })
    expect(score({ labels: 0, detections: 2, truePositives: 0 })).toMatchObject({ precision: 0, recall: 1, f1: 0 })
  })

  it('computes F1 and F2 (recall weighed four times)', () => {
    expect(fBeta(0.5, 1, 1)).toBeCloseTo(2 / 3)
    expect(fBeta(0.5, 1, 2)).toBeCloseTo(5 / 6)
    expect(fBeta(1, 0.5, 2)).toBeCloseTo(5 / 9)
    expect(fBeta(0, 0, 2)).toBe(0)
  })

  it('sums IIN and BIN tallies', () => {
    expect(sumTallies([{ labels: 3, detections: 2, truePositives: 2 }, { labels: 1, detections: 4, truePositives: 1 }])).toEqual({ labels: 4, detections: 6, truePositives: 3 })
  })

  it('averages column precision and recall over kinds, a wrongly classified negative costing its kind precision', () => {
    const { precision, recall, perKind } = macroScores([
      { expected: 'iin', predicted: 'iin' },
      { expected: 'iin', predicted: undefined },
      { expected: undefined, predicted: 'phone' },
      { expected: 'phone', predicted: 'phone' },
      { expected: undefined, predicted: undefined },
    ])
    expect(perKind.get('iin')).toEqual({ precision: 1, recall: 0.5 })
    expect(perKind.get('phone')).toEqual({ precision: 0.5, recall: 1 })
    expect(precision).toBeCloseTo(0.75)
    expect(recall).toBeCloseTo(0.75)
  })
})
