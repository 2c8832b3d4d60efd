import { describe, expect, it } from 'vitest'
import { LAW_94V } from '../law-profile.ts'
import { loadPolicy } from '../load-policy.ts'
import { lintPolicy } from './lint-policy.ts'
import { defineRule } from './lint-rule.ts'
import { BASE_POLICY_SOURCE } from './lint-test-kit.ts'

const load = (source: string) => {
  const loaded = loadPolicy(source, 'policies/demo.yaml')
  if (!loaded.ok) throw new Error('fixture does not load')
  return loaded
}
const lineOf = (source: string, needle: string) => source.split('\n').findIndex((l) => l.includes(needle)) + 1

describe('lintPolicy', () => {
  it('reports nothing on a compliant policy', () => {
    expect(lintPolicy(load(BASE_POLICY_SOURCE))).toEqual({ file: 'policies/demo.yaml', findings: [], counts: { error: 0, warning: 0, info: 0 } })
  })

  it('places each finding at the line and column of its pointer, in the file it came from', () => {
    const source = BASE_POLICY_SOURCE.replace('triggers: [contract_end], keep: P1Y', 'triggers: [contract_end], keep: unlimited')
    const [finding] = lintPolicy(load(source)).findings.filter((f) => f.ruleId === 'retention-unlimited')
    const line = lineOf(source, 'keep: unlimited')
    expect(finding).toMatchObject({ file: 'policies/demo.yaml', path: '/retention/0/keep', line })
    expect(finding!.column).toBe(source.split('\n')[line - 1]!.indexOf('unlimited') + 1)
  })

  it('sorts errors before warnings before info, then by line, and counts each severity', () => {
    const source = BASE_POLICY_SOURCE
      .replace('dataLocation: { database: KZ }', 'dataLocation: { database: RU, mirrors: [FI] }')
      .replace('changeable: true', 'changeable: false')
      .replace('triggers: [relationship_end], keep: P5Y', 'triggers: [relationship_end], keep: unlimited')
      .replace('minimumNecessary: true', 'minimumNecessary: false')
    const report = lintPolicy(load(source))
    expect(report.findings.map((f) => [f.severity, f.ruleId])).toEqual([
      ['error', 'storage-outside-kz'],
      ['error', 'retention-unlimited'],
      ['warning', 'cookie-choice-fixed'],
      ['warning', 'access-not-minimum'],
      ['info', 'mirror-abroad'],
    ])
    expect(report.counts).toEqual({ error: 2, warning: 2, info: 1 })
  })

  it('reads the law from the profile it is given, not from code', () => {
    const law = { ...LAW_94V, storageCountry: 'UZ' }
    const ruleIds = lintPolicy(load(BASE_POLICY_SOURCE), law).findings.map((f) => f.ruleId)
    expect(ruleIds).toContain('storage-outside-kz')
  })

  it('runs only the rules it is given', () => {
    const always = defineRule(
      { id: 'always', article: 'art. 1', severity: 'info', title: 'Always finds', hint: 'Nothing to do.' },
      ({ report }) => report(['operator', 'bin'], 'found'),
    )
    const report = lintPolicy(load(BASE_POLICY_SOURCE), LAW_94V, [always])
    expect(report.findings).toEqual([
      {
        ruleId: 'always', severity: 'info', article: 'art. 1', message: 'found', hint: 'Nothing to do.', path: '/operator/bin',
        file: 'policies/demo.yaml', line: lineOf(BASE_POLICY_SOURCE, 'bin: "940140000385"'), column: 8,
      },
    ])
  })
})
