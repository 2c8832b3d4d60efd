import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { demoPolicy } from '../render/fixtures/demo-policy.ts'
import { diffPolicies } from './diff-policies.ts'
import { formatPolicyDiff } from './format-policy-diff.ts'

const before = demoPolicy()
const after = demoPolicy((d) => {
  d.version.id = '2026-2'
  const form = d.consentForms.find((f) => f.id === 'marketing')
  if (form) form.version = 2
  d.recipients.push({ id: 'ru-partner', name: { kk: 'Партнёр', ru: 'Партнёр', en: '<b>Partner</b>' }, role: 'partner', country: 'RU', purposes: ['marketing'] })
  d.deadlines.information = { days: 1, unit: 'business' }
})

describe('formatPolicyDiff', () => {
  it('puts what needs consent again first, then every change by area', () => {
    const md = formatPolicyDiff(diffPolicies(before, after, 'en'), 'en', { versions: { before: '2026-1', after: '2026-2' } })
    const headings = md.split('\n').filter((line) => line.startsWith('#'))
    expect(headings).toEqual(['# Policy changes: 2026-1 → 2026-2', '## Consent may have to be given again', '## Recipients', '## Consent forms', '## Deadlines'])
    expect(md).toContain('Changes in total: 3.')
    expect(md).toContain(
      '- New cross-border transfer: recipient “\\<b\\>Partner\\</b\\>” (Partner), Russia (RU); ground: no ground recorded – the subject’s consent is needed. **[cross-border transfer]** **[re-consent]**',
    )
    expect(marked.parse(md, { async: false })).not.toContain('<b>')
  })

  it('says so when nothing changed, in each language', () => {
    expect(formatPolicyDiff([], 'kk')).toBe('Өзгерістер жоқ.\n')
    expect(formatPolicyDiff([], 'ru', { versions: { before: 'a', after: 'b' } })).toBe('# Изменения политики: a → b\n\nИзменений нет.\n')
  })

  it('writes Russian headings for Russian changes', () => {
    const md = formatPolicyDiff(diffPolicies(before, after, 'ru'), 'ru')
    expect(md).toContain('# Может потребоваться повторное согласие')
    expect(md).toContain('# Сроки\n\n- Срок «Информация о наличии и обработке персональных данных» сокращён: 3 рабочих дня → 1 рабочий день')
  })
})
