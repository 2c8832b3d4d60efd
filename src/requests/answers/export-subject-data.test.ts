import { describe, expect, it } from 'vitest'
import type { SubjectRecord } from './answer-input.ts'
import { recordsOf } from './answers-test-kit.ts'
import { CSV_COLUMNS, SUBJECT_DATA_FORMAT, exportSubjectData } from './export-subject-data.ts'

/** A strict RFC 4180 reader, to check what Excel or any CSV library would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(field), (field = '')
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++
    else field += c
  }
  if (field !== '' || row.length > 0) throw new Error('the last line does not end with CRLF')
  return rows
}

describe('exportSubjectData', () => {
  it('ESP-3: writes every record as JSON and as one CSV row each: source system, table, item, value, collected at', () => {
    const records = recordsOf('aliya')
    const { json, csv } = exportSubjectData(records)
    const parsed = JSON.parse(json)
    expect(parsed.format).toBe(SUBJECT_DATA_FORMAT)
    expect(parsed.records).toEqual(records.map((r) => ({
      system: r.system, ...(r.systemName ? { systemName: r.systemName } : {}), table: r.table, item: r.item, value: r.value, collectedAt: r.collectedAt?.toISOString() ?? null,
    })))
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows = parseCsv(csv.slice(1))
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    expect(rows.slice(1)).toEqual([
      ['derbes', 'vault_items', 'full-name', 'Әлия Серікқызы Жұмабаева', '2026-03-20T06:00:00.000Z'],
      ['derbes', 'vault_items', 'phone', '+77011234567', '2026-03-20T06:00:00.000Z'],
      ['Loyalty DB', 'cards', 'loyalty-card', 'LC-0001-ҚӨҢ', ''],
      ['Loyalty DB', 'customers', 'email', 'aliya@mail.kz', '2026-04-01T10:00:00.000Z'],
    ])
    // UTF-8: the Kazakh letters are there as themselves.
    expect(Buffer.from(csv, 'utf8').includes(Buffer.from('ҚӨҢ', 'utf8'))).toBe(true)
  })

  it('quotes commas, quotes and line breaks the RFC 4180 way, and reads back exactly', () => {
    const tricky: SubjectRecord[] = [
      { system: 'crm', table: 'notes', item: 'enquiry', value: 'Алматы, Абай д-лы, "Жетісу" ТК\r\nекінші жол\nүшінші', collectedAt: null },
      { system: 'crm', table: 'accounts', item: 'balance', value: -4500, collectedAt: null },
      { system: 'crm', table: 'accounts', item: 'active', value: true, collectedAt: null },
      { system: 'crm', table: 'accounts', item: 'closed', value: null, collectedAt: null },
    ]
    const { csv, json } = exportSubjectData(tricky)
    const rows = parseCsv(csv.slice(1))
    expect(rows.slice(1).map((r) => r[3])).toEqual(['Алматы, Абай д-лы, "Жетісу" ТК\r\nекінші жол\nүшінші', '-4500', 'true', ''])
    expect(csv).toContain('"Алматы, Абай д-лы, ""Жетісу"" ТК\r\nекінші жол\nүшінші"')
    expect(JSON.parse(json).records.map((r: { value: unknown }) => r.value)).toEqual([tricky[0]!.value, -4500, true, null])
  })

  it('keeps a spreadsheet from running a value as a formula, and leaves phone numbers and negative numbers alone', () => {
    const values = ['=HYPERLINK("http://x","y")', '@SUM(A1)', '+cmd|\' /C calc\'!A0', '-2+3+cmd', '\tx', '+77011234567', '-4500', '-']
    const { csv, json } = exportSubjectData(values.map((value) => ({ system: 's', table: 't', item: 'i', value, collectedAt: null })))
    expect(parseCsv(csv.slice(1)).slice(1).map((r) => r[3])).toEqual([
      '\'=HYPERLINK("http://x","y")', '\'@SUM(A1)', '\'+cmd|\' /C calc\'!A0', '-2+3+cmd', '\'\tx', '+77011234567', '-4500', '-',
    ])
    expect(JSON.parse(json).records.map((r: { value: unknown }) => r.value)).toEqual(values)
  })

  it('exports nothing but what it is given: an empty export for no records', () => {
    const { json, csv } = exportSubjectData([])
    expect(JSON.parse(json).records).toEqual([])
    expect(csv).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)
  })
})
