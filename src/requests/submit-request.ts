import { randomUUID } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import { appendAudit } from '../audit/index.ts'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { almatyDate } from '../kz/index.ts'
import { enqueueEvent } from '../notify/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import { findSubjectByIdentifier, type IdentifierInput } from '../subjects/index.ts'
import { advanceVerifiedRequest } from './advance-verified-request.ts'
import { checkAuthority } from './check-authority.ts'
import { checkRequestContent, type RequestContentInput } from './check-request-content.ts'
import { dueDate } from './due-date.ts'
import { getRequest, type RequestDetail } from './get-request.ts'
import { identityProofCheck, type IdentityProofInput } from './identity-proof.ts'
import { checkIdentityProofEds, edsAuditDetails } from './verify-request-eds.ts'
import { checkIntakeChannel } from './intake-channel.ts'
import { isSubjectRequestKind, type IntakeChannel, type SubjectRequestKind } from './request-kinds.ts'
import type { RequestedBy, RequestVerification } from './requests-tables.ts'
import type { RequestsDeps } from './requests-deps.ts'
import { sealRequestData, type SealedRequestData } from './seal-request.ts'
import { transitionRequest } from './transition-request.ts'

export interface SubmitRequestInput {
  operatorId: string
  kind: SubjectRequestKind
  /** `api` for the operator's engineers; `written`, `post`, `courier`, `email`, `in_person` … when staff register it. */
  channel: IntakeChannel
  /** When the operator received it (a registered letter registered days later); now when absent. The deadline counts from here. */
  receivedAt?: Date | string | undefined
  /** The language of the answer; Kazakh when absent. */
  language?: 'kk' | 'ru' | 'en' | undefined
  /** The subject: by id, or by an identifier (IIN, phone, e-mail, document) found through its blind index. Absent or not found: a requester the operator does not hold. */
  subject?: { subjectId?: string | undefined; identifier?: IdentifierInput | undefined } | undefined
  /** Contacts to answer at — personal data, sealed. */
  requester?: SealedRequestData['requester'] | undefined
  /** A representative acting for the subject (KZK-1.13, TW-4.1, ESP-3, TTC-2): a subject of the operator. */
  representativeId?: string | undefined
  /** Who asks; `representative` when `representativeId` is given, else `subject`. The authorised body: TW-9.5, ESP-8, KZK-5.1.4. */
  requestedBy?: RequestedBy | undefined
  identityProof?: IdentityProofInput | undefined
  /** Paper intake: SHA-256 of the scan, the postal reference of the letter. */
  scanSha256?: string | undefined
  postalReference?: string | undefined
  content?: RequestContentInput | undefined
}

const CORRECTIONS: readonly SubjectRequestKind[] = ['rectify', 'supplement']

function receivedAtOf(input: SubmitRequestInput, now: Date): Date {
  if (input.receivedAt === undefined) return now
  const at = new Date(input.receivedAt)
  if (Number.isNaN(at.getTime())) throw new DerbesError('DERBES_VALIDATION', 'receivedAt is not a time', [{ pointer: '/body/receivedAt', detail: 'must be an ISO 8601 date-time' }])
  if (at > now) throw new DerbesError('DERBES_VALIDATION', 'a request cannot be received in the future', [{ pointer: '/body/receivedAt', detail: 'is after now' }])
  return at
}

/** The subject a request is of: by id (must exist), by identifier (absent when nobody holds it), or none. */
async function resolveSubject(deps: RequestsDeps, input: SubmitRequestInput): Promise<string | null> {
  const { subjectId, identifier } = input.subject ?? {}
  if (subjectId !== undefined && identifier !== undefined) {
    throw new DerbesError('DERBES_VALIDATION', 'name the subject by id or by identifier, not both', [{ pointer: '/body/subject', detail: 'subjectId or identifier' }])
  }
  if (subjectId !== undefined) {
    const row = await deps.db.selectFrom('subjects').select('subject_id').where('operator_id', '=', input.operatorId).where('subject_id', '=', subjectId).executeTakeFirst()
    if (!row) throw new DerbesError('DERBES_SUBJECT_NOT_FOUND', `operator '${input.operatorId}' has no subject '${subjectId}'`, [{ pointer: '/body/subject/subjectId', detail: 'not a subject of this operator' }])
    return subjectId
  }
  if (identifier !== undefined) {
    try {
      return (await findSubjectByIdentifier(deps, input.operatorId, identifier)).subjectId
    } catch (error) {
      if (!(error instanceof DerbesError)) throw error
      // Not held: the request is registered all the same and answered "no data held" (art. 24(1)(1)).
      if (error.code === 'DERBES_SUBJECT_NOT_FOUND') return null
      if (error.code === 'DERBES_IDENTIFIER_INVALID') throw new DerbesError('DERBES_IDENTIFIER_INVALID', error.message, [{ pointer: '/body/subject/identifier/value', detail: error.message }])
      throw error
    }
  }
  const contacts = Object.values(input.requester ?? {}).some((v) => typeof v === 'string' && v.trim() !== '')
  if (!contacts) throw new DerbesError('DERBES_VALIDATION', 'a request names its subject or gives the requester’s contacts to answer', [{ pointer: '/body/subject', detail: 'subjectId, identifier, or requester contacts' }])
  return null
}

