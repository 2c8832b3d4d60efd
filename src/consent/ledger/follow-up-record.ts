import type { ConsentRecord } from '../consent-record.ts'
import type { ConsentEventKind } from '../consent-tables.ts'
import type { ConsentStateRow } from './project-consent-state.ts'

/** Keys of the state rows a record covers: each purpose with basis consent × its channels ('' when none). */
export function stateKeysOf(record: ConsentRecord): string[] {
  return record.purposes
    .filter((p) => p.basis === 'consent')
    .flatMap((p) => (record.channelsByPurpose?.[p.id] ?? ['']).map((c) => `${p.id}\u0000${c}`))
}

export const stateKey = (row: Pick<ConsentStateRow, 'purposeId' | 'channel'>) => `${row.purposeId}\u0000${row.channel}`

/**
 * The record of an event the system records on its own in answer to an
 * earlier one — a consent expiring, a scheduled withdrawal taking effect —
 * narrowed to the state rows it still concerns. It keeps the earlier
 * record's form, language, text hash and who consented.
 */
export function followUpRecord(
  previous: ConsentRecord,
  rows: readonly ConsentStateRow[],
  change: { eventId: string; kind: ConsentEventKind; previousEventId: string; recordedAt: Date; effectiveAt: Date; withdrawal?: ConsentRecord['withdrawal'] },
): ConsentRecord {
  const channelsByPurpose: Record<string, string[]> = {}
  for (const r of rows) if (r.channel !== '') (channelsByPurpose[r.purposeId] ??= []).push(r.channel)
  const { previousEventIds: _answered, channelsByPurpose: _channels, withdrawal: _withdrawal, ...base } = previous
  return {
    ...base,
    recordId: change.eventId,
    kind: change.kind,
    purposes: previous.purposes.filter((p) => rows.some((r) => r.purposeId === p.id)),
    channels: [...new Set(Object.values(channelsByPurpose).flat())].sort(),
    ...(Object.keys(channelsByPurpose).length > 0 ? { channelsByPurpose } : {}),
    ...(change.withdrawal ? { withdrawal: change.withdrawal } : {}),
    method: null,
    evidence: {},
    previousEventId: change.previousEventId,
    recordedAt: change.recordedAt.toISOString(),
    effectiveAt: change.effectiveAt.toISOString(),
    recordedBy: 'system',
    sealed: null,
  }
}
