import { parseAccessBasis, type Principal } from '../access/index.ts'
import { appendAudit } from '../audit/index.ts'
import { DerbesError } from '../errors/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { findRequestRow } from './get-request.ts'
import type { RequestsDeps } from './requests-deps.ts'
import { openRequestData, type SealedRequestData } from './seal-request.ts'

export interface ReadRequestContentInput {
  operatorId: string
  requestId: string
  /** The recorded ground of this access (TTC-7.2), one of the policy's `access.bases`. */
  basis?: string | undefined
  /** The memo, order, task or contract the basis rests on; required for all but job duties. */
  reference?: string | undefined
}

/** A request's sealed personal data, opened for staff handling it, with the basis it was opened on. */
export interface RequestContent {
  requestId: string
  reference: string
  kind: string
  subjectId: string | null
  basis: string
  basisReference: string | null
  /** What the request asked, kept in the clear: item ids, purposes, channels, the documents' SHA-256 hashes. */
  scope: Record<string, unknown>
  /** The requester's contacts, the identifier it was matched by, identity proof, new values, the request's own words — what was sealed. */
  content: SealedRequestData
}

/** The sealed parts, named in the audit entry (never their values). */
const PARTS = ['requester', 'identifier', 'identityProof', 'values', 'text'] as const

/**
 * Opens a request's sealed personal data for a principal with
 * `requests:manage` — the staff who handle requests need the new value of a
 * rectification, the complaint's text, the contacts to answer at, the
 * identity proof to check (ESP-9) — on a basis the policy allows, as for
 * reading a subject's vault (TTC-7.1/7.2; `parseAccessBasis`, `/querystring`
 * pointers). The `view` audit entry (basis, reference, the request, the parts
 * opened) is written in the transaction that opens the seal, before anything
 * is returned. `DERBES_REQUEST_NOT_FOUND` for another operator's or an
 * unknown request; `DERBES_SUBJECT_GONE` (410) once the subject was destroyed
 * and the request's data shredded with it.
 *
 * @example
 * const { content } = await readRequestContent(deps, { operatorId: 'tw', requestId, basis: 'job_duties' }, principal)
 * content.values // [{ itemId: 'position', value: 'CTO' }]
 */
export async function readRequestContent(deps: Pick<RequestsDeps, 'db' | 'clock' | 'keys'>, input: ReadRequestContentInput, principal: Principal): Promise<RequestContent> {
  if (principal.operatorId !== input.operatorId || !principal.permissions.has('requests:manage')) {
    throw new DerbesError('DERBES_FORBIDDEN', `reading a request's content of operator '${input.operatorId}' needs its permission 'requests:manage'`)
  }
  const policy = (await getPublishedVersion(deps, input.operatorId)).compiled
  const basis = parseAccessBasis({ basis: input.basis, reference: input.reference }, policy, '/querystring')
  const now = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const row = await findRequestRow(trx, input.operatorId, input.requestId)
    const content = await openRequestData(trx, deps.keys, row)
    await appendAudit(trx, {
      operatorId: input.operatorId,
      at: now,
      actor: principal.actor,
      action: 'view',
      subjectId: row.subject_id,
      basis: basis.basis,
      details: {
        document: 'request_content',
        requestId: row.request_id,
        reference: row.reference,
        parts: PARTS.filter((part) => content[part] !== undefined),
        ...(basis.reference ? { basisReference: basis.reference } : {}),
        ...(principal.roleId ? { roleId: principal.roleId } : {}),
      },
    })
    return {
      requestId: row.request_id,
      reference: row.reference,
      kind: row.kind,
      subjectId: row.subject_id,
      basis: basis.basis,
      basisReference: basis.reference ?? null,
      scope: row.scope,
      content,
    }
  })
}
