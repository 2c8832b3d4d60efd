import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadPolicy } from '../policy/index.ts'
import { BANNER_TEXTS, bannerConfig } from './banner-config.ts'

describe("the banner's configuration (issue 6 §3)", () => {
  it('every text the visitor reads exists in kk, ru and en', () => {
    for (const [key, text] of Object.entries(BANNER_TEXTS)) {
      for (const lang of ['kk', 'ru', 'en'] as const) expect(text[lang].trim(), `${key}.${lang}`).not.toBe('')
    }
    // Kazakh first and really Kazakh: its own letters, not a copy of the Russian.
    expect(BANNER_TEXTS.reject.kk).not.toBe(BANNER_TEXTS.reject.ru)
    expect(BANNER_TEXTS.body.kk).toMatch(/[әғқңөұүһі]/)
  })

  it("TTC-5.2, TTC-5.5: TTC's four categories with their consent flag, and only third-party vendors with their country", () => {
    const ttc = loadPolicy(readFileSync('policies/ttc.yaml', 'utf8'), 'policies/ttc.yaml')
    if (!ttc.ok || !ttc.document.cookies) throw new Error('the TTC seed policy has cookies')
    const config = bannerConfig('ttc', ttc.document.version.id, ttc.document.cookies)
    expect(config.categories.map((c) => [c.id, c.requiresConsent])).toEqual([['functional', true], ['necessary', false], ['marketing', true], ['analytics', true]])
    expect(config.vendors).toEqual([{ name: 'Google Analytics', category: 'analytics', country: 'US' }])
    expect(config.categories[0]!.name.kk).toBe('Функционалдық')
  })
})
