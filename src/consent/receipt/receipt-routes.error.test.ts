import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { insertTestSubject, startEvidenceApp } from '../evidence/evidence-test-kit.ts'
import { insertConsentEvent, sampleRecord } from './receipt-test-kit.ts'

describe.each(TEST_DATABASES)('consent receipts refused on $name', (target) => {
  let kit: Awaited<ReturnType<typeof startEvidenceApp>>
  let read: Record<string, string>
  beforeAll(async () => {
    kit = await startEvidenceApp(target)
    read = await kit.bearer('esp', ['consents:read'])
  })
  afterAll(() => kit.close())

  const views = async () => (await kit.database.db.selectFrom('audit_entries').select('seq').where('action', '=', 'view').execute()).length

  it('answers 404 for an event the ledger does not hold, and audits nothing', async () => {
    const before = await views()
    for (const suffix of ['receipt', 'receipt.pdf']) {
      const response = await kit.app.inject({ method: 'GET', url: `/v1/operators/esp/consents/no-such-event/${suffix}`, headers: read })
      expect(response.statusCode).toBe(404)
      expect(response.json().code).toBe('DERBES_CONSENT_NOT_FOUND')
    }
    expect(await views()).toBe(before)
  })

  it('refuses a language other than kk, ru or en', async () => {
    await insertTestSubject(kit.database.db, kit.keys, 'esp', 'lang')
    const record = sampleRecord({ subject: { id: 'lang', kind: 'client' } })
    await insertConsentEvent(kit.database.db, record)
    const response = await kit.app.inject({ method: 'GET', url: `/v1/operators/esp/consents/${record.recordId}/receipt.pdf?lang=de`, headers: read })
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('DERBES_VALIDATION')
  })

  it('signs no receipt for a ledger row altered behind the append-only trigger', async () => {
    await insertTestSubject(kit.database.db, kit.keys, 'esp', 'altered')
    const record = sampleRecord({ subject: { id: 'altered', kind: 'client' } })
    await insertConsentEvent(kit.database.db, record)
    // An intruder with table-owner rights: switches the trigger off and widens the consent.
    await sql`alter table consent_events disable trigger consent_events_append_only`.execute(kit.database.db)
    await sql`update consent_events set record = jsonb_set(record, '{purposes}', '[{"id":"promotions","basis":"consent"}]') where event_id = ${record.recordId}`.execute(kit.database.db)
    await sql`alter table consent_events enable trigger consent_events_append_only`.execute(kit.database.db)
    const before = await views()
    const response = await kit.app.inject({ method: 'GET', url: `/v1/operators/esp/consents/${record.recordId}/receipt`, headers: read })
    expect(response.statusCode).toBe(409)
    expect(response.json().code).toBe('DERBES_CONSENT_RECORD_HASH_MISMATCH')
    expect(await views()).toBe(before)
  })

  it('refuses to verify what is not a signed receipt', async () => {
    const response = await kit.app.inject({ method: 'POST', url: '/v1/consent-receipts/verify', payload: { receipt: { schema: 'something-else' }, signature: 'x', keyId: 'k', algorithm: 'RSA' } })
    expect(response.statusCode).toBe(400)
  })
})
