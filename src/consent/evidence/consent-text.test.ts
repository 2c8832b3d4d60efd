import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compilePolicy, loadPolicy } from '../../policy/index.ts'
import { consentText, consentTextHash } from './consent-text.ts'

const form = {
  title: { kk: 'Келісім', ru: 'Согласие', en: 'Consent' },
  text: { kk: 'Мен дербес деректерімді өңдеуге келісемін.', ru: 'Я согласен.', en: 'I agree.' },
}

describe('consentText and consentTextHash', () => {
  it('is the title, a blank line and the text in that language', () => {
    expect(consentText(form, 'kk')).toBe('Келісім\n\nМен дербес деректерімді өңдеуге келісемін.')
    expect(consentTextHash(form, 'kk')).toBe(createHash('sha256').update('Келісім\n\nМен дербес деректерімді өңдеуге келісемін.', 'utf8').digest('hex'))
  })

  it('differs per language: a consent is tied to the text the subject read (art. 8(4), TTC-1.8)', () => {
    expect(new Set((['kk', 'ru', 'en'] as const).map((language) => consentTextHash(form, language))).size).toBe(3)
  })

  it('ignores how the text was stored: CR LF, trailing spaces, blank edges, decomposed letters', () => {
    const messy = {
      title: { ...form.title, kk: '\nКелісім  \r\n' },
      // "й" as и + combining breve: NFC composes it back.
      text: { ...form.text, kk: '\r\n\r\nМен дербес деректерімді өңдеуге келісемін.\t\r\n\r\n'.replace('й', 'и\u0306') },
    }
    expect(consentTextHash(messy, 'kk')).toBe(consentTextHash(form, 'kk'))
  })

  it('changes with any visible change of the text', () => {
    expect(consentTextHash({ ...form, text: { ...form.text, ru: 'Я не согласен.' } }, 'ru')).not.toBe(consentTextHash(form, 'ru'))
  })

  it('is pinned: a change of the canonical form would orphan every stored hash', () => {
    expect(consentTextHash(form, 'en')).toBe(createHash('sha256').update('Consent\n\nI agree.').digest('hex'))
    expect(consentTextHash(form, 'en')).toMatchInlineSnapshot(`"c4972fb1a7e87d2bdf6a05cbe632a84887daadb29fd6c0b8ac5b928d7d8027f6"`)
  })

  it('hashes the ESP App.1 form in Kazakh with its line breaks intact (ESP-4)', () => {
    const loaded = loadPolicy(readFileSync(new URL('../../../policies/esp.yaml', import.meta.url), 'utf8'), 'esp.yaml')
    if (!loaded.ok) throw new Error('esp.yaml does not load')
    const app1 = compilePolicy(loaded.document).consentForms.get('app-1')!
    const text = consentText(app1, 'kk')
    expect(text.startsWith('Дербес деректерді жинауға, өңдеуге келісім\n\n«ЭСПЕРАНС-РК» ЖШС\nБСН: 220240037922')).toBe(true)
    expect(consentTextHash(app1, 'kk')).toMatch(/^[0-9a-f]{64}$/)
  })
})
