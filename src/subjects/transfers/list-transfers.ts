import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import { findSubjectRow } from '../subject-row.ts'
import { toTransferView, type TransferView } from './transfer-view.ts'

/**
 * A subject's transfer log, oldest first: ids, purposes, countries and dates,
 * no personal-data values — so it is readable with `subjects:read`, and still
 * there after the subject was destroyed (whom to tell, TW-9.4). An unknown
 * subject is `DERBES_SUBJECT_NOT_FOUND`.
 *
 * @example
 * const recipients = new Set((await listTransfers(db, 'tw', subjectId)).map((t) => t.recipientId))
 */
export async function listTransfers(db: Kysely<Database> | Transaction<Database>, operatorId: string, subjectId: string): Promise<TransferView[]> {
  await findSubjectRow(db, operatorId, subjectId)
  const rows = await db
    .selectFrom('data_transfers')
    .selectAll()
    .where('operator_id', '=', operatorId)
    .where('subject_id', '=', subjectId)
    .orderBy('transferred_at')
    .orderBy('transfer_id')
    .execute()
  return rows.map(toTransferView)
}
