import { describe, expect, it } from 'vitest'
import { formatJson } from './format-json.ts'
import { lintVariant } from './lint-test-kit.ts'

describe('formatJson', () => {
  it('round-trips the reports, findings unchanged', () => {
    const report = lintVariant((p) => {
      delete p.operator.responsiblePerson
    })
    const parsed = JSON.parse(formatJson(report)) as { reports: unknown[] }
    expect(parsed.reports).toEqual([report])
    expect(parsed.reports[0]).toMatchObject({ counts: { error: 1 }, findings: [{ ruleId: 'no-responsible-person', path: '/operator' }] })
  })
})
