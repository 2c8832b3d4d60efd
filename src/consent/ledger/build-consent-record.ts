import { sha256Hex, type CompiledPolicy, type ConsentForm, type ConsentMethod } from '../../policy/index.ts'
import type { ConsentRecord } from '../consent-record.ts'
import type { ConsentEventKind } from '../consent-tables.ts'
import { canonicalRecordJson } from './canonical-record-json.ts'
import type { ConsentScope } from './consent-scope.ts'
import { operatorOf } from './published-form.ts'

export type Language = 'kk' | 'ru' | 'en'

export interface ConsentRecordParts {
  eventId: string
  kind: ConsentEventKind
  policy: CompiledPolicy
  form: ConsentForm
  language: Language
  textHash: string
  subject: { id: string; kind: string }
  givenBy: ConsentRecord['givenBy']
  scope: ConsentScope
  expiresAt: Date | null
  method: ConsentMethod | null
  evidence: Record<string, unknown>
  recordedAt: Date
  effectiveAt: Date
  recordedBy: string
  sealed: string | null
  withdrawal?: ConsentRecord['withdrawal']
  previousEventIds?: readonly string[]
}

/**
 * The ledger record of one consent event (ISO/IEC TS 27560 fields, art. 8(4)
 * of Law 94-V): who and which operator, the exact form text (id, version,
 * policy version, language, SHA-256), purposes with their legal basis,
 * categories and items, channels, recipients and countries, publication, the
 * term, the method and its evidence. Pure: the same parts give the same record.
 *
 * @example
 * const record = buildConsentRecord({ eventId, kind: 'given', policy, form, language: 'kk', textHash, … })
 * const hash = consentRecordHash(record)
 */
export function buildConsentRecord(parts: ConsentRecordParts): ConsentRecord {
  const { scope, form, policy } = parts
  const channels = [...new Set(Object.values(scope.channelsByPurpose).flat())].sort()
  const previous = parts.previousEventIds ?? []
  return {
    schema: 'derbes.consent-record.v1',
    recordId: parts.eventId,
    kind: parts.kind,
    operator: operatorOf(policy),
    subject: parts.subject,
    givenBy: parts.givenBy,
    form: { id: form.id, version: form.version, policyVersionId: policy.versionId, language: parts.language, textHash: parts.textHash },
    purposes: scope.purposes,
    categories: scope.categories,
    items: scope.items,
    channels,
    ...(channels.length > 0 ? { channelsByPurpose: scope.channelsByPurpose } : {}),
    recipients: scope.recipients,
    thirdPartyTransfer: form.thirdPartyTransfer ?? scope.recipients.some((r) => r.role !== 'processor'),
    crossBorder: { allowed: form.crossBorder?.allowed === true, countries: scope.countries },
    publication: form.publication ?? scope.purposes.some((p) => policy.purposes.get(p.id)?.publication === true),
    term: form.term ?? null,
    expiresAt: parts.expiresAt?.toISOString() ?? null,
    method: parts.method,
    evidence: parts.evidence,
    ...(parts.withdrawal ? { withdrawal: parts.withdrawal } : {}),
    ...(previous.length > 0 ? { previousEventId: previous[0] } : {}),
    ...(previous.length > 1 ? { previousEventIds: [...previous] } : {}),
    recordedAt: parts.recordedAt.toISOString(),
    effectiveAt: parts.effectiveAt.toISOString(),
    recordedBy: parts.recordedBy,
    sealed: parts.sealed,
  }
}

/** A record serialised once: its canonical JSON (stored as is) and `record_hash`, SHA-256 of that text. */
export interface SerializedRecord {
  json: string
  hash: string
}

/**
 * The record's canonical JSON and its SHA-256 — `sha256Hex(canonicalJson(record))`,
 * chained into the audit log — computed in one pass.
 */
export function serializeConsentRecord(record: ConsentRecord): SerializedRecord {
  const json = canonicalRecordJson(record)
  return { json, hash: sha256Hex(json) }
}

/** `record_hash`: SHA-256 of the record's canonical JSON, also chained into the audit log. */
export function consentRecordHash(record: ConsentRecord): string {
  return serializeConsentRecord(record).hash
}
