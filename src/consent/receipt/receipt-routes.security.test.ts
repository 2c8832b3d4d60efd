import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { insertTestSubject, startEvidenceApp } from '../evidence/evidence-test-kit.ts'
import { insertConsentEvent, sampleRecord } from './receipt-test-kit.ts'

describe.each(TEST_DATABASES)('consent receipt access on $name', (target) => {
  let kit: Awaited<ReturnType<typeof startEvidenceApp>>
  const record = sampleRecord({ subject: { id: 'guarded', kind: 'client' } })
  beforeAll(async () => {
    kit = await startEvidenceApp(target)
    await insertTestSubject(kit.database.db, kit.keys, 'esp', 'guarded')
    await insertConsentEvent(kit.database.db, record)
  })
  afterAll(() => kit.close())

  const views = async () => (await kit.database.db.selectFrom('audit_entries').select('seq').where('action', '=', 'view').execute()).length

  describe.each(['receipt', 'receipt.pdf'])('GET …/consents/:eventId/%s', (suffix) => {
    it.each([
      ['no credentials', async () => ({}), 401, 'DERBES_UNAUTHENTICATED'],
      ['another operator’s key with consents:read (tenant isolation)', () => kit.bearer('kzk', ['consents:read']), 403, 'DERBES_FORBIDDEN'],
      ['a key that may write consents but not read them', () => kit.bearer('esp', ['consents:write']), 403, 'DERBES_FORBIDDEN'],
      ['a key for the audit log only', () => kit.bearer('esp', ['audit:read']), 403, 'DERBES_FORBIDDEN'],
    ])('refuses %s', async (_name, headers, status, code) => {
      const before = await views()
      const response = await kit.app.inject({ method: 'GET', url: `/v1/operators/esp/consents/${record.recordId}/${suffix}`, headers: await headers() })
      expect(response.statusCode).toBe(status)
      expect(response.json().code).toBe(code)
      expect(await views()).toBe(before)
    })

    it('does not find one operator’s consent through another operator’s path and key', async () => {
      const response = await kit.app.inject({ method: 'GET', url: `/v1/operators/kzk/consents/${record.recordId}/${suffix}`, headers: await kit.bearer('kzk', ['consents:read']) })
      expect(response.statusCode).toBe(404)
      expect(response.json().code).toBe('DERBES_CONSENT_NOT_FOUND')
    })

    it('serves the operator’s own consents:read key', async () => {
      expect((await kit.app.inject({ method: 'GET', url: `/v1/operators/esp/consents/${record.recordId}/${suffix}`, headers: await kit.bearer('esp', ['consents:read']) })).statusCode).toBe(200)
    })
  })

  it('authorises before it validates the language: an outsider gets 401, not 400', async () => {
    const response = await kit.app.inject({ method: 'GET', url: `/v1/operators/esp/consents/${record.recordId}/receipt.pdf?lang=xx` })
    expect(response.statusCode).toBe(401)
  })

  it('publishes the signing key and checks receipts without credentials: they hold no more than the receipt itself', async () => {
    const key = await kit.app.inject({ method: 'GET', url: '/v1/consent-receipts/signing-key' })
    expect(key.statusCode).toBe(200)
    expect(key.json().publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/)
    expect(key.json()).not.toHaveProperty('privateKeyPem')
  })
})
