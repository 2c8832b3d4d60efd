import type { LintReport } from './lint-policy.ts'

/**
 * The terminal form of a lint report:
 *
 * ```text
 * policies/kzk.yaml:212:11  error  retention-unlimited  retention rule 'forever' keeps data without a time limit (art. 12(2), art. 18)
 *     hint: Give `keep` an ISO 8601 period …
 * 1 error, 0 warnings, 0 info in 1 file
 * ```
 */
export function formatHuman(reports: LintReport | readonly LintReport[]): string {
  const all = (Array.isArray(reports) ? reports : [reports]) as readonly LintReport[]
  const lines: string[] = []
  const total = { error: 0, warning: 0, info: 0 }
  for (const report of all) {
    for (const f of report.findings) {
      lines.push(`${f.file ?? report.file}:${f.line ?? 1}:${f.column ?? 1}  ${f.severity}  ${f.ruleId}  ${f.message} (${f.article})`)
      lines.push(`    hint: ${f.hint}`)
    }
    total.error += report.counts.error
    total.warning += report.counts.warning
    total.info += report.counts.info
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  lines.push(`${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}, ${total.info} info in ${plural(all.length, 'file')}`)
  return lines.join('\n') + '\n'
}
