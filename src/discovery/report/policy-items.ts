import type { CompiledItem, CompiledPolicy } from '../../policy/compiled-policy.ts'
import { columnWords } from '../columns/column-hints.ts'
import type { ScanReport } from './scan-report.ts'

/** The policy's items grouped by their kind (`phone` → the items of kind `phone`). */
export function itemsByKind(policy: CompiledPolicy): Map<string, CompiledItem[]> {
  const byKind = new Map<string, CompiledItem[]>()
  for (const item of policy.items.values()) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item])
  return byKind
}

/** Of the items of a kind, the one whose id or name shares most words with the column's name (the first on a tie). */
export function bestItem(items: readonly CompiledItem[], column: string): CompiledItem | undefined {
  const words = new Set(columnWords(column))
  const score = (item: CompiledItem) => [...columnWords(item.id), ...columnWords(item.name.en), ...columnWords(item.name.ru)].filter((w) => words.has(w)).length
  return [...items].sort((a, b) => score(b) - score(a))[0]
}

/**
 * Names, in a report, the policy item each finding maps to (issue 7, "Done
 * when": "maps it to the policy's items"): per classified column its best
 * item of the kind, per kind found in a file's text the first such item.
 * Findings of a kind the policy does not list keep no item — the data the
 * operator holds but has not listed.
 */
export function mapToPolicy(report: ScanReport, policy: CompiledPolicy): ScanReport {
  const byKind = itemsByKind(policy)
  const columns = (list: ScanReport['tables'][number]['columns']) =>
    list.map((c) => {
      const item = c.itemKind ? bestItem(byKind.get(c.itemKind) ?? [], c.name) : undefined
      return item ? { ...c, itemId: item.id } : c
    })
  return {
    ...report,
    tables: report.tables.map((t) => ({ ...t, columns: columns(t.columns) })),
    files: report.files.map((f) => ({
      ...f,
      columns: columns(f.columns),
      kinds: f.kinds.map((k) => {
        const item = byKind.get(k.itemKind)?.[0]
        return item ? { ...k, itemId: item.id } : k
      }),
    })),
  }
}
