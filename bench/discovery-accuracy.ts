import { DETECTED_KINDS } from '../src/discovery/detectors/detection.ts'
import { evaluateDetectors, type Evaluation } from '../src/discovery/evaluation/evaluate.ts'
import type { KindScore } from '../src/discovery/evaluation/metrics.ts'

// Issue 7, accuracy targets on the project's own labelled set.
const TARGETS: Record<string, { precision?: number; recall?: number; f1?: number }> = {
  'iin + bin': { precision: 0.99, recall: 0.995 },
  bank_card: { precision: 0.99, recall: 0.995 },
  iban: { precision: 0.99, recall: 0.995 },
  email: { precision: 0.99, recall: 0.99 },
  phone: { precision: 0.97, recall: 0.98 },
  person_name: { f1: 0.85 },
}

export function benchDiscoveryAccuracy(): Evaluation {
  return evaluateDetectors()
}

function verdict(name: string, s: { precision: number; recall: number; f1: number }): string {
  const t = TARGETS[name]
  if (!t) return ''
  const met = (t.precision === undefined || s.precision >= t.precision) && (t.recall === undefined || s.recall >= t.recall) && (t.f1 === undefined || s.f1 >= t.f1)
  const wanted = [t.precision && `P ≥ ${t.precision}`, t.recall && `R ≥ ${t.recall}`, t.f1 && `F1 ≥ ${t.f1}`].filter(Boolean).join(', ')
  return `${wanted} — ${met ? 'met' : 'NOT met'}`
}

export function formatDiscoveryAccuracy(e: Evaluation): string {
  const row = (name: string, s: KindScore) =>
    `  ${name.padEnd(12)} ${String(s.labels).padStart(6)} ${String(s.detections).padStart(6)}  ${s.precision.toFixed(4)}  ${s.recall.toFixed(4)}  ${s.f1.toFixed(4)}  ${s.f2.toFixed(4)}  ${verdict(name, s)}`
  const lines = [
    `discovery: accuracy on the labelled set — ${e.documents} documents (${(e.bytes / 1e6).toFixed(1)} MB) in kk/ru/en with hard negatives, counted at confidence ≥ 0.5`,
    `  ${'kind'.padEnd(12)} ${'labels'.padStart(6)} ${'found'.padStart(6)}  precis.  recall  F1      F2`,
    row('iin + bin', e.iinBin),
    ...DETECTED_KINDS.filter((k) => e.perKind.has(k)).map((k) => row(k, e.perKind.get(k)!)),
    `  column classification: ${e.columns.count} labelled columns, macro precision ${e.columns.precision.toFixed(4)}, recall ${e.columns.recall.toFixed(4)} (target ≥ 0.97 both — ${e.columns.precision >= 0.97 && e.columns.recall >= 0.97 ? 'met' : 'NOT met'})`,
    ...e.columns.misses.map((m) => `    missed: ${m}`),
  ]
  return lines.join('\n')
}
