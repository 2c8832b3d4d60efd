import { describe, expect, it } from 'vitest'
import { evaluateDetectors } from './evaluate.ts'

// Issue 7, "Speed and accuracy": the accuracy targets on the project's own labelled set (a smaller draw of it
// here; `npm run bench -- accuracy` prints the full one).
describe('accuracy on the labelled set', () => {
  const evaluation = evaluateDetectors({ documents: 800, seed: 2026 })
  const score = (kind: Parameters<typeof evaluation.perKind.get>[0]) => evaluation.perKind.get(kind)!

  it('IIN/BIN, cards and IBAN: precision ≥ 0.99, recall ≥ 0.995', () => {
    for (const s of [evaluation.iinBin, score('bank_card'), score('iban')]) {
      expect(s.precision).toBeGreaterThanOrEqual(0.99)
      expect(s.recall).toBeGreaterThanOrEqual(0.995)
    }
  })

  it('e-mail ≥ 0.99 both; phones precision ≥ 0.97, recall ≥ 0.98; names F1 ≥ 0.85', () => {
    expect(score('email').precision).toBeGreaterThanOrEqual(0.99)
    expect(score('email').recall).toBeGreaterThanOrEqual(0.99)
    expect(score('phone').precision).toBeGreaterThanOrEqual(0.97)
    expect(score('phone').recall).toBeGreaterThanOrEqual(0.98)
    expect(score('person_name').f1).toBeGreaterThanOrEqual(0.85)
  })

  it('column classification: macro precision and recall ≥ 0.97', () => {
    expect(evaluation.columns.misses).toEqual([])
    expect(evaluation.columns.precision).toBeGreaterThanOrEqual(0.97)
    expect(evaluation.columns.recall).toBeGreaterThanOrEqual(0.97)
  })
})
