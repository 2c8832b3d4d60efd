import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { appendAudit } from '../../audit/index.ts'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { exportSubjectData, renderAnswerPdf, type AnswerDocument, type SubjectRecord } from '../answers/index.ts'
import type { FulfilmentDeps } from './fulfilment-deps.ts'
import { loadRequest } from './fulfilment-request.ts'
import type { SealedRecord } from './run-vault-task.ts'
import { openAnswer, openTaskResult } from './seal-result.ts'
import { listSystems } from '../../systems/index.ts'

/** What is known of an answer without opening it. */
export interface AnswerMeta {
  requestId: string
  reference: string
  kind: string
  language: string
  outcome: 'fulfilled' | 'refused' | 'no_data_held'
  issuedAt: string
  policyVersionId: string
  documentSha256: string
  delivered: string[]
}

async function answerRow(db: Kysely<Database>, operatorId: string, requestId: string) {
  const request = await loadRequest(db, operatorId, requestId)
  const row = await db.selectFrom('request_answers').selectAll().where('operator_id', '=', operatorId).where('request_id', '=', requestId).executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_ANSWER_NOT_FOUND', `request ${request.reference} has no answer yet (it is ${request.state})`)
  return { request, row }
}

/**
 * An answer's metadata — outcome, language, when, under which policy version,
 * the letter's hash, how it was delivered — without its text.
 *
 * @example
 * const { outcome, delivered } = await getAnswerMeta(db, 'tw', requestId)
 */
export async function getAnswerMeta(db: Kysely<Database>, operatorId: string, requestId: string): Promise<AnswerMeta> {
  const { request, row } = await answerRow(db, operatorId, requestId)
  return {
    requestId,
    reference: request.reference,
    kind: request.kind,
    language: row.language,
    outcome: row.outcome,
    issuedAt: new Date(row.issued_at).toISOString(),
    policyVersionId: row.policy_version_id,
    documentSha256: row.document_sha256,
    delivered: row.delivered,
  }
}

/**
 * The kept letter as a PDF — the one that was sent (its hash is checked) —
 * handed out by `actor` and audited as an `export` whose basis is the
 * request. Once the subject is destroyed, a letter sealed under its key is
 * gone too (`DERBES_SUBJECT_GONE`).
 *
 * @example
 * const pdf = await answerPdf(deps, 'tw', requestId, 'staff:1')
 */
export async function answerPdf(deps: Pick<FulfilmentDeps, 'db' | 'clock' | 'keys'>, operatorId: string, requestId: string, actor: string): Promise<{ reference: string; pdf: Buffer }> {
  const { request, row } = await answerRow(deps.db, operatorId, requestId)
  const plain = await openAnswer(deps.db, deps.keys, operatorId, request.subject_id, requestId, { sealed: row.sealed, keyId: row.sealed_key_id, wrappedKey: row.sealed_wrapped_key })
  // The letter handed out is the letter that was sent: the kept text still has the hash recorded (and audited) then.
  if (createHash('sha256').update(plain).digest('hex') !== row.document_sha256) {
    throw new DerbesError('DERBES_INTERNAL', `the kept answer to request ${request.reference} does not match the hash recorded when it was sent`)
  }
  const document = JSON.parse(plain) as AnswerDocument
  const pdf = await renderAnswerPdf(document)
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, {
      operatorId,
      at: deps.clock(),
      actor,
      action: 'export',
      subjectId: request.subject_id,
      basis: `request:${requestId}`,
      details: { requestId, reference: request.reference, what: 'answer_pdf', documentSha256: row.document_sha256 },
    }),
  )
  return { reference: request.reference, pdf }
}

/**
 * The data export of an answered access request (ESP-3, TW-9.1): every
 * record the vault, the consent ledger and the connected systems gave, as
 * JSON or CSV (`exportSubjectData`), handed out by `actor` and audited as an
 * `export` whose basis is the request. Another kind of request has none:
 * `DERBES_REQUEST_NOT_ACCESS` (409).
 *
 * @example
 * const { body } = await accessExport(deps, 'tw', requestId, 'csv', 'staff:1')
 */
export async function accessExport(deps: Pick<FulfilmentDeps, 'db' | 'clock' | 'keys'>, operatorId: string, requestId: string, format: 'json' | 'csv', actor: string): Promise<{ reference: string; body: string }> {
  const { request } = await answerRow(deps.db, operatorId, requestId)
  if (request.kind !== 'access') throw new DerbesError('DERBES_REQUEST_NOT_ACCESS', `request ${request.reference} is ${request.kind}: only an access request has a data export`)
  const subjectId = request.subject_id
  const records: SubjectRecord[] = []
  if (subjectId !== null) {
    const tasks = await deps.db.selectFrom('request_tasks').select(['task_id', 'result_sealed']).where('operator_id', '=', operatorId).where('request_id', '=', requestId).where('action', '=', 'export').where('state', '=', 'done').orderBy('created_at').orderBy('task_id').execute()
    const names = new Map((await listSystems(deps.db, operatorId)).map((s) => [s.systemId, s.name]))
    for (const task of tasks) {
      if (task.result_sealed === null) continue
      for (const r of await openTaskResult<SealedRecord[]>(deps.db, deps.keys, operatorId, subjectId, task.task_id, task.result_sealed)) {
        const name = names.get(r.system)
        records.push({ ...r, ...(name ? { systemName: name } : {}), collectedAt: r.collectedAt === null ? null : new Date(r.collectedAt) })
      }
    }
  }
  const exported = exportSubjectData(records)
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, {
      operatorId,
      at: deps.clock(),
      actor,
      action: 'export',
      subjectId,
      basis: `request:${requestId}`,
      details: { requestId, reference: request.reference, what: `data_export_${format}`, records: records.length },
    }),
  )
  return { reference: request.reference, body: format === 'json' ? exported.json : exported.csv }
}
