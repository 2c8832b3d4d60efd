import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../schema/index.ts'
import { compileSource } from './fixtures/demo-policy.ts'
import { renderConsentForm } from './render-consent-form.ts'
import { renderNotice } from './render-notice.ts'
import { escapeHtml } from './to-html.ts'
import { escapeMarkdown } from './to-markdown.ts'

const POLICIES = new URL('../../../policies/', import.meta.url)
const seeds = existsSync(POLICIES) ? readdirSync(POLICIES).filter((name) => name.endsWith('.yaml')).sort() : []

// The five seed policies (TTC, TW, ESP, KZK, PS) arrive in policies/ as they are written.
describe.skipIf(seeds.length === 0)('the seed policies', () => {
  it.each(seeds)('%s renders in kk, ru and en with its operator name and BIN, and prints its consent forms', (name) => {
    const policy = compileSource(readFileSync(new URL(name, POLICIES), 'utf8'), name)
    const { operator } = policy.document
    for (const lang of LANGUAGES) {
      const html = renderNotice(policy, lang, 'html')
      const md = renderNotice(policy, lang, 'md')
      expect(html).toContain(`<html lang="${lang}">`)
      expect(html).toContain(escapeHtml(operator.name[lang]))
      expect(md).toContain(escapeMarkdown(operator.name[lang]))
      if (operator.bin) {
        expect(html).toContain(operator.bin)
        expect(md).toContain(operator.bin)
      }
      for (const purpose of policy.purposes.values()) expect(html).toContain(escapeHtml(purpose.name[lang]))
      for (const form of policy.consentForms.values()) {
        expect(renderConsentForm(policy, form.id, lang, 'html')).toContain(escapeHtml(operator.name[lang]))
        expect(renderConsentForm(policy, form.id, lang, 'md')).toContain(escapeMarkdown(form.title[lang]))
      }
    }
  })

  it.skipIf(!seeds.includes('ttc.yaml'))('lists TTC (43 items, 21 purposes) in a few rows that cite purposes by number, like its Appendix 1', () => {
    const policy = compileSource(readFileSync(new URL('ttc.yaml', POLICIES), 'utf8'), 'ttc.yaml')
    const md = renderNotice(policy, 'kk', 'md')
    const list = md.slice(md.indexOf('## Дербес деректер тізбесі'), md.indexOf('## Өңдеу мақсаттары'))
    const rows = list.split('\n').filter((line) => line.startsWith('| ')).slice(1)
    expect(policy.items.size).toBe(43)
    expect(rows.length).toBeLessThan(policy.items.size)
    expect(rows.length).toBeGreaterThanOrEqual(policy.document.categories.length)
    expect(list).toMatch(/\| \d+–\d+(, \d+(–\d+)?)* \|/)
    for (const purpose of policy.purposes.values()) expect(list).not.toContain(escapeMarkdown(purpose.name.kk))
    expect(md).toContain(`### 21. ${escapeMarkdown([...policy.purposes.values()][20]?.name.kk ?? '')}`)
  })
})
