import { describe, expect, it } from 'vitest'
import * as schema from '../../schema/index.ts'
import { LANGUAGES } from '../../schema/index.ts'
import * as catalogue from './index.ts'

type Table = Record<string, Record<string, string>>
const tables = Object.entries(catalogue as unknown as Record<string, unknown>).filter(
  (entry): entry is [string, Table] => entry[0] === 'MESSAGES' || entry[0].endsWith('_LABELS') || entry[0] === 'RETENTION_AFTER' || entry[0] === 'CHANGE_ENTITIES',
)
const placeholders = (text: string) => [...text.matchAll(/\{([a-z_]+)\}/gi)].map((m) => m[1]).sort()

describe('the message catalogue', () => {
  it('has a non-empty text in kk, ru and en for every key', () => {
    expect(tables.length).toBeGreaterThan(25)
    for (const [table, entries] of tables)
      for (const [key, texts] of Object.entries(entries))
        for (const lang of LANGUAGES) expect(texts[lang]?.trim(), `${table}.${key}.${lang}`).toBeTruthy()
  })

  it('uses the same placeholders in every language of a template', () => {
    for (const [table, entries] of tables)
      for (const [key, texts] of Object.entries(entries)) {
        const en = placeholders(texts.en ?? '')
        // Kazakh and English may leave out a Russian-only grammatical helper such as {years}.
        expect(placeholders(texts.ru ?? '').filter((p) => p !== 'years'), `${table}.${key}.ru`).toEqual(en)
        expect(placeholders(texts.kk ?? ''), `${table}.${key}.kk`).toEqual(en)
      }
  })

  it('labels every value of the schema enums it names (a runtime check beside the types)', () => {
    const covered: [readonly string[], Table][] = [
      [schema.ITEM_KINDS, catalogue.ITEM_KIND_LABELS],
      [schema.SOURCES, catalogue.SOURCE_LABELS],
      [schema.LEGAL_BASES, catalogue.LEGAL_BASIS_LABELS],
      [schema.CHANNELS, catalogue.CHANNEL_LABELS],
      [schema.RECIPIENT_ROLES, catalogue.RECIPIENT_ROLE_LABELS],
      [schema.CROSS_BORDER_GROUNDS, catalogue.CROSS_BORDER_GROUND_LABELS],
      [schema.RETENTION_TRIGGERS, catalogue.RETENTION_TRIGGER_LABELS],
      [schema.RETENTION_TRIGGERS, catalogue.RETENTION_AFTER],
      [schema.RETENTION_ACTIONS, catalogue.RETENTION_ACTION_LABELS],
      [schema.CONSENT_METHODS, catalogue.CONSENT_METHOD_LABELS],
      [schema.WITHDRAWAL_CHANNELS, catalogue.WITHDRAWAL_CHANNEL_LABELS],
      [schema.WITHDRAWAL_BLOCKERS, catalogue.WITHDRAWAL_BLOCKER_LABELS],
      [schema.WITHDRAWAL_CONSEQUENCES, catalogue.WITHDRAWAL_CONSEQUENCE_LABELS],
      [schema.COOKIE_CATEGORIES, catalogue.COOKIE_CATEGORY_LABELS],
      [schema.REQUEST_KINDS, catalogue.REQUEST_KIND_LABELS],
      [schema.DAY_UNITS, catalogue.DAY_UNIT_LABELS],
      [schema.ACCESS_BASES, catalogue.ACCESS_BASIS_LABELS],
      [schema.ACCESS_ACTIONS, catalogue.ACCESS_ACTION_LABELS],
      [schema.SENSITIVITIES, catalogue.SENSITIVITY_LABELS],
      [schema.SUBJECT_ROLES, catalogue.SUBJECT_ROLE_LABELS],
      [schema.CONSENT_GIVERS, catalogue.CONSENT_GIVER_LABELS],
      [schema.UNDER_AGE_ACTIONS, catalogue.UNDER_AGE_ACTION_LABELS],
      [schema.IDENTITY_PROOFS, catalogue.IDENTITY_PROOF_LABELS],
      [schema.REQUEST_CHANNELS, catalogue.REQUEST_CHANNEL_LABELS],
      [schema.BREACH_NOTICE_EXCEPTIONS, catalogue.BREACH_EXCEPTION_LABELS],
      [schema.CHANGE_NOTICES, catalogue.CHANGE_NOTICE_LABELS],
    ]
    for (const [values, table] of covered) expect(Object.keys(table).sort()).toEqual([...values].sort())
  })

  it('writes Kazakh with Kazakh letters, not Russian ones', () => {
    const kk = tables.flatMap(([, entries]) => Object.values(entries).map((texts) => texts.kk ?? '')).join(' ')
    expect(kk).toMatch(/[әғқңөұүһі]/)
    expect(catalogue.MESSAGES.withdrawalHeading.kk).toBe('Келісімді кері қайтарып алу')
    expect(catalogue.DAY_UNIT_LABELS.business.kk).toBe('жұмыс күндері')
  })
})
