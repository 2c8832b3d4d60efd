import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DECISION_REASONS, REASON_CODES } from './decision-reasons.ts'

const api = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8')
const section = api.split(/^## /m).find((s) => s.startsWith('Decisions\n')) ?? ''

describe('decision reasons', () => {
  it('docs/api.md "Decisions" lists every reason code with its clause, and no other', () => {
    const rows = [...section.matchAll(/^\| `([a-z_]+\.[a-z_]+)` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2]!.trim()])
    expect(rows).toEqual(REASON_CODES.map((code) => [code, DECISION_REASONS[code].clause]))
  })

  it('say every reason in Kazakh, Russian and English, each its own text', () => {
    for (const code of REASON_CODES) {
      const { kk, ru, en } = DECISION_REASONS[code].message
      expect([kk, ru, en].every((text) => text.length > 10), code).toBe(true)
      expect(new Set([kk, ru, en]).size, code).toBe(3)
      expect(kk, code).toMatch(/[әғқңөұүһі]/i)
    }
  })
})
