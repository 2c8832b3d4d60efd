import type { LintReport } from './lint-policy.ts'

/** Machine-readable form: `{ reports: [{ file, counts, findings }] }`, findings exactly as the rules produced them. */
export function formatJson(reports: LintReport | readonly LintReport[]): string {
  const all = (Array.isArray(reports) ? reports : [reports]) as readonly LintReport[]
  return JSON.stringify({ reports: all }, null, 2) + '\n'
}
