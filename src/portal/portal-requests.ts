import { DerbesError } from '../errors/index.ts'
import type { Language } from '../policy/index.ts'
import { REQUEST_KIND_LABELS, type Localized } from '../policy/render/index.ts'
import {
  getRequest, listRequests, REQUEST_STATE_TEXTS, submitRequest, WAITING_FOR_TEXTS,
  type RequestContentInput, type RequestDetail, type RequestState, type RequestView, type SubjectRequestKind,
} from '../requests/index.ts'
import { actableSubjects, actingFor } from './acting-for.ts'
import type { PortalDeps } from './portal-deps.ts'
import type { SubjectSession } from './subject-sessions.ts'

/** A request as its subject (or representative) sees it in the portal: state, deadline, what it waits for — nothing staff-internal. */
export interface PortalRequestView {
  requestId: string
  reference: string
  kind: SubjectRequestKind
  kindText: Localized
  state: RequestState
  stateText: Localized
  subjectId: string
  /** Set when a representative submitted it for the subject. */
  representativeId: string | null
  channel: string
  language: Language
  receivedAt: string
  dueOn: string
  overdue: boolean
  businessDaysLeft: number | null
  waitingFor: { code: string; text: Localized }[]
  refusal: { ground: string; clauses: string[]; detail?: string } | null
  answeredAt: string | null
}

export interface PortalRequestDetail extends PortalRequestView {
  /** The states it went through and when — without who moved it or the staff's notes. */
  history: { state: RequestState; stateText: Localized; at: string }[]
}

/** What the subject may put in a portal request; the identity proof is the session itself (`portal_login`). */
export interface PortalRequestInput {
  kind: SubjectRequestKind
  language?: Language | undefined
  /** A subject the signed-in subject represents (a parent for a child, KZK-1.13). */
  onBehalfOf?: string | undefined
  content?: RequestContentInput | undefined
  /** ID document details, where the policy demands them besides the signature (ESP-9); sealed. */
  idDocument?: { number?: string | undefined; issueDate?: string | undefined; issuer?: string | undefined } | undefined
}

function toPortalView(view: RequestView & { subjectId: string }): PortalRequestView {
  return {
    requestId: view.requestId,
    reference: view.reference,
    kind: view.kind,
    kindText: REQUEST_KIND_LABELS[view.kind],
    state: view.state,
    stateText: REQUEST_STATE_TEXTS[view.state],
    subjectId: view.subjectId,
    representativeId: view.representativeId,
    channel: view.channel,
    language: view.language,
    receivedAt: view.receivedAt,
    dueOn: view.dueOn,
    overdue: view.overdue,
    businessDaysLeft: view.businessDaysLeft,
    waitingFor: view.waitingFor.map((code) => ({ code, text: WAITING_FOR_TEXTS[code as keyof typeof WAITING_FOR_TEXTS] ?? { kk: code, ru: code, en: code } })),
    refusal: view.refusal,
    answeredAt: view.answeredAt,
  }
}

function toPortalDetail(detail: RequestDetail & { subjectId: string }): PortalRequestDetail {
  return {
    ...toPortalView(detail),
    history: detail.history.map((h) => ({ state: h.to, stateText: REQUEST_STATE_TEXTS[h.to], at: h.at })),
  }
}

/**
 * Submits a data subject request from the portal (issue 4 item 2): channel
 * `portal`, the signed-in session as its signature (`portal_login`), for the
 * subject itself or — `onBehalfOf` — for a subject it represents now, as
 * that subject's representative (KZK-1.13). Everything else — deadlines,
 * identity proof the policy demands besides (ESP-9), the audit entry — is
 * `submitRequest`'s, in its transaction. The request shows in the staff list
 * with channel `portal`.
 *
 * @example
 * const request = await submitPortalRequest(deps, session, { kind: 'access', language: 'kk' })
 */
export async function submitPortalRequest(deps: PortalDeps, session: SubjectSession, input: PortalRequestInput): Promise<PortalRequestDetail> {
  const target = await actingFor(deps, session, input.onBehalfOf, '/body/onBehalfOf')
  const doc = input.idDocument
  const created = await submitRequest(
    deps,
    {
      operatorId: session.operatorId,
      kind: input.kind,
      channel: 'portal',
      language: input.language ?? session.language,
      subject: { subjectId: target.subjectId },
      ...(target.representative ? { representativeId: target.representative.representativeId } : {}),
      identityProof: {
        ...(doc?.number ? { idDocumentNumber: doc.number } : {}),
        ...(doc?.issueDate ? { idDocumentIssueDate: doc.issueDate } : {}),
        ...(doc?.issuer ? { idDocumentIssuer: doc.issuer } : {}),
        signature: { kind: 'portal_login', reference: session.sessionId },
      },
      ...(input.content ? { content: input.content } : {}),
    },
    session.actor,
  )
  return toPortalDetail({ ...created, subjectId: target.subjectId })
}

/**
 * The requests of the signed-in subject and of the subjects it represents
 * now (or of one of them, `onBehalfOf`), newest first. Another subject's
 * requests are never listed.
 *
 * @example
 * const mine = await listPortalRequests(deps, session)
 */
export async function listPortalRequests(deps: PortalDeps, session: SubjectSession, onBehalfOf?: string): Promise<PortalRequestView[]> {
  const subjects = onBehalfOf === undefined ? await actableSubjects(deps, session) : [await actingFor(deps, session, onBehalfOf)]
  const items: PortalRequestView[] = []
  for (const { subjectId } of subjects) {
    const { items: rows } = await listRequests(deps, session.operatorId, { subjectId, limit: 500 })
    for (const row of rows) items.push(toPortalView({ ...row, subjectId }))
  }
  return items.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.reference.localeCompare(a.reference))
}

/**
 * One request of the signed-in subject, or of a subject it represents now.
 * Any other request — another subject's, another operator's, none at all —
 * is `DERBES_REQUEST_NOT_FOUND`, so request ids cannot be probed.
 *
 * @example
 * const request = await getPortalRequest(deps, session, requestId)
 */
export async function getPortalRequest(deps: PortalDeps, session: SubjectSession, requestId: string): Promise<PortalRequestDetail> {
  const { detail } = await findOwnRequest(deps, session, requestId)
  return toPortalDetail(detail)
}

/** A request the session may see, with the subject it is of; 404 otherwise. */
export async function findOwnRequest(deps: PortalDeps, session: SubjectSession, requestId: string): Promise<{ detail: RequestDetail & { subjectId: string } }> {
  const notFound = () => new DerbesError('DERBES_REQUEST_NOT_FOUND', `you have no request '${requestId}'`)
  let detail: RequestDetail
  try {
    detail = await getRequest(deps, session.operatorId, requestId)
  } catch (error) {
    if (error instanceof DerbesError && error.code === 'DERBES_REQUEST_NOT_FOUND') throw notFound()
    throw error
  }
  const subjectId = detail.subjectId
  if (subjectId === null) throw notFound()
  const visible = await actableSubjects(deps, session)
  if (!visible.some((s) => s.subjectId === subjectId)) throw notFound()
  return { detail: { ...detail, subjectId } }
}
