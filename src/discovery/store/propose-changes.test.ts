import { describe, expect, it } from 'vitest'
import { seedPolicy } from '../../access/access-test-helpers.ts'
import type { SystemView } from '../../systems/index.ts'
import type { ColumnFinding, ScanReport } from '../report/scan-report.ts'
import { mapTableName, proposeChanges, rejectionKey } from './propose-changes.ts'

const found = (name: string, kind: ColumnFinding['kind'], itemKind: ColumnFinding['itemKind']): ColumnFinding => ({
  name, type: 'text', sampled: 100, matched: 98, confidence: 0.98, examples: [], mentions: [], ...(kind ? { kind, itemKind } : {}),
})
const report = (tables: ScanReport['tables']): ScanReport => ({ source: 'postgres', target: 'postgres://crm', mode: 'sample', startedAt: '', finishedAt: '', tables, files: [] })
const system = (tables: SystemView['tables'], schema?: string) =>
  ({ systemId: 'crm', name: 'CRM', kind: 'postgres', description: null, connection: { secret: 'sealed', ...(schema ? { schema } : {}) }, tables, relations: [], items: [], identifiers: [] }) as unknown as SystemView

describe('proposeChanges (ESP policy)', () => {
  const esp = seedPolicy('esp')

  it("maps an unmapped column to the policy's item of its kind, choosing by the column's words among several", () => {
    const drafts = proposeChanges(report([{ name: 'leads', rowsRead: 100, columns: [found('mobile', 'phone', 'phone'), found('registration_address', 'address', 'address'), found('comment', undefined, undefined)] }]), system([]), esp, new Set())
    expect(drafts).toEqual([
      expect.objectContaining({ table: 'leads', column: 'mobile', action: 'map_column', itemId: 'phone', identifies: 'phone', masking: { strategy: 'hash' } }),
      expect.objectContaining({ table: 'leads', column: 'registration_address', action: 'map_column', itemId: 'registration-address', identifies: undefined }),
    ])
  })

  it('proposes nothing for a column the map already gives an item of the kind, and a remap when it gives another kind', () => {
    const map = system([{ name: 'clients', columns: [{ name: 'phone', itemId: 'phone' }, { name: 'contact', itemId: 'phone' }] }])
    const drafts = proposeChanges(report([{ name: 'clients', rowsRead: 100, columns: [found('phone', 'phone', 'phone'), found('contact', 'email', 'email')] }]), map, esp, new Set())
    expect(drafts).toEqual([expect.objectContaining({ column: 'contact', itemId: 'email', currentItemId: 'phone' })])
  })

  it('asks to add an item when the policy lists none of the kind (ESP has no IIN), and never re-proposes a rejected finding', () => {
    const scan = report([{ name: 'clients', rowsRead: 100, columns: [found('iin', 'iin', 'iin'), found('email', 'email', 'email')] }])
    expect(proposeChanges(scan, system([]), esp, new Set())[0]).toEqual(expect.objectContaining({ column: 'iin', action: 'add_item', itemId: undefined }))
    const rejected = new Set([rejectionKey({ table: 'clients', column: 'iin', detectedKind: 'iin' })])
    expect(proposeChanges(scan, system([]), esp, rejected).map((d) => d.column)).toEqual(['email'])
  })

  it("proposes only for tables in the system's schema", () => {
    expect(mapTableName('clients', system([]))).toBe('clients')
    expect(mapTableName('crm.clients', system([], 'crm'))).toBe('clients')
    expect(mapTableName('other.clients', system([], 'crm'))).toBeUndefined()
    expect(mapTableName('clients', system([], 'crm'))).toBeUndefined()
  })
})
