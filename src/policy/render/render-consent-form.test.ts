import { describe, expect, it } from 'vitest'
import { DerbesError } from '../../errors/index.ts'
import { LANGUAGES } from '../schema/index.ts'
import { demoPolicy } from './fixtures/demo-policy.ts'
import { renderConsentForm } from './render-consent-form.ts'

const policy = demoPolicy()

describe('renderConsentForm', () => {
  it.each(LANGUAGES)('prints every form of the demo policy in %s, as HTML and Markdown', (lang) => {
    for (const form of policy.consentForms.values())
      for (const format of ['html', 'md'] as const) {
        const text = renderConsentForm(policy, form.id, lang, format)
        expect(text).toContain('940140000385')
        expect(text).toContain(form.purposes.map((id) => policy.purposes.get(id)?.name[lang] ?? '')[0]?.replace(/'/g, format === 'html' ? '&#39;' : "'"))
      }
  })

  it('carries what art. 8(4) asks: operator and BIN, blanks for name, IIN, ID document, signature and date, term, data', () => {
    const md = renderConsentForm(policy, 'marketing', 'kk', 'md')
    expect(md).toContain('**«Демо Сауда» ЖШС**\n\nБСН: 940140000385')
    expect(md).toMatch(/^Тегі, аты, әкесінің аты \(бар болса\): _{40} {2}$/m)
    expect(md).toMatch(/^ЖСН: _{40}/m)
    expect(md).toMatch(/^Жеке басын куәландыратын құжат: түрі, нөмірі, кім және қашан берген: _{40}/m)
    expect(md).toMatch(/^Қолы: _{40}/m)
    expect(md).toMatch(/^Күні: _{40}/m)
    expect(md).toContain('Мен «Демо Сауда» ЖШС-нің маған акциялар туралы SMS және электрондық пошта арқылы хабарламалар жіберуіне келісемін.')
    expect(md).toContain('## Келісімнің қолданылу мерзімі\n\nКелісім кері қайтарып алынғанға дейін')
    // The marketing form narrows its purpose to three items (art. 8(4)(7)).
    expect(md).toContain('1. Сәйкестендіру және байланыс деректері: Тегі, аты, әкесінің аты, Ұялы телефон нөмірі, Электрондық пошта')
    expect(md).not.toContain('ЖСН (')
  })

  it('states third-party, cross-border and publication only as the form does', () => {
    const analytics = renderConsentForm(policy, 'analytics', 'en', 'md')
    expect(analytics).toContain('- Personal data may be transferred to third parties.')
    expect(analytics).toContain('- Personal data may be transferred across the border to: United States (US).')
    expect(analytics).toContain('- Personal data is not published in public sources.')
    expect(analytics).toContain('Recipients: Google LLC')

    const silent = demoPolicy((d) => {
      const form = d.consentForms.find((f) => f.id === 'marketing')
      if (form) {
        delete form.thirdPartyTransfer
        delete form.crossBorder
        delete form.publication
        delete form.term
      }
    })
    const md = renderConsentForm(silent, 'marketing', 'en', 'md')
    expect(md).not.toMatch(/third parties|across the border|public sources/)
    expect(md).not.toContain('## Term of consent')
  })

  it('lets a legal representative sign for a child (art. 8, Civil Code art. 22)', () => {
    const md = renderConsentForm(policy, 'biometrics', 'ru', 'md')
    expect(md).toContain('## Субъект персональных данных (несовершеннолетний или недееспособный)')
    expect(md).toContain('## Законный представитель (если согласие даётся за несовершеннолетнего или недееспособного)')
    expect(md).toMatch(/^Основание представительства \(документ\): _{40}/m)
    expect(md).toContain('Я, как законный представитель, согласен(на) на обработку изображения лица моего ребёнка только для контроля доступа в школу.\n\nЯ могу отозвать это согласие в любое время.')
  })

  it('tells how to withdraw and by when (art. 8(7); the policy is stricter)', () => {
    const md = renderConsentForm(policy, 'marketing', 'ru', 'md')
    expect(md).toContain('- **Способы:** личный кабинет (портал), электронная почта, письменное заявление')
    expect(md).toContain('в срок: 1 рабочий день (политика строже закона: по закону – 15 рабочих дней, п. 7 ст. 8 Закона)')
  })

  it('prints on A4 as a standalone page in the form language', () => {
    const html = renderConsentForm(policy, 'biometrics', 'kk', 'html')
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="kk">')).toBe(true)
    expect(html).toContain('@page{size:A4')
    expect(html).toContain('<span class="blank"></span><span class="label">Қолы</span>')
    expect(html).not.toContain('class="toc"')
    expect(html).toContain('Нысан: biometrics, 2-нұсқа; саясаттың 2026-1 редакциясы')
  })

  it('prints an earlier version still in the document when asked', () => {
    const twoVersions = demoPolicy((d) => {
      const first = d.consentForms.find((f) => f.id === 'marketing')
      if (first) d.consentForms.push({ ...structuredClone(first), version: 2, text: { kk: 'Жаңа мәтін.', ru: 'Новый текст.', en: 'New text.' } })
    })
    expect(renderConsentForm(twoVersions, 'marketing', 'en', 'md')).toContain('New text.')
    expect(renderConsentForm(twoVersions, 'marketing', 'en', 'md', { version: 1 })).toContain('I agree that Demo Sauda LLP may send me')
  })

  it('refuses an unknown form with DERBES_NOT_FOUND', () => {
    expect(() => renderConsentForm(policy, 'nope', 'en', 'html')).toThrow(DerbesError)
    try {
      renderConsentForm(policy, 'marketing', 'en', 'html', { version: 9 })
      expect.unreachable()
    } catch (error) {
      expect(error).toMatchObject({ code: 'DERBES_NOT_FOUND', status: 404 })
    }
  })
})
