import { describe, expect, it } from 'vitest'
import { shopMap } from './shop-test-kit.ts'
import { mysqlDialect, postgresDialect } from './sql-dialect.ts'
import { identifierSpellings, SubjectRows } from './subject-rows.ts'

const subject = { subjectId: 's-1', identifiers: { phone: '+77015550001', email: 'Aidos@Mail.kz' } }

describe('SubjectRows', () => {
  it('finds an identifying table by its identifier columns, every value a parameter', () => {
    const where = new SubjectRows(postgresDialect('shop'), shopMap(), subject).condition('customers')
    expect(where.text).toBe(
      '("shop"."customers"."email" in (?, ?)) or ("shop"."customers"."phone" in (?, ?, ?)) or ("shop"."customers"."derbes_subject_id" in (?))',
    )
    expect(where.params).toEqual(['Aidos@Mail.kz', 'aidos@mail.kz', '+77015550001', '77015550001', '87015550001', 's-1'])
  })

  it('finds a grandchild through the foreign-key path, with an index-friendly IN (SELECT …) at each step', () => {
    const where = new SubjectRows(mysqlDialect(), shopMap(), { subjectId: 's-1', identifiers: {} }).condition('order_items')
    expect(where.text).toBe(
      '`order_items`.`order_id` in (select `orders`.`id` from `orders` where `orders`.`customer_id` in (select `customers`.`id` from `customers` where `customers`.`derbes_subject_id` in (?)))',
    )
    expect(where.params).toEqual(['s-1'])
  })

  it('turns the statement into $n placeholders for PostgreSQL only', () => {
    expect(postgresDialect().finish('a in (?, ?) and b = ?')).toBe('a in ($1, $2) and b = $3')
    expect(mysqlDialect().finish('a in (?, ?)')).toBe('a in (?, ?)')
  })

  it('quotes names for each dialect, doubling the quote character', () => {
    expect(postgresDialect('s').table('we"ird')).toBe('"s"."we""ird"')
    expect(mysqlDialect().table('we`ird')).toBe('`we``ird`')
  })
})

describe('identifierSpellings', () => {
  it('gives the spellings a Kazakhstan phone is stored in, whatever spelling Derbes has', () => {
    for (const phone of ['+77015550001', '87015550001', '7015550001', '+7 (701) 555-00-01']) {
      expect(identifierSpellings('phone', { subjectId: 's', identifiers: { phone } })).toEqual(['+77015550001', '77015550001', '87015550001'])
    }
  })

  it('gives an e-mail as given and in lower case; other kinds as they are; nothing for a missing one', () => {
    expect(identifierSpellings('email', { subjectId: 's', identifiers: { email: 'a@b.kz' } })).toEqual(['a@b.kz'])
    expect(identifierSpellings('iin', { subjectId: 's', identifiers: { iin: ' 900517300123 ' } })).toEqual(['900517300123'])
    expect(identifierSpellings('subject_id', { subjectId: 's-9', identifiers: {} })).toEqual(['s-9'])
    expect(identifierSpellings('id_document', { subjectId: 's', identifiers: {} })).toEqual([])
  })

  it('finds nothing when the subject has none of the identifiers a table is searched by', () => {
    expect(new SubjectRows(postgresDialect(), shopMap(), { subjectId: 's', identifiers: {} }).condition('customers').text).toBe('"public"."customers"."derbes_subject_id" in (?)')
    const noSubjectColumn = shopMap()
    noSubjectColumn.tables[0]!.columns.pop()
    expect(new SubjectRows(postgresDialect(), noSubjectColumn, { subjectId: 's', identifiers: { iin: '900517300123' } }).condition('order_items')).toEqual({ text: '1 = 0', params: [] })
  })
})
