import { describe, expect, it } from 'vitest'
import { columnWords, hintedKinds } from './column-hints.ts'

describe('column names as hints', () => {
  it('splits snake case, camel case and Cyrillic names into words', () => {
    expect(columnWords('clientPhone_2')).toEqual(['client', 'phone', '2'])
    expect(columnWords('Дата_рождения')).toEqual(['дата', 'рождения'])
  })

  it('points to kinds in English, Russian, Kazakh and transliteration', () => {
    expect([...hintedKinds('client_iin')]).toEqual(['iin'])
    expect([...hintedKinds('ЖСН')]).toEqual(['iin'])
    expect([...hintedKinds('telefon')]).toEqual(['phone'])
    expect([...hintedKinds('date_of_birth')]).toContain('birth_date')
    expect([...hintedKinds('мекенжай')]).toEqual(['address'])
    expect([...hintedKinds('fio')]).toEqual(['person_name'])
  })

  it('matches whole words only: "zip" is a postcode, "ship_date" is nothing', () => {
    expect([...hintedKinds('zip')]).toEqual(['postcode'])
    expect([...hintedKinds('ship_date')]).toEqual([])
    expect([...hintedKinds('binary_blob')]).toEqual([])
  })
})
