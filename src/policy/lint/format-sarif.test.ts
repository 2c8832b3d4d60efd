import { describe, expect, it } from 'vitest'
import { formatSarif } from './format-sarif.ts'
import type { LintReport } from './lint-policy.ts'
import { lintVariant } from './lint-test-kit.ts'
import { LINT_RULES } from './rules/index.ts'

interface SarifResult {
  ruleId: string
  ruleIndex?: number
  level: string
  message: { text: string }
  locations: { physicalLocation: { artifactLocation: { uri: string; index?: number }; region: { startLine: number; startColumn: number } } }[]
  properties: { article: string; path: string }
}
interface SarifLog {
  $schema: string
  version: string
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; help: { text: string }; helpUri?: string; defaultConfiguration: { level: string }; properties: { article: string } }[] } }
    artifacts: { location: { uri: string } }[]
    results: SarifResult[]
  }[]
}

const report = (): LintReport => {
  const variant = lintVariant((p) => {
    delete p.operator.responsiblePerson                               // error
    p.cookies!.changeable = false                                     // warning
    p.operator.dataLocation.mirrors = ['FI']                          // info → note
  })
  return { ...variant, file: 'policies/my demo.yaml', findings: variant.findings.map((f) => ({ ...f, file: 'policies/my demo.yaml' })) }
}

describe('formatSarif', () => {
  const log = JSON.parse(formatSarif(report(), { toolVersion: '0.1.0', helpUri: 'https://example.org/lint/{id}' })) as SarifLog
  const run = log.runs[0]!

  it('is a SARIF 2.1.0 log with one run', () => {
    expect(log.version).toBe('2.1.0')
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/)
    expect(log.runs).toHaveLength(1)
    expect(run.tool.driver.name).toBe('derbes-policy-lint')
  })

  it('describes every rule with its article, short description, help and default level', () => {
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(LINT_RULES.map((r) => r.id))
    for (const [i, descriptor] of run.tool.driver.rules.entries()) {
      const rule = LINT_RULES[i]!
      expect(descriptor).toMatchObject({
        shortDescription: { text: rule.title },
        help: { text: rule.hint },
        helpUri: `https://example.org/lint/${rule.id}`,
        defaultConfiguration: { level: { error: 'error', warning: 'warning', info: 'note' }[rule.severity] },
        properties: { article: rule.article },
      })
    }
  })

  it('maps severities to SARIF levels and places each result in its file, line and column', () => {
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['no-responsible-person', 'error'],
      ['cookie-choice-fixed', 'warning'],
      ['mirror-abroad', 'note'],
    ])
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex!]!.id).toBe(result.ruleId)
      expect(result.message.text).toContain(`(${result.properties.article})`)
      const [location] = result.locations
      expect(location!.physicalLocation.artifactLocation.uri).toBe('policies/my%20demo.yaml')
      expect(run.artifacts[location!.physicalLocation.artifactLocation.index!]!.location.uri).toBe('policies/my%20demo.yaml')
      expect(location!.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1)
      expect(location!.physicalLocation.region.startColumn).toBeGreaterThanOrEqual(1)
    }
  })

  it('leaves out what it was not given', () => {
    const bare = JSON.parse(formatSarif([])) as SarifLog
    expect(bare.runs[0]!.results).toEqual([])
    expect(bare.runs[0]!.tool.driver.rules[0]).not.toHaveProperty('helpUri')
    expect(bare.runs[0]!.tool.driver).not.toHaveProperty('version')
  })
})
