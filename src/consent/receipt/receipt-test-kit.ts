import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { appendAudit } from '../../audit/index.ts'
import type { Database } from '../../db/index.ts'
import type { ConsentRecord } from '../consent-record.ts'
import { consentEventRow } from '../ledger/append-consent-event.ts'
import { serializeConsentRecord } from '../ledger/build-consent-record.ts'

/** FOR TESTS. A consent record of the ledger's shape (src/consent/consent-record.ts), ESP App.1 by SMS code unless overridden. */
export function sampleRecord(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  const eventId = overrides.recordId ?? randomUUID()
  return {
    schema: 'derbes.consent-record.v1',
    recordId: eventId,
    kind: 'given',
    operator: { id: 'esp', bin: '220240037922', name: { kk: '«ЭСПЕРАНС-РК» ЖШС', ru: 'ТОО «ЭСПЕРАНС-РК»', en: 'ESPERANCE-RK LLP' } },
    subject: { id: 'client-1', kind: 'client' },
    givenBy: { kind: 'subject' },
    form: { id: 'app-1', version: 1, policyVersionId: '2025-1', language: 'kk', textHash: 'c'.repeat(64) },
    purposes: [{ id: 'loyalty', basis: 'consent' }, { id: 'advertising', basis: 'consent' }],
    categories: ['identification', 'contact'],
    items: ['full-name', 'phone'],
    channels: ['sms'],
    recipients: [{ id: 'hosting-providers', role: 'processor', country: 'KZ' }, { id: 'third-parties-ru', role: 'partner', country: 'RU' }],
    thirdPartyTransfer: true,
    crossBorder: { allowed: true, countries: ['RU'] },
    publication: false,
    term: { until: 'withdrawn' },
    expiresAt: null,
    method: 'sms_code',
    evidence: { method: 'sms_code', textHash: 'c'.repeat(64), challengeId: 'ch-1', confirmedAt: '2026-12-02T05:00:00.000Z', checkedBy: 'derbes', phoneMatchedIdentifier: true },
    recordedAt: '2026-12-02T05:00:00.000Z',
    effectiveAt: '2026-12-02T05:00:00.000Z',
    recordedBy: 'api_key:tablet',
    sealed: 'v1.bm9uY2U.c2VhbGVkLXBob25l',
    ...overrides,
  }
}

/** FOR TESTS. Appends a record as the ledger does — the append-only row with its hash, and the audit entry chaining that hash. */
export async function insertConsentEvent(db: Kysely<Database>, record: ConsentRecord, options: { audit?: boolean } = {}): Promise<string> {
  const serialized = serializeConsentRecord(record)
  const recordHash = serialized.hash
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('consent_events').values(consentEventRow(record.operator.id, record, serialized)).execute()
    if (options.audit !== false) {
      await appendAudit(trx, { operatorId: record.operator.id, at: new Date(record.recordedAt), actor: record.recordedBy, action: 'consent_given', subjectId: record.subject.id, details: { eventId: record.recordId, recordHash } })
    }
  })
  return recordHash
}
