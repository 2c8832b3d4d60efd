import { describe, expect, it } from 'vitest'
import { formatHuman } from './format-human.ts'
import type { LintReport } from './lint-policy.ts'

const REPORT: LintReport = {
  file: 'policies/kzk.yaml',
  findings: [
    {
      ruleId: 'retention-unlimited', severity: 'error', article: 'art. 12(2), art. 18', path: '/retention/2/keep',
      message: "retention rule 'forever' keeps data without a time limit", hint: 'Give `keep` a period.',
      file: 'policies/kzk.yaml', line: 212, column: 11,
    },
    {
      ruleId: 'mirror-abroad', severity: 'info', article: 'art. 12(2), art. 16', path: '/operator/dataLocation/mirrors/0',
      message: 'operator keeps a copy of its data in FI', hint: 'Keep the database in Kazakhstan.',
      file: 'policies/kzk.yaml', line: 14, column: 5,
    },
  ],
  counts: { error: 1, warning: 0, info: 1 },
}

describe('formatHuman', () => {
  it('prints file:line:col, severity, rule id, message and article, then the hint and a summary', () => {
    expect(formatHuman(REPORT)).toBe(
      [
        "policies/kzk.yaml:212:11  error  retention-unlimited  retention rule 'forever' keeps data without a time limit (art. 12(2), art. 18)",
        '    hint: Give `keep` a period.',
        'policies/kzk.yaml:14:5  info  mirror-abroad  operator keeps a copy of its data in FI (art. 12(2), art. 16)',
        '    hint: Keep the database in Kazakhstan.',
        '1 error, 0 warnings, 1 info in 1 file',
        '',
      ].join('\n'),
    )
  })

  it('sums several files into one summary', () => {
    const clean: LintReport = { file: 'policies/tw.yaml', findings: [], counts: { error: 0, warning: 0, info: 0 } }
    expect(formatHuman([REPORT, clean, REPORT]).trimEnd().split('\n').at(-1)).toBe('2 errors, 0 warnings, 2 info in 3 files')
  })
})
