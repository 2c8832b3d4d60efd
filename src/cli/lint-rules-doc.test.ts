import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { lintRulesMarkdown } from './lint-rules-doc.ts'

describe('docs/lint-rules.md', () => {
  it('is the current output of `derbes policy rules`', () => {
    const doc = readFileSync(new URL('../../docs/lint-rules.md', import.meta.url), 'utf8')
    expect(doc).toBe(lintRulesMarkdown())
  })
})
