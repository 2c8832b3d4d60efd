import { DerbesError, type FieldProblem } from '../errors/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import type { SubjectRequestKind } from './request-kinds.ts'
import type { SealedRequestData } from './seal-request.ts'

/** A supporting document of a correction: the SHA-256 of its scan (TW-9.3, art. 24(1)(2) "backed by documents"). */
export interface SupportingDocument {
  sha256: string
  /** What the document is ("ID card", "marriage certificate"); no personal data. */
  description?: string | undefined
}

/** What a request asks for, by kind; everything personal in it is sealed. */
export interface RequestContentInput {
  /**
   * The data items concerned. For rectify and supplement each carries its
   * new value and the documents that back it (TW-9.3); for block, destroy,
   * anonymise, stop-processing and the rest only the item ids (all when absent).
   */
  items?: { itemId: string; value?: string | undefined; documents?: SupportingDocument[] | undefined }[] | undefined
  /** Withdrawal or objection per purpose (TTC-9.4); the whole form when absent. */
  purposes?: string[] | undefined
  /** Marketing per channel: purpose → channels (TTC-9.4 "marketing by SMS"). */
  channels?: Record<string, string[]> | undefined
  /** The consent form a withdrawal is of. */
  formId?: string | undefined
  /** The request's own words: a complaint (KZK-7.1), what processing is unlawful (TW-9.6). Sealed. */
  text?: string | undefined
}

export interface CheckedContent {
  /** Ids, purposes, channels and document hashes: no personal data, stored in the clear (`requests.scope`). */
  scope: Record<string, unknown>
  /** The values and text, for the seal. */
  sealed: Pick<SealedRequestData, 'values' | 'text'>
}

const CORRECTIONS: readonly SubjectRequestKind[] = ['rectify', 'supplement']
const CONSENT_KINDS: readonly SubjectRequestKind[] = ['withdraw_consent', 'marketing_opt_out']

/**
 * Checks a request's content against its kind and the operator's published
 * policy and splits it into what may be stored in the clear and what is
 * sealed. Rectify and supplement name items the policy lists, each with its
 * new value and at least one supporting document (TW-9.3, art. 24(1)(2));
 * a withdrawal names a form, purposes and marketing channels the policy has
 * (whole or per purpose, TTC-9.4); a complaint has its text (KZK-7.1).
 * Missing fields are `DERBES_VALIDATION` (400), ids the policy does not know
 * `DERBES_REQUEST_CONTENT_INVALID` (422) — each with its pointer.
 *
 * @example
 * checkRequestContent(tw, 'rectify', { items: [{ itemId: 'position', value: 'CTO', documents: [{ sha256 }] }] })
 * // { scope: { items: ['position'], documents: { position: [sha256] } }, sealed: { values: [{ itemId: 'position', value: 'CTO' }] } }
 */
export function checkRequestContent(policy: CompiledPolicy, kind: SubjectRequestKind, content: RequestContentInput = {}, base = '/body/content'): CheckedContent {
  const missing: FieldProblem[] = []
  const unknown: FieldProblem[] = []
  const scope: Record<string, unknown> = {}
  const sealed: CheckedContent['sealed'] = {}
  const correction = CORRECTIONS.includes(kind)

  if (content.items !== undefined) {
    const itemIds: string[] = []
    const documents: Record<string, string[]> = {}
    const values: { itemId: string; value: string }[] = []
    content.items.forEach((item, i) => {
      const at = `${base}/items/${i}`
      if (!policy.items.has(item.itemId)) unknown.push({ pointer: `${at}/itemId`, detail: `'${item.itemId}' is not a data item of the policy` })
      if (itemIds.includes(item.itemId)) missing.push({ pointer: `${at}/itemId`, detail: 'named twice' })
      itemIds.push(item.itemId)
      if (correction) {
        if (item.value === undefined || item.value.trim() === '') missing.push({ pointer: `${at}/value`, detail: `the new value is required to ${kind}` })
        else values.push({ itemId: item.itemId, value: item.value })
        if (!item.documents || item.documents.length === 0) missing.push({ pointer: `${at}/documents`, detail: 'a correction is backed by at least one document (TW-9.3, art. 24(1)(2))' })
        else documents[item.itemId] = item.documents.map((d) => d.sha256.toLowerCase())
      } else if (item.value !== undefined) {
        missing.push({ pointer: `${at}/value`, detail: `only a rectify or supplement request carries new values, not ${kind}` })
      }
    })
    scope.items = itemIds
    if (Object.keys(documents).length > 0) scope.documents = documents
    if (values.length > 0) sealed.values = values
  } else if (correction) {
    missing.push({ pointer: `${base}/items`, detail: `name the items to ${kind}, with their new values and documents` })
  }

  const form = content.formId === undefined ? undefined : policy.consentForms.get(content.formId)
  if (content.formId !== undefined) {
    if (!CONSENT_KINDS.includes(kind)) missing.push({ pointer: `${base}/formId`, detail: `only a withdrawal names a consent form, not ${kind}` })
    else if (!form) unknown.push({ pointer: `${base}/formId`, detail: `'${content.formId}' is not a consent form of the policy` })
    else scope.formId = form.id
  }
  if (content.purposes !== undefined) {
    content.purposes.forEach((purposeId, i) => {
      if (!policy.purposes.has(purposeId)) unknown.push({ pointer: `${base}/purposes/${i}`, detail: `'${purposeId}' is not a purpose of the policy` })
      else if (form && !form.purposes.includes(purposeId)) unknown.push({ pointer: `${base}/purposes/${i}`, detail: `form '${form.id}' does not cover '${purposeId}'` })
    })
    scope.purposes = [...content.purposes]
  }
  if (content.channels !== undefined) {
    for (const [purposeId, channels] of Object.entries(content.channels)) {
      const purpose = policy.purposes.get(purposeId)
      if (!purpose) {
        unknown.push({ pointer: `${base}/channels/${purposeId}`, detail: `'${purposeId}' is not a purpose of the policy` })
        continue
      }
      channels.forEach((channel, i) => {
        if (!(purpose.channels ?? []).includes(channel as never)) {
          unknown.push({ pointer: `${base}/channels/${purposeId}/${i}`, detail: `purpose '${purposeId}' does not use channel '${channel}' (${(purpose.channels ?? []).join(', ') || 'none'})` })
        }
      })
    }
    scope.channels = content.channels
  }
  if (CONSENT_KINDS.includes(kind)) scope.whole = content.purposes === undefined && content.channels === undefined

  if (content.text !== undefined && content.text.trim() !== '') sealed.text = content.text
  else if (kind === 'complaint') missing.push({ pointer: `${base}/text`, detail: 'a complaint states what it is about (KZK-7.1)' })

  if (missing.length > 0) throw new DerbesError('DERBES_VALIDATION', `the ${kind} request is incomplete`, missing)
  if (unknown.length > 0) throw new DerbesError('DERBES_REQUEST_CONTENT_INVALID', `the ${kind} request names what the policy does not have`, unknown)
  return { scope, sealed }
}
