import { describe, expect, it } from 'vitest'
import type { DetectedKind } from '../detectors/detection.ts'
import { fBeta, finishScores, macroScores, scoreDocument } from './metrics.ts'

describe('evaluation metrics', () => {
  it('matches a detection to a label of its kind covering half the longer span, each label once', () => {
    const tallies = new Map()
    scoreDocument(
      [{ kind: 'phone', start: 0, end: 12 }, { kind: 'iin', start: 20, end: 32 }],
      [
        { kind: 'phone', start: 2, end: 12, confidence: 0.9 }, // 10 of 12: right
        { kind: 'phone', start: 0, end: 12, confidence: 0.9 }, // the label is taken: a false positive
        { kind: 'iin', start: 20, end: 25, confidence: 0.9 }, // 5 of 12: wrong
        { kind: 'email', start: 40, end: 50, confidence: 0.9 }, // nobody labelled it
      ],
      tallies,
    )
    const scores = finishScores(tallies)
    expect(scores.get('phone')).toMatchObject({ labels: 1, detections: 2, truePositives: 1, precision: 0.5, recall: 1 })
    expect(scores.get('iin')).toMatchObject({ precision: 0, recall: 0, f1: 0 })
    expect(scores.get('email')).toMatchObject({ labels: 0, detections: 1, precision: 0, recall: 1 })
  })

  it('computes F1 and F2 (recall weighed four times)', () => {
    expect(fBeta(0.5, 1, 1)).toBeCloseTo(2 / 3)
    expect(fBeta(0.5, 1, 2)).toBeCloseTo(5 / 6)
    expect(fBeta(1, 0.5, 2)).toBeCloseTo(5 / 9)
  })

  it('averages column precision and recall over kinds', () => {
    const pairs: { expected: DetectedKind | undefined; predicted: DetectedKind | undefined }[] = [
      { expected: 'iin', predicted: 'iin' },
      { expected: 'iin', predicted: undefined },
      { expected: undefined, predicted: 'phone' },
      { expected: 'phone', predicted: 'phone' },
    ]
    const { precision, recall } = macroScores(pairs)
    expect(precision).toBeCloseTo((1 + 0.5) / 2)
    expect(recall).toBeCloseTo((0.5 + 1) / 2)
  })
})
