import type { CompiledItem, CompiledPolicy } from '../../policy/compiled-policy.ts'
import type { LocatorKind, Masking, SystemView } from '../../systems/index.ts'
import { bestItem, itemsByKind } from '../report/policy-items.ts'
import type { DetectedKind } from '../detectors/detection.ts'
import type { ColumnFinding, ScanReport } from '../report/scan-report.ts'

/** A change to the data map (or the policy's list) that a scan suggests. */
export interface ProposalDraft {
  table: string
  column: string
  detectedKind: DetectedKind
  itemKind: string
  action: 'map_column' | 'add_item'
  itemId: string | undefined
  currentItemId: string | undefined
  identifies: LocatorKind | undefined
  masking: Masking | undefined
  confidence: number
}

/** The identifier a column of this kind lets the connectors find a subject by (issue 4 item 5). */
const IDENTIFIES: Partial<Record<DetectedKind, LocatorKind>> = { iin: 'iin', phone: 'phone', email: 'email', id_card: 'id_document', passport: 'id_document' }

/**
 * How a proposed column is anonymised unless the responsible person says
 * otherwise (PS-7.1): identifiers by a keyed hash, so joins and counts still
 * work; numbers a person could be reached or paid by, redacted; names and
 * addresses replaced; a birth date keeps its year.
 */
const MASKING: Record<DetectedKind, Masking> = {
  iin: { strategy: 'hash' },
  bin: { strategy: 'keep' },
  phone: { strategy: 'hash' },
  email: { strategy: 'hash' },
  bank_card: { strategy: 'redact', keepEnd: 4 },
  iban: { strategy: 'redact', keepStart: 4 },
  id_card: { strategy: 'hash' },
  passport: { strategy: 'hash' },
  postcode: { strategy: 'redact', keepStart: 3 },
  ip_address: { strategy: 'hash' },
  mac_address: { strategy: 'hash' },
  birth_date: { strategy: 'date_year' },
  person_name: { strategy: 'fixed', value: 'ANONYMISED' },
  address: { strategy: 'fixed', value: 'ANONYMISED' },
}

/** The table as the system's map names it: without the schema the connection already points to. */
export function mapTableName(table: string, system: Pick<SystemView, 'connection'>): string | undefined {
  const schema = system.connection.schema ?? 'public'
  if (!table.includes('.')) return schema === 'public' ? table : undefined
  return table.startsWith(`${schema}.`) ? table.slice(schema.length + 1) : undefined
}

/**
 * What a scan of a connected system proposes (issue 7 item 3: "a proposal to
 * update the data map and the policy's list"): for each column found to hold
 * personal data that the map does not give an item of that kind, either the
 * policy item to map it to or — when the policy lists no item of the kind —
 * to add one to the policy. Columns of tables outside the system's schema are
 * reported but not proposed; what was rejected before is not proposed again.
 */
export function proposeChanges(report: ScanReport, system: SystemView, policy: CompiledPolicy, rejected: ReadonlySet<string>): ProposalDraft[] {
  const byKind = itemsByKind(policy)
  const mapped = new Map(system.tables.flatMap((t) => t.columns.map((c) => [`${t.name}.${c.name}`, c] as const)))
  const drafts: ProposalDraft[] = []
  for (const table of report.tables) {
    const name = mapTableName(table.name, system)
    if (name === undefined) continue
    for (const column of table.columns) {
      const draft = proposeColumn(name, column, mapped.get(`${name}.${column.name}`), policy, byKind)
      if (draft && !rejected.has(rejectionKey(draft))) drafts.push(draft)
    }
  }
  return drafts
}

function proposeColumn(
  table: string,
  column: ColumnFinding,
  current: { itemId?: string } | undefined,
  policy: CompiledPolicy,
  byKind: ReadonlyMap<string, CompiledItem[]>,
): ProposalDraft | undefined {
  if (!column.kind || !column.itemKind) return undefined
  const currentItem = current?.itemId ? policy.items.get(current.itemId) : undefined
  if (currentItem?.kind === column.itemKind) return undefined
  const item = bestItem(byKind.get(column.itemKind) ?? [], column.name)
  return {
    table,
    column: column.name,
    detectedKind: column.kind,
    itemKind: column.itemKind,
    action: item ? 'map_column' : 'add_item',
    itemId: item?.id,
    currentItemId: current?.itemId,
    identifies: IDENTIFIES[column.kind],
    masking: MASKING[column.kind],
    confidence: column.confidence,
  }
}

/** A rejected proposal is remembered per column and kind: the same finding is not proposed again. */
export function rejectionKey(p: { table: string; column: string; detectedKind: string }): string {
  return `${p.table}.${p.column}:${p.detectedKind}`
}