async function checkRepresentative(deps: RequestsDeps, operatorId: string, representativeId: string): Promise<void> {
  const row = await deps.db.selectFrom('subjects').select('subject_id').where('operator_id', '=', operatorId).where('subject_id', '=', representativeId).executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_REPRESENTATIVE_NOT_FOUND', `operator '${operatorId}' has no subject '${representativeId}' to act as representative`, [{ pointer: '/body/representativeId', detail: 'register the representative as a subject first' }])
}

function checkRequestedBy(policy: CompiledPolicy, kind: SubjectRequestKind, input: SubmitRequestInput): RequestedBy {
  const requestedBy = input.requestedBy ?? (input.representativeId ? 'representative' : 'subject')
  if (requestedBy === 'representative' && !input.representativeId) {
    throw new DerbesError('DERBES_VALIDATION', 'a representative’s request names the representative', [{ pointer: '/body/representativeId', detail: 'is required when requestedBy is representative' }])
  }
  const from = policy.document.requests?.correctionsFrom
  // TW-9.5, ESP-8: who may ask for a correction besides the subject.
  if (CORRECTIONS.includes(kind) && from && !from.includes(requestedBy)) {
    throw new DerbesError('DERBES_REQUEST_CONTENT_INVALID', `the policy takes corrections from ${from.join(', ')} only`, [{ pointer: '/body/requestedBy', detail: `not ${requestedBy} (${(policy.document.requests?.clauses ?? []).join(', ') || 'requests.correctionsFrom'})` }])
  }
  return requestedBy
}

/** The next reference of the operator this year, `ESP-2026-000124`; the caller holds the operator's intake lock. */
async function nextReference(trx: Transaction<Database>, operatorId: string, now: Date): Promise<string> {
  const prefix = `${operatorId.toUpperCase()}-${almatyDate(now).slice(0, 4)}-`
  const last = await trx
    .selectFrom('requests')
    .select((eb) => eb.fn.max('reference').as('reference'))
    .where('operator_id', '=', operatorId)
    .where('reference', 'like', `${prefix}%`)
    .executeTakeFirst()
  const n = last?.reference ? Number(last.reference.slice(prefix.length)) + 1 : 1
  return `${prefix}${String(n).padStart(6, '0')}`
}

/**
 * Registers a data subject request (issue 4 item 2): through the API
 * (channel `api`), or by staff for a letter, a courier delivery, an e-mail,
 * a visit — with its receipt time (the deadline counts from it, DESIGN
 * "Time"), the scan's SHA-256 and the postal reference. The subject is named
 * by id or identifier; a requester the operator does not hold is registered
 * too, its contacts sealed under a key of the request's own. A
 * representative must hold an active authority (KZK-1.13, TW-4.1, ESP-3,
 * TTC-2) and identity proof must be what the policy demands (ESP-9): what is
 * missing leaves the request in `verifying` with `waitingFor`, visibly
 * waiting while its deadline runs. A channel the policy does not accept
 * (`requests.channels`; ESP-9, TTC-9.2, TW-4.5) is refused, except those
 * art. 10(2) makes every operator accept (`checkIntakeChannel`). The due date is the stricter of policy and
 * law in the operator's calendar. A withdrawal or deletion the subject's open
 * obligation suspends is refused on intake, citing TTC-9.1/KZK-2.3.5 and
 * art. 8(2). Everything — row, seal, history, audit (`request_received`,
 * `request_state_changed`), events — is written in one transaction; bad
 * input writes nothing.
 *
 * @example
 * const request = await submitRequest(deps, {
 *   operatorId: 'esp', kind: 'information', channel: 'written', receivedAt: '2026-12-01T16:20:00+05:00',
 *   subject: { identifier: { kind: 'iin', value: '791028302728' } },
 *   identityProof: { idDocumentNumber: '041234567', idDocumentIssueDate: '2019-05-04', idDocumentIssuer: 'МВД РК', signature: { kind: 'handwritten_signature' } },
 *   scanSha256: 'e3b0…', postalReference: 'RR123456789KZ',
 * }, 'staff:7')
 * request.state   // 'in_progress'
 * request.dueOn   // '2026-12-04' (ESP-9: 3 business days)
 */
