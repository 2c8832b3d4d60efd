import { DETECTED_KINDS, type DetectedKind } from '../src/discovery/detectors/detection.ts'
import { evaluateDetectors, type Evaluation } from '../src/discovery/evaluation/evaluate.ts'
import { labelledColumns } from '../src/discovery/evaluation/labelled-columns.ts'
import { labelledDocuments } from '../src/discovery/evaluation/labelled-text.ts'
import type { KindScore } from '../src/discovery/evaluation/metrics.ts'

// Issue 7, "Speed and accuracy": the targets on the project's own labelled set.
const TARGETS: Readonly<Record<string, { precision?: number; recall?: number; f1?: number }>> = {
  'iin + bin': { precision: 0.99, recall: 0.995 },
  bank_card: { precision: 0.99, recall: 0.995 },
  iban: { precision: 0.99, recall: 0.995 },
  email: { precision: 0.99, recall: 0.99 },
  phone: { precision: 0.97, recall: 0.98 },
  person_name: { f1: 0.85 },
}
const COLUMN_TARGET = 0.97
const DOCUMENTS = 3000

export interface DiscoveryAccuracy extends Evaluation {
  /** Time to generate the labelled set, apart from scoring it. */
  generationMs: number
}

export function benchDiscoveryAccuracy(): DiscoveryAccuracy {
  const started = performance.now()
  const documents = labelledDocuments(DOCUMENTS)
  const columns = labelledColumns()
  const generationMs = performance.now() - started
  return { ...evaluateDetectors(documents, columns), generationMs }
}

function verdict(name: string, s: KindScore): string {
  const t = TARGETS[name]
  if (!t) return ''
  const met = (t.precision === undefined || s.precision >= t.precision) && (t.recall === undefined || s.recall >= t.recall) && (t.f1 === undefined || s.f1 >= t.f1)
  const wanted = [t.precision && `P ≥ ${t.precision}`, t.recall && `R ≥ ${t.recall}`, t.f1 && `F1 ≥ ${t.f1}`].filter(Boolean).join(', ')
  return `${wanted} — ${met ? 'met' : 'NOT met'}`
}

export function formatDiscoveryAccuracy(e: DiscoveryAccuracy): string {
  const row = (name: string, s: KindScore) =>
    `  ${name.padEnd(12)} ${String(s.labels).padStart(6)} ${String(s.detections).padStart(6)}  ${s.precision.toFixed(4)}  ${s.recall.toFixed(4)}  ${s.f1.toFixed(4)}  ${s.f2.toFixed(4)}  ${verdict(name, s)}`
  const kinds = DETECTED_KINDS.filter((k) => e.perKind.has(k))
  const mistakes = (title: string, of: Map<DetectedKind, { pattern: string; count: number }[]>) =>
    kinds.flatMap((k) => {
      const list = of.get(k)?.slice(0, 3) ?? []
      return list.length === 0 ? [] : [`    ${title} ${k}: ${list.map((m) => `${m.count}× ${m.pattern}`).join('; ')}`]
    })
  const columnsMet = e.columns.precision >= COLUMN_TARGET && e.columns.recall >= COLUMN_TARGET
  return [
    `discovery: accuracy on the labelled set — ${e.documents} documents (${(e.bytes / 1e6).toFixed(1)} MB, kk/ru/en, generated in ${(e.generationMs / 1000).toFixed(2)} s) with hard negatives, counted at confidence ≥ 0.5;`,
    '  a detection is right when it has the label\'s kind and overlaps ≥ 50 % of the longer span, each label matched once',
    `  ${'kind'.padEnd(12)} ${'labels'.padStart(6)} ${'found'.padStart(6)}  precis.  recall  F1      F2`,
    row('iin + bin', e.iinBin),
    ...kinds.map((k) => row(k, e.perKind.get(k)!)),
    '  most frequent mistakes (the word before ⟨the written shape⟩, and the label it sits on):',
    ...mistakes('missed', e.falseNegatives),
    ...mistakes('false', e.falsePositives),
    `  column classification: ${e.columns.count} labelled columns, macro precision ${e.columns.precision.toFixed(4)}, recall ${e.columns.recall.toFixed(4)} (target ≥ ${COLUMN_TARGET} both — ${columnsMet ? 'met' : 'NOT met'})`,
    ...e.columns.misses.map((m) => `    wrong: ${m}`),
  ].join('\n')
}
