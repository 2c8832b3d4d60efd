import type { CompiledPolicy, Language } from '../../policy/index.ts'
import type { LetterSection } from './answer-document.ts'
import type { SubjectRecord } from './answer-input.ts'
import { answerText } from './answer-messages.ts'
import { letterDate } from './cite-clauses.ts'
import { itemName } from './processing-sections.ts'

/** The system id under which Derbes' own vault and consent ledger appear in records and exports. */
export const DERBES_SYSTEM = 'derbes'

/** A record's value as text: numbers and booleans as JavaScript writes them, null as an empty cell. */
export function recordValue(value: SubjectRecord['value']): string {
  return value === null ? '' : String(value)
}

/** A system's name as the subject reads it. */
export function systemName(language: Language, record: Pick<SubjectRecord, 'system' | 'systemName'>): string {
  if (record.system === DERBES_SYSTEM) return answerText(language, 'vaultSystem')
  return record.systemName ?? record.system
}

/**
 * The records of an access answer (ESP-3 "a copy of any record", TW-9.1):
 * one table per system — Derbes' vault first as given, then each connected
 * system — with table, data item, value and date of collection. Only the
 * records passed in are shown; nothing is looked up.
 */
export function recordsSections(language: Language, policy: CompiledPolicy, records: readonly SubjectRecord[]): LetterSection[] {
  if (records.length === 0) return [{ paragraphs: [answerText(language, 'recordsNone')] }]
  const bySystem = new Map<string, SubjectRecord[]>()
  for (const record of records) bySystem.set(record.system, [...(bySystem.get(record.system) ?? []), record])
  const columns = [answerText(language, 'colTable'), answerText(language, 'colData'), answerText(language, 'colValue'), answerText(language, 'colCollected')]
  return [...bySystem.values()].map((group) => ({
    heading: answerText(language, 'headingRecords', { system: systemName(language, group[0]!) }),
    table: {
      columns,
      rows: group.map((r) => [r.table, itemName(policy, language, r.item), recordValue(r.value) || '—', r.collectedAt ? letterDate(language, r.collectedAt) : '—']),
    },
  }))
}
