import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { compilePolicy, loadPolicy } from '../src/policy/index.ts'
import { LINT_RULES } from '../src/policy/lint/index.ts'

const SEEDS = ['ttc', 'tw', 'esp', 'kzk', 'ps'] as const
const coverage = readFileSync(new URL('../docs/seed-coverage.md', import.meta.url), 'utf8')

/** Every clause id a policy file cites in its `clauses:` arrays. */
function citedClauses(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) citedClauses(v, into)
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      if (key === 'clauses' && Array.isArray(v)) for (const c of v) into.add(String(c))
      else citedClauses(v, into)
    }
  return into
}

describe('the five seed policies', () => {
  it('are exactly the files in policies/', () => {
    expect(readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.yaml')).sort()).toEqual(SEEDS.map((s) => `${s}.yaml`).sort())
  })

  describe.each(SEEDS)('%s', (seed) => {
    const source = readFileSync(new URL(`./${seed}.yaml`, import.meta.url), 'utf8')

    it('loads and compiles', () => {
      const loaded = loadPolicy(source, `${seed}.yaml`)
      expect(loaded.ok ? [] : loaded.issues).toEqual([])
      if (loaded.ok) expect(compilePolicy(loaded.document).operatorId).toBe(seed)
    })

    it('has a section in docs/seed-coverage.md that names every clause the policy cites', () => {
      const section = coverage.split(/^## /m).find((s) => s.startsWith(`${seed.toUpperCase()} `))
      expect(section, `a "## ${seed.toUpperCase()} —" section`).toBeDefined()
      // A cited "TTC-9.3" is covered by a row for "TTC-9.3" or by its parent "TTC-9".
      const missing = [...citedClauses(parse(source))].filter((clause) => {
        const parts = clause.split(/(?<=\d)\./)
        return !parts.some((_, i) => section!.includes(parts.slice(0, parts.length - i).join('.')))
      })
      expect(missing).toEqual([])
    })
  })

  it('the coverage table cites only lint rules that exist', () => {
    const ids = new Set(LINT_RULES.map((r) => r.id))
    const cited = [...coverage.matchAll(/lint:([^|;]*)/g)].flatMap((m) => [...m[1]!.matchAll(/`([a-z]+(?:-[a-z0-9]+)+)`/g)].map((x) => x[1]!))
    expect(cited.length).toBeGreaterThan(5)
    expect(cited.filter((id) => !ids.has(id))).toEqual([])
  })
})
