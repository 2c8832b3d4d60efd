import { describe, expect, it } from 'vitest'
import { DerbesError } from '../../errors/index.ts'
import { LANGUAGES, type Language } from '../../policy/index.ts'
import { CONSENT_METHOD_LABELS, REQUEST_KIND_LABELS, SOURCE_LABELS, escapeHtml, formatRetention } from '../../policy/render/index.ts'
import { REFUSAL_GROUNDS, REQUEST_KINDS, TASK_ACTIONS, TASK_TARGETS, type SubjectRequestKind } from '../request-kinds.ts'
import type { AnswerInput, FulfilledStep } from './answer-input.ts'
import { ACTION_MESSAGES, ANSWER_MESSAGES, DONE_MESSAGES, REFUSAL_MESSAGES, TARGET_MESSAGES } from './answer-messages.ts'
import { espInput, recordsOf, seedPolicy } from './answers-test-kit.ts'
import { composeAnswer } from './compose-answer.ts'

const FREE: Record<Language, string> = {
  kk: 'Жауап тегін беріледі (Заңның 25-бабы 2-тармағының 9) тармақшасы)',
  ru: 'Ответ предоставляется бесплатно (пп. 9) п. 2 ст. 25 Закона)',
  en: 'This answer is free of charge (art. 25(2)(9) of the Law)',
}

/** What fulfilment would report for each kind: counts per place, never values. */
const STEPS: Record<SubjectRequestKind, FulfilledStep[]> = {
  information: [],
  access: [{ target: 'vault', action: 'export', count: 2 }, { target: 'system', targetId: 'loyalty-db', targetName: 'Loyalty DB', action: 'export', count: 2 }],
  rectify: [{ target: 'vault', action: 'rectify', count: 1 }, { target: 'recipients', targetId: 'hosting-providers', action: 'notify', count: 1 }],
  supplement: [{ target: 'vault', action: 'supplement', count: 1 }],
  block: [{ target: 'vault', action: 'block', count: 6 }, { target: 'system', targetId: 'loyalty-db', action: 'block', count: 3 }],
  unblock: [{ target: 'vault', action: 'unblock', count: 6 }],
  destroy_unlawful: [{ target: 'vault', action: 'delete', count: 6 }, { target: 'system', targetId: 'loyalty-db', action: 'delete', count: 3 }, { target: 'manual', action: 'delete', count: 1 }],
  anonymise: [{ target: 'system', targetId: 'loyalty-db', targetName: 'Loyalty DB', action: 'anonymise', count: 3 }],
  stop_unlawful_processing: [{ target: 'system', targetId: 'crm', action: 'stop_processing', count: 1 }],
  withdraw_consent: [{ target: 'ledger', action: 'withdraw_consent', count: 1 }],
  marketing_opt_out: [{ target: 'ledger', action: 'withdraw_consent', count: 4 }],
  automated_decision_objection: [{ target: 'manual', action: 'stop_processing', count: 1 }],
  remove_published: [{ target: 'manual', action: 'delete', count: 1 }],
  complaint: [{ target: 'manual', action: 'rectify', count: 1 }],
}

function fulfilled(kind: SubjectRequestKind, language: Language): AnswerInput {
  const base = espInput({ language })
  return {
    ...base,
    request: { ...base.request, kind },
    outcome: { kind: 'fulfilled', steps: STEPS[kind] },
    ...(kind === 'access' ? { records: recordsOf('aliya') } : {}),
  }
}

