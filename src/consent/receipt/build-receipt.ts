import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import type { AppDeps } from '../../http/app-deps.ts'
import { getVersion } from '../../operators/index.ts'
import { canonicalJson, sha256Hex, type CompiledPolicy } from '../../policy/index.ts'
import type { ConsentRecord } from '../consent-record.ts'
import { RECEIPT_SCHEMA, type ConsentReceipt, type SignedConsentReceipt } from './consent-receipt.ts'
import { receiptLabels } from './receipt-labels.ts'
import { receiptPayload } from './verify-receipt.ts'

export type ReceiptDeps = Pick<AppDeps, 'clock' | 'signer'> & { db: Kysely<Database> | Transaction<Database> }

async function policyOf(deps: ReceiptDeps, operatorId: string, versionId: string): Promise<CompiledPolicy | undefined> {
  try {
    return (await getVersion({ db: deps.db, clock: deps.clock }, operatorId, versionId)).compiled
  } catch (error) {
    if (error instanceof DerbesError && error.code === 'DERBES_POLICY_VERSION_NOT_FOUND') return undefined
    throw error
  }
}

/**
 * The signed receipt of one consent event: the ledger's record without its
 * sealed personal data, the record hash (checked against the stored record
 * first — an altered row gets no receipt), the audit entry chaining it, the
 * policy's names of what it refers to, and the issue time; signed with the
 * installation's Ed25519 key (`deps.signer`) over `canonicalJson(receipt)`.
 *
 * @example
 * const signed = await buildReceipt(deps, 'esp', eventId)
 * await verifyReceipt(signed, deps.signer) // true
 */
export async function buildReceipt(deps: ReceiptDeps, operatorId: string, eventId: string): Promise<SignedConsentReceipt> {
  const row = await deps.db
    .selectFrom('consent_events')
    .select(['record', 'record_hash', 'subject_id'])
    .where('operator_id', '=', operatorId)
    .where('event_id', '=', eventId)
    .executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_CONSENT_NOT_FOUND', `operator '${operatorId}' has no consent event '${eventId}'`)
  const stored = row.record as unknown as ConsentRecord
  if (sha256Hex(canonicalJson(stored)) !== row.record_hash) {
    throw new DerbesError('DERBES_CONSENT_RECORD_HASH_MISMATCH', `consent event '${eventId}' no longer matches its record hash`)
  }
  const { sealed, ...record } = stored
  const audit = await deps.db
    .selectFrom('audit_entries')
    .select(['seq', 'hash'])
    .where('operator_id', '=', operatorId)
    .where('subject_id', row.subject_id === null ? 'is' : '=', row.subject_id)
    .where(sql<string>`details->>'eventId'`, '=', eventId)
    .where(sql<string>`details->>'recordHash'`, '=', row.record_hash)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst()
  const receipt: ConsentReceipt = {
    schema: RECEIPT_SCHEMA,
    operatorId,
    eventId,
    record,
    recordHash: row.record_hash,
    sealedEvidence: sealed !== null && sealed !== undefined,
    auditEntry: audit ? { seq: Number(audit.seq), hash: audit.hash } : null,
    labels: receiptLabels(await policyOf(deps, operatorId, record.form.policyVersionId), record),
    issuedAt: deps.clock().toISOString(),
  }
  // Through JSON once, so what is signed is exactly what a client parses back.
  const signedReceipt = JSON.parse(JSON.stringify(receipt)) as ConsentReceipt
  return { receipt: signedReceipt, signature: await deps.signer.sign(receiptPayload(signedReceipt)), keyId: deps.signer.keyId, algorithm: 'Ed25519' }
}
