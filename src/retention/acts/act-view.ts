import { DerbesError } from '../../errors/index.ts'
import { cursorOf, jsonOf, pageLimit, parseCursor } from '../page-cursor.ts'
import type { RetentionDeps } from '../retention-deps.ts'
import type { ActContent } from './act-content.ts'

/** A destruction act as the console sees it: its canonical content, hash and signature — subject ids only. */
export interface ActView {
  actId: string
  number: number
  runId: string
  createdAt: string
  contentHash: string
  signedBy: string | null
  signedAt: string | null
  /** Whether an EDS (CMS) signature over the act was attached and verified. */
  edsSigned: boolean
  /** What the EDS check established; null without an EDS. */
  eds: ActEdsSignature | null
  counts: ActContent['counts']
}

/**
 * An act's verified EDS (issue 5 §3): who the certificate names — its subject
 * DN, the IIN of a KZ NCA certificate (`serialNumber=IIN…`), a BIN — which
 * certificate and chain, when it was signed, and what (the canonical content,
 * or the content hash's text). The CMS itself is kept beside it.
 */
export interface ActEdsSignature {
  signedContent: 'canonical_content' | 'content_hash'
  attached: boolean
  digestAlgorithm: string
  signatureAlgorithm: string
  signedAt: string
  signingTimeSource: 'signed_attribute' | 'verification_time'
  verifiedAt: string
  subject: string
  iin?: string
  commonName?: string
  bin?: string
  certificate: { fingerprintSha256: string; serialNumber: string; issuer: string; notBefore: string; notAfter: string }
  chain: ({ subject: string } & ActEdsSignature['certificate'])[]
  revocation: 'not_checked'
}

export interface ActDetail extends ActView {
  content: ActContent
}

type ActRow = { act_id: string; run_id: string; created_at: Date; content: unknown; content_hash: string; signed_by: string | null; signed_at: Date | null; signature_cms: string | null; eds_signer: unknown }

const iso = (at: Date | string) => new Date(at).toISOString()

function viewOf(row: ActRow): ActDetail {
  const content = jsonOf<ActContent>(row.content)
  return {
    actId: row.act_id,
    number: content.number ?? 0,
    runId: row.run_id,
    createdAt: iso(row.created_at),
    contentHash: row.content_hash,
    signedBy: row.signed_by,
    signedAt: row.signed_at === null ? null : iso(row.signed_at),
    edsSigned: row.signature_cms !== null,
    eds: row.eds_signer === null || row.eds_signer === undefined ? null : jsonOf<ActEdsSignature>(row.eds_signer),
    counts: content.counts,
    content,
  }
}

/**
 * The operator's destruction acts, newest first, a page at a time; `signed`
 * picks the signed or the unsigned ones (what waits for the responsible person).
 *
 * @example
 * const { acts } = await listActs(deps, 'tw', { signed: false })
 */
export async function listActs(deps: Pick<RetentionDeps, 'db'>, operatorId: string, query: { signed?: boolean; limit?: number; after?: string } = {}): Promise<{ acts: ActView[]; next: string | null }> {
  const limit = pageLimit(query.limit)
  const cursor = parseCursor(query.after)
  let q = deps.db.selectFrom('retention_acts').selectAll().where('operator_id', '=', operatorId)
  if (query.signed === true) q = q.where('signed_at', 'is not', null)
  if (query.signed === false) q = q.where('signed_at', 'is', null)
  if (cursor) q = q.where((eb) => eb.or([eb('created_at', '<', cursor[0]), eb.and([eb('created_at', '=', cursor[0]), eb('act_id', '<', cursor[1])])]))
  const rows = await q.orderBy('created_at', 'desc').orderBy('act_id', 'desc').limit(limit + 1).execute()
  const acts = rows.slice(0, limit).map((r) => {
    const { content: _content, ...view } = viewOf(r)
    return view
  })
  const last = rows.length > limit ? rows[limit - 1] : undefined
  return { acts, next: last ? cursorOf(new Date(last.created_at), last.act_id) : null }
}

/** One act with its content; DERBES_RETENTION_ACT_NOT_FOUND for an unknown or another operator's. */
export async function getAct(deps: Pick<RetentionDeps, 'db'>, operatorId: string, actId: string): Promise<ActDetail> {
  const row = await deps.db.selectFrom('retention_acts').selectAll().where('operator_id', '=', operatorId).where('act_id', '=', actId).executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_RETENTION_ACT_NOT_FOUND', `operator '${operatorId}' has no destruction act '${actId}'`)
  return viewOf(row)
}