export async function submitRequest(deps: RequestsDeps, input: SubmitRequestInput, actor: string): Promise<RequestDetail> {
  const { operatorId, kind } = input
  if (!isSubjectRequestKind(kind)) throw new DerbesError('DERBES_VALIDATION', `'${String(kind)}' is not a request kind`, [{ pointer: '/body/kind', detail: 'unknown request kind' }])
  const now = deps.clock()
  const receivedAt = receivedAtOf(input, now)
  const policy = (await getPublishedVersion(deps, operatorId)).compiled
  checkIntakeChannel(policy, input.channel)
  const content = checkRequestContent(policy, kind, input.content)
  const requestedBy = checkRequestedBy(policy, kind, input)
  const subjectId = await resolveSubject(deps, input)
  if (input.representativeId) await checkRepresentative(deps, operatorId, input.representativeId)

  const verification: RequestVerification = {}
  const waitingFor: string[] = []
  const eds = await checkIdentityProofEds(deps, { operatorId, subjectId, now }, input.identityProof)
  if (eds) verification.eds = eds
  const proof = identityProofCheck(policy, input.channel, input.identityProof, requestedBy)
  if (proof.required.length > 0 || proof.given.length > 0) verification.identityProof = proof
  if (proof.missing.length > 0) waitingFor.push('identity_proof')
  if (input.representativeId) {
    // Authority at receipt makes the request valid; authority now lets the representative pursue it.
    const atReceipt = await checkAuthority(deps.db, operatorId, subjectId, input.representativeId, receivedAt)
    const authority = atReceipt.active ? atReceipt : await checkAuthority(deps.db, operatorId, subjectId, input.representativeId, now)
    verification.authority = { representativeId: input.representativeId, relation: authority.relation, active: authority.active, checkedAt: now.toISOString() }
    if (!authority.active) waitingFor.push('authority')
  }
  const due = dueDate(policy, kind, receivedAt, deps.calendar, deps.settings)
  const requestId = randomUUID()
  const sealedData: SealedRequestData = {
    ...(input.requester && Object.keys(input.requester).length > 0 ? { requester: input.requester } : {}),
    ...(input.subject?.identifier ? { identifier: input.subject.identifier } : {}),
    ...(input.identityProof ? { identityProof: input.identityProof } : {}),
    ...content.sealed,
  }

  await deps.db.transaction().execute(async (trx) => {
    // One intake at a time per operator, so references are consecutive and unique.
    await sql`select pg_advisory_xact_lock(hashtext(${`derbes.requests.${operatorId}`}))`.execute(trx)
    const reference = await nextReference(trx, operatorId, now)
    const seal = await sealRequestData(trx, deps.keys, operatorId, requestId, subjectId, sealedData)
    await trx
      .insertInto('requests')
      .values({
        operator_id: operatorId,
        request_id: requestId,
        reference,
        kind,
        subject_id: subjectId,
        representative_id: input.representativeId ?? null,
        channel: input.channel,
        received_at: receivedAt,
        due_at: due.dueAt,
        due_basis: JSON.stringify(due.basis),
        state: 'received',
        waiting_for: JSON.stringify(waitingFor),
        scope: JSON.stringify(content.scope),
        sealed: seal.sealed,
        sealed_key_id: seal.keyId,
        sealed_wrapped_key: seal.wrappedKey,
        scan_sha256: input.scanSha256?.toLowerCase() ?? null,
        postal_reference: input.postalReference ?? null,
        language: input.language ?? 'kk',
        refusal: JSON.stringify(null),
        requested_by: requestedBy,
        verification: JSON.stringify(verification),
        created_by: actor,
        updated_at: now,
      })
      .execute()
    await trx.insertInto('request_transitions').values({ operator_id: operatorId, request_id: requestId, from_state: null, to_state: 'received', at: now, actor, note: null }).execute()
    const facts = { requestId, reference, kind, channel: input.channel, receivedAt: receivedAt.toISOString(), dueOn: due.dueOn, dueRule: due.basis.rule }
    await appendAudit(trx, {
      operatorId,
      at: now,
      actor,
      action: 'request_received',
      subjectId,
      details: {
        ...facts,
        requestedBy,
        ...(input.representativeId ? { representativeId: input.representativeId } : {}),
        subjectHeld: subjectId !== null,
        identityProofGiven: proof.given,
        ...(eds ? edsAuditDetails(eds) : {}),
        waitingFor,
        ...(input.scanSha256 ? { scanSha256: input.scanSha256.toLowerCase() } : {}),
      },
    })
    await enqueueEvent(trx, { operatorId, type: 'request.received', subjectId, occurredAt: now, data: { ...facts, waitingFor } })
    await transitionRequest(trx, deps, { operatorId, requestId, to: 'verifying', actor, note: waitingFor.length > 0 ? `waiting for ${waitingFor.join(', ')}` : null })
    await advanceVerifiedRequest(trx, deps, policy, { operatorId, requestId, subjectId, kind, scope: content.scope, waitingFor }, actor)
  })
  return getRequest(deps, operatorId, requestId)
}
