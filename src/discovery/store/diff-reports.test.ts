import { describe, expect, it } from 'vitest'
import type { ScanReport, TableFinding } from '../report/scan-report.ts'
import { diffReports } from './diff-reports.ts'

const column = (name: string, kind?: 'phone' | 'iin' | 'email') => ({ name, type: 'text', sampled: 10, confidence: kind ? 1 : 0, matched: kind ? 10 : 0, examples: [], mentions: [], ...(kind ? { kind } : {}) })
const report = (tables: TableFinding[]): ScanReport => ({ source: 'postgres', target: 'postgres://x', mode: 'sample', startedAt: '', finishedAt: '', tables, files: [] })

describe('diffReports', () => {
  it('names new tables, dropped tables and columns that started, stopped or changed holding personal data', () => {
    const before = report([
      { name: 'clients', rowsRead: 10, columns: [column('phone', 'phone'), column('note'), column('code', 'iin')] },
      { name: 'legacy', rowsRead: 10, columns: [column('email', 'email')] },
    ])
    const after = report([
      { name: 'clients', rowsRead: 10, columns: [column('phone', 'phone'), column('note', 'phone'), column('code', 'email')] },
      { name: 'leads', rowsRead: 10, columns: [column('contact', 'phone')] },
    ])
    const diff = diffReports({ scanId: 's1', report: before }, after)
    expect(diff.previousScanId).toBe('s1')
    expect(diff.tablesAdded).toEqual(['leads'])
    expect(diff.tablesRemoved).toEqual(['legacy'])
    expect(diff.columns).toEqual([
      { table: 'clients', column: 'note', after: 'phone' },
      { table: 'clients', column: 'code', before: 'iin', after: 'email' },
      { table: 'legacy', column: 'email', before: 'email' },
      { table: 'leads', column: 'contact', after: 'phone' },
    ])
  })

  it('on a first scan everything found is new', () => {
    const diff = diffReports(undefined, report([{ name: 'clients', rowsRead: 1, columns: [column('phone', 'phone'), column('note')] }]))
    expect(diff).toEqual({ previousScanId: undefined, tablesAdded: ['clients'], tablesRemoved: [], columns: [{ table: 'clients', column: 'phone', after: 'phone' }] })
  })
})
