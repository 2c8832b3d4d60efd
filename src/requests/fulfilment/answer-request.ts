import { createHash } from 'node:crypto'
import type { Transaction } from 'kysely'
import { appendAudit } from '../../audit/index.ts'
import type { Database } from '../../db/index.ts'
import type { CompiledPolicy } from '../../policy/index.ts'
import { getPublishedVersion } from '../../operators/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { enqueueEmail, type EmailAttachment } from '../../notify/email/index.ts'
import { composeAnswer, exportSubjectData, renderAnswerPdf, type AnswerDocument } from '../answers/index.ts'
import type { GatheredAnswer } from './gather-answer-input.ts'
import { transitionRequest } from '../transition-request.ts'
import { FULFILMENT_ACTOR, type FulfilmentDeps } from './fulfilment-deps.ts'
import { loadRequest, type FulfilmentRequest } from './fulfilment-request.ts'
import { gatherAnswerInput } from './gather-answer-input.ts'
import { sealAnswer } from './seal-result.ts'

export type AnswerOutcomeKind = 'answered' | 'refusal_sent' | 'not_ready'

/**
 * Answers a request whose tasks are all done (or one refused without an
 * answer yet): composes the letter in the request's language from what
 * fulfilment did (`composeAnswer`), keeps it sealed for download
 * (`request_answers`), delivers it, moves the request to `answered` and
 * audits it (`request_answered`: outcome, letter hash, how delivered, which
 * vault items addressed it) — one transaction, the request locked, so two
 * processes never answer twice. A refused request gets its refusal letter
 * and stays `refused`. `not_ready` when a task is still open or the answer
 * exists. `published` is the operator's published policy when the caller has
 * read it (the runner reads it once a run); otherwise it is read here.
 *
 * @example
 * await answerRequest(deps, 'tw', requestId)
 */
export async function answerRequest(deps: FulfilmentDeps, operatorId: string, requestId: string, published?: CompiledPolicy): Promise<AnswerOutcomeKind> {
  const policy = published ?? (await getPublishedVersion(deps, operatorId)).compiled
  return deps.db.transaction().execute(async (trx) => answerLockedRequest(trx, deps, policy, await loadRequest(trx, operatorId, requestId, { forUpdate: true })))
}

/** {@link answerRequest} in the caller's transaction, the request already locked (planning answers a request with nothing to do at once). */
export async function answerLockedRequest(trx: Transaction<Database>, deps: FulfilmentDeps, policy: CompiledPolicy, request: FulfilmentRequest): Promise<AnswerOutcomeKind> {
  const operatorId = request.operator_id
  const requestId = request.request_id
  const open = request.state === 'in_progress' || request.state === 'awaiting_systems'
  if (!open && request.state !== 'refused') return 'not_ready'
  const answered = await trx.selectFrom('request_answers').select('request_id').where('operator_id', '=', operatorId).where('request_id', '=', requestId).executeTakeFirst()
  if (answered) return 'not_ready'
  const tasks = await trx.selectFrom('request_tasks').selectAll().where('operator_id', '=', operatorId).where('request_id', '=', requestId).orderBy('created_at').orderBy('task_id').execute()
  if (open && tasks.some((t) => t.state !== 'done' && t.state !== 'cancelled')) return 'not_ready'
  const now = deps.clock()
  if (!open) {
    // Refused by staff or at intake while tasks waited: nothing more runs for it.
    await trx.updateTable('request_tasks').set({ state: 'cancelled', next_attempt_at: null, done_at: now })
      .where('operator_id', '=', operatorId).where('request_id', '=', requestId).where('state', 'in', ['pending', 'failed']).execute()
  }
  const gathered = await gatherAnswerInput(trx, deps.keys, policy, request, tasks, now)
  const document = composeAnswer(gathered.input)
  const plain = JSON.stringify(document)
  const documentSha256 = createHash('sha256').update(plain).digest('hex')
  const sealed = await sealAnswer(trx, deps.keys, operatorId, request.subject_id, requestId, plain)
  const delivered = ['download']
  const emailed = await emailAnswer(trx, deps, request, document, gathered)
  if (emailed.messageId) delivered.push('email')
  await trx.insertInto('request_answers').values({
    operator_id: operatorId,
    request_id: requestId,
    language: document.language,
    outcome: gathered.input.outcome.kind,
    issued_at: now,
    policy_version_id: policy.versionId,
    document_sha256: documentSha256,
    delivered: JSON.stringify(delivered),
    sealed: sealed.sealed,
    sealed_key_id: sealed.keyId,
    sealed_wrapped_key: sealed.wrappedKey,
  }).execute()
  await appendAudit(trx, {
    operatorId,
    at: now,
    actor: FULFILMENT_ACTOR,
    action: 'request_answered',
    subjectId: request.subject_id,
    details: {
      requestId,
      reference: request.reference,
      kind: request.kind,
      outcome: gathered.input.outcome.kind,
      language: document.language,
      policyVersionId: policy.versionId,
      documentSha256,
      delivered,
      ...(gathered.input.records ? { records: gathered.input.records.length } : {}),
      ...(gathered.addressedWith.length > 0 ? { addressedWith: gathered.addressedWith } : {}),
      ...(emailed.messageId ? { emailMessageId: emailed.messageId } : {}),
      ...(emailed.refused ? { emailRefused: emailed.refused } : {}),
    },
  })
  if (!open) return 'refusal_sent'
  await transitionRequest(trx, deps, { operatorId, requestId, to: 'answered', actor: FULFILMENT_ACTOR, note: 'every task done; answer delivered' })
  return 'answered'
}

/**
 * E-mails the answer when an address is known (the one given with the
 * request, else the subject's in the vault): the letter as text and HTML,
 * its PDF, and for an access request the data export as CSV and JSON — an
 * answer "delivered electronically" (ESP-9), free of charge. Queued in the
 * answer's transaction (the outbox seals it and sends it after commit). An
 * address the mailer refuses does not hold the answer back: it stays
 * downloadable and the refusal is audited.
 */
async function emailAnswer(
  trx: Transaction<Database>,
  deps: FulfilmentDeps,
  request: FulfilmentRequest,
  document: AnswerDocument,
  gathered: GatheredAnswer,
): Promise<{ messageId?: string; refused?: string }> {
  if (gathered.email === null) return {}
  const attachments: EmailAttachment[] = [{ filename: `${request.reference}.pdf`, contentType: 'application/pdf', content: await renderAnswerPdf(document) }]
  if (request.kind === 'access' && gathered.input.records && gathered.input.outcome.kind === 'fulfilled') {
    const exported = exportSubjectData(gathered.input.records)
    attachments.push(
      { filename: `${request.reference}-data.csv`, contentType: 'text/csv; charset=utf-8', content: Buffer.from(exported.csv, 'utf8') },
      { filename: `${request.reference}-data.json`, contentType: 'application/json; charset=utf-8', content: Buffer.from(exported.json, 'utf8') },
    )
  }
  try {
    const messageId = await enqueueEmail(trx, deps, {
      operatorId: request.operator_id,
      to: gathered.email,
      subjectLine: document.subjectLine,
      text: document.text,
      html: document.html,
      attachments,
      language: document.language,
      subjectId: request.subject_id,
      requestId: request.request_id,
      purpose: 'request_answer',
    })
    return { messageId }
  } catch (error) {
    // Checked before anything is written, so the transaction is intact.
    if (error instanceof DerbesError && error.code === 'DERBES_VALIDATION') return { refused: error.errors.map((e) => e.pointer).join(', ') || 'invalid' }
    throw error
  }
}
