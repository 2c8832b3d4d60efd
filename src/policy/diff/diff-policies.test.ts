import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileSource, demoPolicy } from '../render/fixtures/demo-policy.ts'
import { LANGUAGES, type PolicyDocument } from '../schema/index.ts'
import { diffPolicies } from './diff-policies.ts'
import type { PolicyChange } from './policy-change.ts'

const before = demoPolicy()
const changesAfter = (edit: (document: PolicyDocument) => void, lang: 'kk' | 'ru' | 'en' = 'en') => diffPolicies(before, demoPolicy(edit), lang)
const only = (changes: PolicyChange[]) => {
  expect(changes).toHaveLength(1)
  return changes[0] as PolicyChange
}
const marketingForm = (d: PolicyDocument) => {
  const form = d.consentForms.find((f) => f.id === 'marketing')
  if (!form) throw new Error('the demo policy lost its marketing form')
  return form
}

describe('diffPolicies', () => {
  it('finds nothing between a version and itself', () => {
    expect(diffPolicies(before, demoPolicy(), 'en')).toEqual([])
    // The version id alone is no change a subject notices.
    expect(changesAfter((d) => (d.version.id = '2026-2'))).toEqual([])
  })

  it('reports an added purpose with its basis', () => {
    const change = only(
      changesAfter((d) => {
        d.purposes.push({ id: 'loyalty', name: { kk: 'Адалдық бағдарламасы', ru: 'Программа лояльности', en: 'Loyalty programme' }, basis: 'consent', categories: ['identification'], retention: 'marketing' })
      }),
    )
    expect(change).toMatchObject({ kind: 'added', area: 'purposes', id: 'loyalty', summary: 'Added: purpose “Loyalty programme”', after: 'The data subject’s consent' })
  })

  it('reports a removed purpose, and the recipient that loses it', () => {
    const changes = changesAfter((d) => {
      d.purposes = d.purposes.filter((p) => p.id !== 'accounting')
      d.recipients = d.recipients.filter((r) => r.id !== 'tax-authority')
    })
    expect(changes.map((c) => [c.kind, c.area, c.id])).toEqual([
      ['removed', 'purposes', 'accounting'],
      ['removed', 'recipients', 'tax-authority'],
    ])
  })

  it('tells a changed retention rule once, in words, naming the purposes that use it', () => {
    const keep = (years: string) => (d: PolicyDocument) => {
      const rule = d.retention.find((r) => r.id === 'after-relationship')
      if (rule) rule.keep = years
    }
    const change = only(changesAfter(keep('P5Y')))
    expect(change).toMatchObject({ kind: 'changed', area: 'retention', id: 'after-relationship', field: 'retention' })
    expect(change.summary).toBe(
      'Retention rule “10 years after the relationship ends”: kept 10 years → 5 years after the end of the relationship; used by purposes “Concluding and performing the contract” and “Accounting”',
    )
    expect(change.after).toBe('Kept 5 years after the end of the relationship, then destroyed; longer where a law requires it.')
    expect(only(diffPolicies(before, demoPolicy(keep('P3Y')), 'ru')).summary).toBe(
      'Правило хранения «10 лет после окончания отношений»: срок хранения 10 лет → 3 года после окончания отношений; используется для целей: «Заключение и исполнение договора» и «Бухгалтерский учёт»',
    )
    expect(only(diffPolicies(before, demoPolicy(keep('P3Y')), 'kk')).summary).toBe(
      '«Қатынастар аяқталғаннан кейін 10 жыл» сақтау ережесі: қатынастар аяқталғаннан кейін 10 жыл → 3 жыл сақталады; мына мақсаттар үшін пайдаланылады: «Шартты жасау және орындау» және «Бухгалтерлік есеп»',
    )
  })

  it('tells TW keeping data 30 days instead of none as one change of its rule, naming all six purposes (TW-6.3)', () => {
    const tw = readFileSync(new URL('../../../policies/tw.yaml', import.meta.url), 'utf8')
    const twBefore = compileSource(tw, 'tw.yaml')
    const twAfter = compileSource(tw.replace(/^(\s+keep:) P0D$/m, '$1 P30D'), 'tw.yaml')
    expect(twAfter.retention.get('until-consent-ends')?.keep).toBe('P30D')
    const change = only(diffPolicies(twBefore, twAfter, 'en'))
    expect(change).toMatchObject({ kind: 'changed', area: 'retention', id: 'until-consent-ends', field: 'retention' })
    const purposes = [...twAfter.purposes.values()]
    expect(purposes).toHaveLength(6)
    expect(change.summary).toMatch(/^Retention rule “Until the user withdraws consent or demands destruction, or until the user's consent expires, whichever comes first”: kept 0 days → 30 days after /)
    expect(change.summary).toContain('; used by purposes ')
    for (const purpose of purposes) expect(change.summary).toContain(`“${purpose.name.en}”`)
    expect(only(diffPolicies(twBefore, twAfter, 'kk')).summary).toContain('0 күн → 30 күн сақталады; мына мақсаттар үшін пайдаланылады: «')
  })

  it('tells a rule changed beyond its period in words, and a renamed rule once', () => {
    const changes = changesAfter((d) => {
      const rule = d.retention.find((r) => r.id === 'marketing')
      if (rule) {
        rule.then = 'anonymise'
        rule.name.en = 'Until consent or the relationship ends'
      }
    })
    expect(changes.map((c) => [c.area, c.field])).toEqual([['retention', 'name'], ['retention', 'retention']])
    expect(changes[1]?.summary).toBe(
      'Retention rule “Until consent or the relationship ends”: destroyed without delay after the earliest of withdrawal of consent or the end of the relationship → anonymised without delay after the earliest of withdrawal of consent or the end of the relationship; used by purpose “Marketing messages”',
    )
  })

  it('tells a purpose moved to another retention rule with both rules in words', () => {
    const change = only(changesAfter((d) => {
      const marketing = d.purposes.find((p) => p.id === 'marketing')
      if (marketing) marketing.retention = 'after-relationship'
    }))
    expect(change.summary).toBe(
      'Purpose “Marketing messages”: retention: Destroyed without delay after the earliest of withdrawal of consent or the end of the relationship. → Kept 10 years after the end of the relationship, then destroyed; longer where a law requires it.',
    )
  })

  it('flags a new recipient in Russia as a cross-border transfer that needs consent (art. 16, art. 7(6))', () => {
    const change = only(changesAfter((d) => {
      d.recipients.push({ id: 'ru-partner', name: { kk: 'Партнёр ЖШҚ', ru: 'ООО «Партнёр»', en: 'Partner LLC' }, role: 'partner', country: 'RU', purposes: ['marketing'] })
    }))
    expect(change).toMatchObject({ kind: 'added', area: 'recipients', id: 'ru-partner', crossBorder: true, reconsentNeeded: true, after: 'Russia (RU)' })
    expect(change.summary).toBe('New cross-border transfer: recipient “Partner LLC” (Partner), Russia (RU); ground: no ground recorded – the subject’s consent is needed.')
  })

  it('needs no new consent for a transfer abroad the old consent already allowed, or made on a treaty', () => {
    const toUs = changesAfter((d) => {
      d.recipients.push({ id: 'us-cdn', name: { kk: 'CDN', ru: 'CDN', en: 'CDN Inc' }, role: 'processor', country: 'US', purposes: ['analytics'], crossBorderGround: 'consent' })
    })
    expect(only(toUs)).toMatchObject({ crossBorder: true, reconsentNeeded: false })
    const byTreaty = changesAfter((d) => {
      d.recipients.push({ id: 'ru-body', name: { kk: 'Орган', ru: 'Орган', en: 'Body' }, role: 'state_body', country: 'RU', purposes: ['accounting'], crossBorderGround: 'treaty' })
    })
    expect(only(byTreaty)).toMatchObject({ crossBorder: true, reconsentNeeded: false })
  })

  it('flags a recipient that moves abroad', () => {
    const change = only(changesAfter((d) => {
      const cloud = d.recipients.find((r) => r.id === 'cloud')
      if (cloud) cloud.country = 'DE'
    }))
    expect(change).toMatchObject({ area: 'recipients', id: 'cloud', field: 'country', crossBorder: true, reconsentNeeded: true, before: 'Kazakhstan (KZ)', after: 'Germany (DE)' })
    expect(change.summary).toBe('Cross-border transfer: recipient “Bult LLP (hosting)”, country Kazakhstan (KZ) → Germany (DE); ground: no ground recorded – the subject’s consent is needed.')
  })

  it('says who may need to consent again when a consent form gets a new version (TTC-1.8)', () => {
    const changes = changesAfter((d) => {
      const form = marketingForm(d)
      form.version = 2
      form.text.en = 'I agree to messages by SMS, e-mail and phone.'
    })
    expect(changes[0]).toMatchObject({ area: 'consent_forms', id: 'marketing', field: 'version', before: '1', after: '2', reconsentNeeded: true })
    expect(changes[0]?.summary).toBe(
      'Consent form “Consent to marketing messages” moved from version 1 to version 2: subjects who consented to form “Consent to marketing messages” version 1 may need to give consent again.',
    )
    expect(changes[1]).toMatchObject({ field: 'text', summary: 'Consent form “Consent to marketing messages”: the text changed', reconsentNeeded: false })
    const ru = diffPolicies(before, demoPolicy((d) => { marketingForm(d).version = 2 }), 'ru')
    expect(ru[0]?.summary).toContain('субъектам, давшим согласие по форме «Согласие на получение рекламных рассылок» версии 1, может потребоваться дать согласие заново')
  })

  it('flags a consent text changed without a new version', () => {
    const change = only(changesAfter((d) => {
      marketingForm(d).text.ru = 'Я согласен(на) получать сообщения об акциях по SMS, электронной почте и по телефону.'
    }))
    expect(change).toMatchObject({ area: 'consent_forms', field: 'text', reconsentNeeded: true })
    expect(change.summary).toMatch(/^Consent form “Consent to marketing messages”: the text changed but the version \(1\) did not/)
  })

  it('flags a consent that now allows transfers abroad without a new version, not a new withdrawal channel', () => {
    const changes = changesAfter((d) => {
      const form = marketingForm(d)
      form.crossBorder = { allowed: true, countries: ['RU'] }
      form.withdrawal.channels.push('phone')
    })
    expect(changes.map((c) => [c.area, c.field, c.reconsentNeeded])).toEqual([
      ['consent_forms', 'cross_border', true],
      ['withdrawal', 'channels', undefined],
    ])
    expect(changes[0]?.summary).toBe('Consent form “Consent to marketing messages”: cross-border transfer: No → Russia (RU)')
    expect(changes[1]?.summary).toBe('Withdrawal of consent “Consent to marketing messages”: channels – added phone')
  })

  it('asks for consent when a purpose moves onto consent, or takes more data under consent', () => {
    const basis = only(changesAfter((d) => {
      const contract = d.purposes.find((p) => p.id === 'contract')
      if (contract) contract.basis = 'consent'
    }))
    expect(basis).toMatchObject({ field: 'basis', reconsentNeeded: true, before: 'A contract to which the subject is party', after: 'The data subject’s consent' })
    const items = only(changesAfter((d) => {
      const marketing = d.purposes.find((p) => p.id === 'marketing')
      marketing?.items?.push('iin')
    }))
    expect(items).toMatchObject({ field: 'items', reconsentNeeded: true, summary: 'Purpose “Marketing messages”: data items – added IIN' })
  })

  it('reports data items added and removed', () => {
    const changes = changesAfter((d) => {
      const identification = d.categories.find((c) => c.id === 'identification')
      identification?.items.push({ id: 'birth-date', name: { kk: 'Туған күні', ru: 'Дата рождения', en: 'Date of birth' }, kind: 'birth_date', sources: ['subject'] })
    })
    // The contract purpose takes the category whole, so it now uses the item too: said once, with the item.
    expect(only(changes)).toMatchObject({
      kind: 'added',
      area: 'items',
      id: 'birth-date',
      summary: 'Added: data item “Date of birth (Identification and contact data)”; used by purpose “Concluding and performing the contract”',
    })
    expect(only(changes).reconsentNeeded).toBeUndefined()
    const removed = only(changesAfter((d) => {
      const activity = d.categories.find((c) => c.id === 'activity')
      if (activity) activity.items = activity.items.filter((i) => i.id !== 'cookie-id')
    }))
    expect(removed).toMatchObject({ kind: 'removed', area: 'items', id: 'cookie-id', summary: 'Removed: data item “Cookie identifier (Device and activity data)”' })
  })

  it('flags an item that joins a category a consent-based purpose takes whole, without repeating it per purpose', () => {
    const change = only(changesAfter((d) => {
      d.categories.find((c) => c.id === 'activity')?.items.push({ id: 'device-model', name: { kk: 'Құрылғы моделі', ru: 'Модель устройства', en: 'Device model' }, kind: 'device_id', sources: ['automatic'] })
    }))
    expect(change).toMatchObject({ kind: 'added', area: 'items', id: 'device-model', reconsentNeeded: true })
    expect(change.summary).toBe('Added: data item “Device model (Device and activity data)”; used by purpose “Website statistics”')
  })

  it('tells a renamed category or item once, not again in every purpose, recipient or lock that refers to it', () => {
    const changes = changesAfter((d) => {
      const identification = d.categories.find((c) => c.id === 'identification')
      if (!identification) return
      identification.name.en = 'Identity and contacts'
      const fullName = identification.items.find((i) => i.id === 'full-name')
      if (fullName) fullName.name.en = 'Surname, name and patronymic'
      const face = d.categories.find((c) => c.id === 'biometric')?.items.find((i) => i.id === 'face-image')
      if (face) face.name.en = 'Face image'
      const school = d.purposes.find((p) => p.id === 'school-access')
      if (school) school.name.en = 'Entry control'
    })
    expect(changes.map((c) => [c.area, c.id, c.field])).toEqual([
      ['categories', 'identification', 'name'],
      ['items', 'full-name', 'name'],
      ['items', 'face-image', 'name'],
      ['purposes', 'school-access', 'name'],
    ])
  })

  it('tells deadlines tightened and loosened, in business days with correct plurals', () => {
    const changes = changesAfter((d) => {
      d.deadlines.information = { days: 1, unit: 'business' }
      d.deadlines.withdraw_consent = { days: 5, unit: 'business' }
    }, 'ru')
    expect(changes.map((c) => c.summary)).toEqual([
      'Срок «Информация о наличии и обработке персональных данных» сокращён: 3 рабочих дня → 1 рабочий день',
      'Срок «Отзыв согласия» увеличен: 1 рабочий день → 5 рабочих дней',
    ])
    // Dropping the policy's figure falls back to the law's 15 working days (art. 8(7)).
    const dropped = only(changesAfter((d) => { delete d.deadlines.withdraw_consent }))
    expect(dropped.summary).toBe('Deadline for “Withdrawing consent” loosened: 1 business day → 15 business days')
  })

  it('reports cookie vendors, flagging one abroad', () => {
    const change = only(changesAfter((d) => {
      d.cookies?.vendors?.push({ id: 'yandex', name: 'Yandex Metrica', category: 'analytics', country: 'RU', firstParty: false })
    }))
    expect(change).toMatchObject({ kind: 'added', area: 'cookies', id: 'yandex', crossBorder: true, summary: 'Added: cookies “Yandex Metrica (Russia (RU))”' })
  })

  it('reports the operator’s contacts and responsible person', () => {
    const changes = changesAfter((d) => {
      d.operator.contacts.email = 'pd@demo.kz'
      if (d.operator.responsiblePerson) d.operator.responsiblePerson.name = 'Б. Ахметов'
    }, 'kk')
    expect(changes.map((c) => c.summary)).toEqual(['Оператор: электрондық пошта: privacy@demo.kz → pd@demo.kz', 'Оператор: жауапты тұлға: Әлия Қасымқызы → Б. Ахметов'])
  })

  it('writes every summary in the requested language with no placeholder left', () => {
    const edit = (d: PolicyDocument) => {
      marketingForm(d).version = 2
      d.recipients.push({ id: 'ru-partner', name: { kk: 'Партнёр', ru: 'Партнёр', en: 'Partner' }, role: 'partner', country: 'RU', purposes: ['marketing'] })
      d.deadlines.complaint = { days: 3, unit: 'business' }
      d.ageRules.adultAge = 21
      if (d.breach) d.breach.notifySubjects = false
      if (d.requests) d.requests.free = false
      d.access.bases.push('contractor')
      d.notice?.push({ title: { kk: 'Жаңа', ru: 'Новое', en: 'New' }, body: { kk: 'Мәтін', ru: 'Текст', en: 'Text' } })
    }
    for (const lang of LANGUAGES) {
      const changes = diffPolicies(before, demoPolicy(edit), lang)
      expect(changes.length).toBeGreaterThanOrEqual(8)
      for (const change of changes) expect(change.summary).not.toMatch(/[{}]|undefined/)
      expect(JSON.parse(JSON.stringify(changes))).toEqual(changes)
    }
  })
})
