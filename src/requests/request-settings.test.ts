import { describe, expect, it } from 'vitest'
import { noticeLanguageOf, parseNoticeLanguage, requestSettings } from './request-settings.ts'

describe('the notice language setting', () => {
  it('is Kazakh for every operator when not configured', () => {
    expect(requestSettings({}).noticeLanguage).toEqual({ default: 'kk', byOperator: {} })
    expect(noticeLanguageOf(requestSettings({}), 'tw')).toBe('kk')
  })
  it('takes a bare default and operator=language entries', () => {
    const settings = requestSettings({ requestNoticeLanguage: ' tw = ru , en, esp=kk' })
    expect(settings.noticeLanguage).toEqual({ default: 'en', byOperator: { tw: 'ru', esp: 'kk' } })
    expect([noticeLanguageOf(settings, 'tw'), noticeLanguageOf(settings, 'esp'), noticeLanguageOf(settings, 'ps')]).toEqual(['ru', 'kk', 'en'])
  })
  it('refuses what is not a language, naming the setting', () => {
    expect(() => parseNoticeLanguage('tw=de')).toThrow(expect.objectContaining({ code: 'DERBES_CONFIG_INVALID', errors: [expect.objectContaining({ pointer: '/requestNoticeLanguage' })] }))
    expect(() => parseNoticeLanguage('TW=ru')).toThrow(expect.objectContaining({ code: 'DERBES_CONFIG_INVALID' }))
  })
})
