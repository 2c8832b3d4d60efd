import { sql, type Kysely, type Transaction } from 'kysely'
import { appendAudit } from '../audit/index.ts'
import type { Database, RepresentativeRelation } from '../db/database-schema.ts'
import { DerbesError } from '../errors/index.ts'
import { almatyDate, isLocalDate } from '../kz/index.ts'
import { enqueueEvent } from '../notify/index.ts'
import { activeRepresentatives } from './active-representatives.ts'
import { checkRepresentativeFits } from './check-representative-fits.ts'
import { findSubjectRow, assertNotGone } from './subject-row.ts'
import { publishedPolicy } from './subject-policy.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

export interface RepresentativeInput {
  operatorId: string
  subjectId: string
  /** Another subject of the same operator. */
  representativeId: string
  relation: RepresentativeRelation
  validFrom?: string | undefined
  /** Required for an attorney (ESP-3: a power of attorney has a term). */
  validUntil?: string | undefined
  /** The reference of the document the authority rests on: a power of attorney's number, a court decision. No personal data. */
  basisDocument?: string | undefined
}

export interface RepresentativeView {
  representativeId: string
  relation: RepresentativeRelation
  validFrom: string | null
  validUntil: string | null
  basisDocument: string | null
  /** Whether the representative may act for the subject now (see `activeRepresentatives`). */
  active: boolean
}

const date = (value: string | undefined, field: string) => {
  if (value === undefined) return null
  if (!isLocalDate(value)) throw new DerbesError('DERBES_VALIDATION', `${field} is not a date`, [{ pointer: `/body/${field}`, detail: 'must be YYYY-MM-DD' }])
  return value
}

/**
 * Records that `representativeId` may act for the subject: a parent or
 * guardian of a minor (KZK-1.13), a legal representative of a minor or of a
 * person of limited or no capacity (TW-4.1), an attorney under a power of
 * attorney with its validity dates (ESP-3), a legal entity's representative
 * (TTC-2). `checkRepresentativeFits` refuses what does not fit. The same
 * representative and relation again replaces the dates and document (a renewed
 * power of attorney).
 *
 * @example
 * await addRepresentative(deps, { operatorId: 'esp', subjectId: client, representativeId: attorney, relation: 'attorney', validUntil: '2027-12-31', basisDocument: 'POA No. 41' }, 'staff:3')
 */
export async function addRepresentative(deps: SubjectsDeps, input: RepresentativeInput, actor: string): Promise<RepresentativeView[]> {
  const now = deps.clock()
  const validFrom = date(input.validFrom, 'validFrom')
  const validUntil = date(input.validUntil, 'validUntil')
  if (validFrom && validUntil && validUntil < validFrom) {
    throw new DerbesError('DERBES_VALIDATION', 'validity ends before it starts', [{ pointer: '/body/validUntil', detail: 'before validFrom' }])
  }
  const policy = await publishedPolicy(deps, input.operatorId)
  await deps.db.transaction().execute(async (trx) => {
    const subject = await findSubjectRow(trx, input.operatorId, input.subjectId, { forUpdate: true })
    assertNotGone(subject, 'add a representative')
    const representativeRow = await findSubjectRow(trx, input.operatorId, input.representativeId).catch((error: unknown) => {
      if (!(error instanceof DerbesError) || error.code !== 'DERBES_SUBJECT_NOT_FOUND') throw error
      throw new DerbesError('DERBES_REPRESENTATIVE_NOT_FITTING', `operator '${input.operatorId}' has no subject '${input.representativeId}' to act as representative`, [
        { pointer: '/body/representativeId', detail: 'not a subject of this operator' },
      ])
    })
    checkRepresentativeFits(policy, subject, representativeRow, { relation: input.relation, validUntil }, almatyDate(now))
    await trx
      .insertInto('subject_representatives')
      .values({
        operator_id: input.operatorId,
        subject_id: input.subjectId,
        representative_id: input.representativeId,
        relation: input.relation,
        valid_from: validFrom,
        valid_until: validUntil,
        basis_document: input.basisDocument ?? null,
        created_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['operator_id', 'subject_id', 'representative_id', 'relation']).doUpdateSet({ valid_from: validFrom, valid_until: validUntil, basis_document: input.basisDocument ?? null }),
      )
      .execute()
    await trx.updateTable('subjects').set({ updated_at: now }).where('operator_id', '=', input.operatorId).where('subject_id', '=', input.subjectId).execute()
    const representation = { representativeId: input.representativeId, relation: input.relation, validFrom, validUntil }
    await appendAudit(trx, { operatorId: input.operatorId, at: now, actor, action: 'supplement', subjectId: input.subjectId, details: { representativeAdded: representation } })
    await enqueueEvent(trx, { operatorId: input.operatorId, type: 'subject.updated', subjectId: input.subjectId, occurredAt: now, data: { representativeAdded: representation } })
  })
  return listRepresentatives(deps.db, input.operatorId, input.subjectId, now)
}

