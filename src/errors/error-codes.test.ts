import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from './error-codes.ts'

describe('error codes', () => {
  const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8')

  it('are each documented in docs/errors.md with their status', () => {
    for (const [code, { status }] of Object.entries(ERROR_CODES)) {
      expect(doc, code).toMatch(new RegExp(`\\| \`${code}\` \\| ${status} \\|`))
    }
  })

  it('are unique and follow the DERBES_ naming', () => {
    const documented = [...doc.matchAll(/\| `(DERBES_[A-Z_]+)` \|/g)].map((m) => m[1])
    expect(new Set(documented).size).toBe(documented.length)
    expect(documented.sort()).toEqual(Object.keys(ERROR_CODES).sort())
    for (const code of Object.keys(ERROR_CODES)) expect(code).toMatch(/^DERBES_[A-Z]+(_[A-Z]+)*$/)
  })
})