describe('answer texts', () => {
  it('exist in kk, ru and en for every key, kind, ground, target and action, with the same placeholders in each', () => {
    const tables = { ANSWER_MESSAGES, DONE_MESSAGES, REFUSAL_MESSAGES, TARGET_MESSAGES, ACTION_MESSAGES }
    for (const [table, entries] of Object.entries(tables)) {
      for (const [key, text] of Object.entries(entries as Record<string, Record<Language, string>>)) {
        expect(Object.keys(text).sort(), `${table}.${key}`).toEqual([...LANGUAGES].sort())
        const placeholders = (language: Language) => [...text[language].matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
        for (const language of LANGUAGES) {
          expect(text[language].trim(), `${table}.${key}.${language}`).not.toBe('')
          expect(placeholders(language), `${table}.${key}.${language}`).toEqual(placeholders('kk'))
        }
      }
    }
    expect(Object.keys(DONE_MESSAGES).sort()).toEqual([...REQUEST_KINDS].sort())
    expect(Object.keys(REFUSAL_MESSAGES).sort()).toEqual([...REFUSAL_GROUNDS].sort())
    expect(Object.keys(TARGET_MESSAGES).sort()).toEqual([...TASK_TARGETS].sort())
    expect(Object.keys(ACTION_MESSAGES).sort()).toEqual([...TASK_ACTIONS].sort())
  })

  it('Kazakh is its own text, not a copy of the Russian', () => {
    const words = (text: string) => text.replace(/\{\w+\}/g, '')
    const same = Object.entries(ANSWER_MESSAGES).filter(([, text]) => text.kk === text.ru && /\p{L}{4,}/u.test(words(text.kk))).map(([key]) => key)
    // "Телефон" and "Сайт" are the same word in both languages.
    expect(same).toEqual(['contactPhone', 'contactWebsite'])
  })
})

describe('composeAnswer', () => {
  describe.each(LANGUAGES)('in %s', (language) => {
    it.each(REQUEST_KINDS)('answers a fulfilled %s request: subject line, letterhead, dates, what was done, free of charge (art. 25(2)(9), TW-9.2)', (kind) => {
      const answer = composeAnswer(fulfilled(kind, language))
      const operator = seedPolicy('esp').document.operator
      expect(answer.language).toBe(language)
      expect(answer.subjectLine).toContain('ESP-2026-000123')
      expect(answer.subjectLine).toContain(REQUEST_KIND_LABELS[kind][language])
      for (const body of [answer.text, answer.html]) expect(body).toContain('ESP-2026-000123')
      expect(answer.text).toContain(operator.name[language])
      expect(answer.text).toContain('220240037922')
      expect(answer.text).toContain(DONE_MESSAGES[kind][language].split(/[.:]/)[0]!)
      expect(answer.text).toContain(FREE[language])
      expect(answer.html).toContain(`<html lang="${language}">`)
      expect(answer.html).toContain(escapeHtml(FREE[language]))
      for (const step of STEPS[kind]) expect(answer.text).toContain(ACTION_MESSAGES[step.action][language])
      // Received 20 March, due 27 March (Asia/Almaty): both dates are printed in the letter's language.
      expect(answer.text).toContain({ kk: '2026 жылғы 20 наурыз', ru: '20 марта 2026 г.', en: '20 March 2026' }[language])
      expect(answer.text).toContain({ kk: '2026 жылғы 27 наурыз', ru: '27 марта 2026 г.', en: '27 March 2026' }[language])
    })

    it('TTC-9.1, art. 8(2): a withdrawal refused while an obligation is open cites the clause and the article in words', () => {
      const base = espInput({ language })
      const answer = composeAnswer({
        ...base,
        policy: seedPolicy('ttc'),
        request: { ...base.request, reference: 'TTC-2026-000007', kind: 'withdraw_consent' },
        outcome: { kind: 'refused', ground: 'obligation_unfulfilled', clauses: ['TTC-9.1', 'art. 8(2)'], detail: 'Абоненттік төлем бойынша берешек: 4 500 ₸' },
      })
      const cited = {
        kk: ['саясатымыздың 9.1-тармағы', 'Заңның 8-бабының 2-тармағы'],
        ru: ['п. 9.1 нашей политики', 'п. 2 ст. 8 Закона'],
        en: ['clause 9.1 of our policy', 'art. 8(2) of the Law'],
      }[language]
      for (const words of cited) expect(answer.text).toContain(words)
      expect(answer.text).not.toContain('TTC-9.1')
      expect(answer.text).toContain(REFUSAL_MESSAGES.obligation_unfulfilled[language])
      expect(answer.text).toContain('Абоненттік төлем бойынша берешек: 4 500 ₸')
      expect(answer.text).toContain(seedPolicy('ttc').document.operator.name[language])
      expect(answer.text).toContain(FREE[language])
    })

    it('ESP-9: the information answer gives the fact, purposes, sources, methods, recipients and countries, the list of data and the terms', () => {
      const policy = seedPolicy('esp')
      const heldItems = ['full-name', 'phone', 'email', 'loyalty-card']
      const answer = composeAnswer({ ...espInput({ language }), heldItems })
      const { text } = answer
      expect(text).toContain(DONE_MESSAGES.information[language].split(/[.:]/)[0]!)
      // purposes of a client that use the data held
      for (const id of ['loyalty', 'delivery-service', 'advertising', 'order-notifications', 'promotions']) expect(text).toContain(policy.purposes.get(id)!.name[language])
      // the list of data and each item's source
      for (const id of heldItems) expect(text).toContain(policy.items.get(id)!.name[language])
      expect(text).not.toContain(policy.items.get('birth-place')!.name[language])
      expect(text).toContain(SOURCE_LABELS.subject[language])
      expect(text).toContain(SOURCE_LABELS.operator[language])
      // methods: how consent and data are collected (ESP-4), no automated decisions, where the database is
      expect(text).toContain(CONSENT_METHOD_LABELS.sms_code[language])
      expect(text).toContain(ANSWER_MESSAGES.methodsNotAutomated[language])
      // who receives it, and the cross-border transfer to Russia (ESP App.1)
      expect(text).toContain(policy.recipients.get('third-parties-ru')!.name[language])
      expect(text).toContain(policy.recipients.get('hosting-providers')!.name[language])
      expect(text).toContain({ kk: 'Ресей (RU)', ru: 'Россия (RU)', en: 'Russia (RU)' }[language])
      // processing and storage terms (art. 24(1))
      expect(text).toContain(formatRetention(language, policy.retention.get('until-purpose')!))
      expect(text).toContain(FREE[language])
    })

    it('ESP-9: a request without the ID document is refused, naming what the policy asks for', () => {
      const answer = composeAnswer({ ...espInput({ language }), outcome: { kind: 'refused', ground: 'identity_not_proven', clauses: ['ESP-9'] } })
      expect(answer.text).toContain(REFUSAL_MESSAGES.identity_not_proven[language])
      expect(answer.text).toContain({ kk: 'құжаттың берілген күні', ru: 'дата выдачи документа', en: 'its date of issue' }[language])
      expect(answer.text).toContain({ kk: 'саясатымыздың 9-тармағы', ru: 'п. 9 нашей политики', en: 'clause 9 of our policy' }[language])
    })

    it('art. 24(1): says so when no data is held', () => {
      const answer = composeAnswer({ ...espInput({ language }), outcome: { kind: 'no_data_held' } })
      expect(answer.text).toContain(ANSWER_MESSAGES.noDataHeld[language].split('(')[0]!.trim())
      expect(answer.text).toContain({ kk: 'Заңның 24-бабының 1-тармағы', ru: 'п. 1 ст. 24 Закона', en: 'art. 24(1) of the Law' }[language])
      expect(answer.text).not.toContain(ANSWER_MESSAGES.headingPurposes[language])
    })
  })

  it('ESP-3, ESP-9: an access answer lists one subject\'s records and nothing of another subject', () => {
    const aliya = recordsOf('aliya')
    const boris = recordsOf('boris')
    for (const language of LANGUAGES) {
      const forAliya = composeAnswer({ ...fulfilled('access', language), records: aliya })
      const forBoris = composeAnswer({ ...fulfilled('access', language), subject: { id: 'subject-boris', kind: 'client', name: 'Борис Петрович Иванов' }, records: boris })
      for (const [answer, own, other] of [[forAliya, aliya, boris], [forBoris, boris, aliya]] as const) {
        for (const body of [answer.text, answer.html]) {
          for (const record of own) expect(body).toContain(escapeHtml(String(record.value)))
          for (const record of other) expect(body).not.toContain(String(record.value))
        }
      }
    }
  })

  it('TTC-9.4: a withdrawal limited to some purposes names them', () => {
    const base = espInput({ language: 'ru' })
    const answer = composeAnswer({ ...base, request: { ...base.request, kind: 'withdraw_consent', purposes: ['advertising'] }, outcome: { kind: 'fulfilled', steps: STEPS.withdraw_consent } })
    expect(answer.text).toContain(`Обращение касалось целей: ${seedPolicy('esp').purposes.get('advertising')!.name.ru}.`)
  })

  it('dates the letter by the day in Almaty: 20:00 UTC on 20 March is already 21 March there', () => {
    const base = espInput({ language: 'en' })
    const answer = composeAnswer({ ...base, request: { ...base.request, receivedAt: new Date('2026-03-20T20:00:00Z') }, issuedAt: new Date('2026-03-24T19:30:00Z') })
    expect(answer.letter.date).toBe('25 March 2026')
    expect(answer.text).toContain('Received on: 21 March 2026')
  })

  it('escapes everything in the HTML: names, addresses, values and details come from outside', () => {
    const evil = '<script>alert("x")</script> & \'quoted\''
    const answer = composeAnswer({
      ...fulfilled('access', 'kk'),
      subject: { id: 's', kind: 'client', name: evil, address: '<img src=x onerror=alert(1)>' },
      records: [{ system: 'crm', systemName: '<b>CRM</b>', table: 'notes', item: '<i>x</i>', value: evil, collectedAt: null }],
    })
    expect(answer.html).not.toMatch(/<script|<img|<b>|<i>/)
    expect(answer.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;')
    expect(answer.text).toContain(evil)
  })

  it('signs with the responsible person of the policy when it names one (art. 25(2)(10))', () => {
    const policy = seedPolicy('ttc')
    const person = policy.document.operator.responsiblePerson
    const answer = composeAnswer({ ...espInput({ language: 'ru' }), policy })
    if (person) expect(answer.letter.signature).toContain(person.title.ru)
    else expect(answer.letter.signature).toContain(ANSWER_MESSAGES.responsibleFallback.ru)
    const signed = composeAnswer({ ...espInput({ language: 'ru' }), signedBy: { name: 'А. Б. Сейітова', title: 'Директор' } })
    expect(signed.letter.signature.slice(1, 3)).toEqual(['Директор', 'А. Б. Сейітова'])
  })

  it('refuses an input it cannot answer from, naming the field, and an access answer without records', () => {
    const base = espInput()
    const attempt = (input: AnswerInput) => {
      try {
        composeAnswer(input)
      } catch (error) {
        return error
      }
      return undefined
    }
    const noRecords = attempt({ ...base, request: { ...base.request, kind: 'access' } })
    expect(noRecords).toBeInstanceOf(DerbesError)
    expect((noRecords as DerbesError).errors.map((e) => e.pointer)).toEqual(['/records'])
    const badDates = attempt({ ...base, request: { ...base.request, language: 'de' as Language, dueAt: new Date('x') } }) as DerbesError
    expect(badDates.code).toBe('DERBES_VALIDATION')
    expect(badDates.errors.map((e) => e.pointer).sort()).toEqual(['/request/dueAt', '/request/language'])
  })
})
