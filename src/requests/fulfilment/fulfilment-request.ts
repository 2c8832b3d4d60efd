import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import type { RequestsTable } from '../requests-tables.ts'

/** A `requests` row as fulfilment reads it. */
export type FulfilmentRequest = Selectable<RequestsTable>

/** One request of the operator; `forUpdate` locks it until the transaction ends (one planner, one answer). */
export async function loadRequest(db: Kysely<Database> | Transaction<Database>, operatorId: string, requestId: string, options: { forUpdate?: boolean } = {}): Promise<FulfilmentRequest> {
  let query = db.selectFrom('requests').selectAll().where('operator_id', '=', operatorId).where('request_id', '=', requestId)
  if (options.forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_REQUEST_NOT_FOUND', `operator '${operatorId}' has no request '${requestId}'`)
  return row
}
