import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import type { LedgerDeps } from './ledger-deps.ts'
import { lockSubject } from './consenting-party.ts'

type Db = Kysely<Database> | Transaction<Database>

/**
 * Something the subject owes the operator — an unpaid bill, equipment to
 * return, a contract's minimum term. While one is open, a form that says so
 * refuses withdrawal (TTC-9.1, KZK-2.3.5, art. 8(2)). Obligations are
 * business facts, not processing of personal data, so they are not audited;
 * `description` is for staff and must not hold personal data.
 */
export interface Obligation {
  obligationId: string
  kind: string
  description: string | null
  openedAt: string
  fulfilledAt: string | null
}

function toObligation(r: { obligation_id: string; kind: string; description: string | null; opened_at: Date; fulfilled_at: Date | null }): Obligation {
  return { obligationId: r.obligation_id, kind: r.kind, description: r.description, openedAt: r.opened_at.toISOString(), fulfilledAt: r.fulfilled_at?.toISOString() ?? null }
}

export interface ObligationInput {
  operatorId: string
  subjectId: string
  obligationId?: string | undefined
  kind: string
  description?: string | undefined
  openedAt?: Date | undefined
}

/**
 * Opens an obligation of a subject.
 *
 * @example
 * await openObligation(deps, { operatorId: 'ttc', subjectId, kind: 'unpaid_invoice', description: 'invoice 2026-11' })
 */
export async function openObligation(deps: Pick<LedgerDeps, 'db' | 'clock'>, input: ObligationInput): Promise<Obligation> {
  return deps.db.transaction().execute(async (trx) => {
    await lockSubject(trx, input.operatorId, input.subjectId, ['active', 'blocked'])
    const obligationId = input.obligationId ?? randomUUID()
    const row = await trx
      .insertInto('subject_obligations')
      .values({
        operator_id: input.operatorId,
        subject_id: input.subjectId,
        obligation_id: obligationId,
        kind: input.kind,
        description: input.description ?? null,
        opened_at: input.openedAt ?? deps.clock(),
        fulfilled_at: null,
      })
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst()
    if (!row) {
      throw new DerbesError('DERBES_OBLIGATION_EXISTS', `subject '${input.subjectId}' already has obligation '${obligationId}'`, [{ pointer: '/body/obligationId', detail: 'is taken' }])
    }
    return toObligation(row)
  })
}

/**
 * Marks an obligation fulfilled; from then on it no longer blocks a withdrawal.
 *
 * @example
 * await fulfilObligation(deps, 'ttc', subjectId, obligationId)
 */
export async function fulfilObligation(deps: Pick<LedgerDeps, 'db' | 'clock'>, operatorId: string, subjectId: string, obligationId: string): Promise<Obligation> {
  return deps.db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('subject_obligations')
      .selectAll()
      .where('operator_id', '=', operatorId)
      .where('subject_id', '=', subjectId)
      .where('obligation_id', '=', obligationId)
      .forUpdate()
      .executeTakeFirst()
    if (!found) throw new DerbesError('DERBES_OBLIGATION_NOT_FOUND', `subject '${subjectId}' has no obligation '${obligationId}'`)
    if (found.fulfilled_at) throw new DerbesError('DERBES_OBLIGATION_ALREADY_FULFILLED', `obligation '${obligationId}' was fulfilled at ${found.fulfilled_at.toISOString()}`)
    const row = await trx
      .updateTable('subject_obligations')
      .set({ fulfilled_at: deps.clock() })
      .where('operator_id', '=', operatorId)
      .where('subject_id', '=', subjectId)
      .where('obligation_id', '=', obligationId)
      .returningAll()
      .executeTakeFirstOrThrow()
    return toObligation(row)
  })
}

/**
 * A subject's obligations, oldest first; `open: true` keeps the unfulfilled ones.
 *
 * @example
 * const open = await listObligations(db, 'kzk', subjectId, { open: true })
 */
export async function listObligations(db: Db, operatorId: string, subjectId: string, options: { open?: boolean } = {}): Promise<Obligation[]> {
  const subject = await db.selectFrom('subjects').select('subject_id').where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).executeTakeFirst()
  if (!subject) throw new DerbesError('DERBES_SUBJECT_NOT_FOUND', `operator '${operatorId}' has no subject '${subjectId}'`)
  let query = db.selectFrom('subject_obligations').selectAll().where('operator_id', '=', operatorId).where('subject_id', '=', subjectId)
  if (options.open) query = query.where('fulfilled_at', 'is', null)
  const rows = await query.orderBy('opened_at').orderBy('obligation_id').execute()
  return rows.map(toObligation)
}