/** Ends every relation (or the one named) in which `representativeId` acts for the subject. */
export async function removeRepresentative(
  deps: SubjectsDeps,
  input: { operatorId: string; subjectId: string; representativeId: string; relation?: RepresentativeRelation | undefined },
  actor: string,
): Promise<RepresentativeView[]> {
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const subject = await findSubjectRow(trx, input.operatorId, input.subjectId, { forUpdate: true })
    assertNotGone(subject, 'remove a representative')
    let query = trx
      .deleteFrom('subject_representatives')
      .where('operator_id', '=', input.operatorId)
      .where('subject_id', '=', input.subjectId)
      .where('representative_id', '=', input.representativeId)
    if (input.relation) query = query.where('relation', '=', input.relation)
    const removed = await query.returning('relation').execute()
    if (removed.length === 0) {
      throw new DerbesError('DERBES_REPRESENTATIVE_NOT_FOUND', `'${input.representativeId}' does not represent subject '${input.subjectId}'${input.relation ? ` as ${input.relation}` : ''}`)
    }
    await trx.updateTable('subjects').set({ updated_at: now }).where('operator_id', '=', input.operatorId).where('subject_id', '=', input.subjectId).execute()
    const representation = { representativeId: input.representativeId, relations: removed.map((r) => r.relation) }
    await appendAudit(trx, { operatorId: input.operatorId, at: now, actor, action: 'change', subjectId: input.subjectId, details: { representativeRemoved: representation } })
    await enqueueEvent(trx, { operatorId: input.operatorId, type: 'subject.updated', subjectId: input.subjectId, occurredAt: now, data: { representativeRemoved: representation } })
  })
  return listRepresentatives(deps.db, input.operatorId, input.subjectId, now)
}

/** Every recorded representative of a subject, each marked whether it may act at `at`. */
export async function listRepresentatives(db: Kysely<Database> | Transaction<Database>, operatorId: string, subjectId: string, at: Date): Promise<RepresentativeView[]> {
  const rows = await db
    .selectFrom('subject_representatives')
    .select([
      'representative_id', 'relation', 'basis_document',
      sql<string | null>`to_char(valid_from, 'YYYY-MM-DD')`.as('valid_from'),
      sql<string | null>`to_char(valid_until, 'YYYY-MM-DD')`.as('valid_until'),
    ])
    .where('operator_id', '=', operatorId)
    .where('subject_id', '=', subjectId)
    .orderBy('created_at')
    .orderBy('representative_id')
    .execute()
  const active = new Set((await activeRepresentatives(db, operatorId, subjectId, at)).map((r) => `${r.representativeId}/${r.relation}`))
  return rows.map((r) => ({
    representativeId: r.representative_id,
    relation: r.relation,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    basisDocument: r.basis_document,
    active: active.has(`${r.representative_id}/${r.relation}`),
  }))
}
