import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LINT_SEVERITIES } from '../lint-rule.ts'
import { lintVariant } from '../lint-test-kit.ts'
import { LINT_RULES } from './index.ts'

describe('LINT_RULES', () => {
  it('has at least 22 rules with unique kebab-case ids', () => {
    const ids = LINT_RULES.map((rule) => rule.id)
    expect(ids.length).toBeGreaterThanOrEqual(22)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/)
  })

  it.each(LINT_RULES.map((rule) => [rule.id, rule] as const))('%s cites its article and says what it checks and how to fix it', (_id, rule) => {
    expect(rule.article).toMatch(/^(art\. \d+(-\d+)?(\(\d+(-\d+)?\))*|Civil Code art\. \d+)/)
    expect(LINT_SEVERITIES).toContain(rule.severity)
    expect(rule.title.length).toBeGreaterThan(10)
    expect(rule.hint.length).toBeGreaterThan(20)
  })

  it('every rule has tests of its own beside it', () => {
    const dir = new URL('./', import.meta.url)
    const tests = readdirSync(dir).filter((f) => f.endsWith('.test.ts') && f !== 'index.test.ts')
    const source = tests.map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n')
    const untested = LINT_RULES.filter((rule) => {
      const exportName = rule.id.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase())
      return !new RegExp(`\\b${exportName}\\b`).test(source)
    })
    expect(untested.map((rule) => rule.id)).toEqual([])
  })

  it('finds nothing in the compliant base policy', () => {
    expect(lintVariant().findings).toEqual([])
  })
})
