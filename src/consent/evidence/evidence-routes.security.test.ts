import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { insertTestSubject, startEvidenceApp } from './evidence-test-kit.ts'

describe.each(TEST_DATABASES)('SMS challenge route access on $name', (target) => {
  let kit: Awaited<ReturnType<typeof startEvidenceApp>>
  beforeAll(async () => {
    kit = await startEvidenceApp(target)
    await insertTestSubject(kit.database.db, kit.keys, 'esp', 'client-1', { phone: '+77011234567' })
  })
  afterAll(() => kit.close())

  const send = (headers: Record<string, string>) =>
    kit.app.inject({ method: 'POST', url: '/v1/operators/esp/subjects/client-1/sms-challenges', headers, payload: { phone: '+77011234567', formId: 'app-1', language: 'kk' } })
  const sentCount = async () => (await kit.database.db.selectFrom('sms_outbox').select('message_id').execute()).length

  it.each([
    ['no credentials', async () => ({}), 401, 'DERBES_UNAUTHENTICATED'],
    ['a malformed token', async () => ({ authorization: 'Bearer dk.esp.nope' }), 401, 'DERBES_UNAUTHENTICATED'],
    ['another operator’s key, even with consents:write (tenant isolation)', () => kit.bearer('kzk', ['consents:write']), 403, 'DERBES_FORBIDDEN'],
    ['a key that may only read consents', () => kit.bearer('esp', ['consents:read']), 403, 'DERBES_FORBIDDEN'],
    ['a key for decisions only', () => kit.bearer('esp', ['decisions']), 403, 'DERBES_FORBIDDEN'],
  ])('refuses %s and sends nothing', async (_name, headers, status, code) => {
    const response = await send(await headers())
    expect(response.statusCode).toBe(status)
    expect(response.json().code).toBe(code)
    expect(await sentCount()).toBe(0)
  })

  it('authorises before it validates: an outsider with a malformed body gets 401/403, not a validation error', async () => {
    const bad = { phone: 42, formId: '', language: 'de', extra: true }
    const url = '/v1/operators/esp/subjects/client-1/sms-challenges'
    expect((await kit.app.inject({ method: 'POST', url, payload: bad })).statusCode).toBe(401)
    expect((await kit.app.inject({ method: 'POST', url, payload: bad, headers: await kit.bearer('kzk', ['consents:write']) })).statusCode).toBe(403)
  })

  it('sends with the operator’s own consents:write key', async () => {
    expect((await send(await kit.bearer('esp', ['consents:write']))).statusCode).toBe(201)
    expect(await sentCount()).toBe(1)
  })

  it('does not reach another operator’s subject through its own operator id', async () => {
    // The subject exists under esp; kzk's key on kzk's path finds no such subject there.
    const response = await kit.app.inject({
      method: 'POST',
      url: '/v1/operators/kzk/subjects/client-1/sms-challenges',
      headers: await kit.bearer('kzk', ['consents:write']),
      payload: { phone: '+77011234567', formId: 'registration', language: 'kk' },
    })
    expect(response.json().code).toBe('DERBES_SUBJECT_NOT_FOUND')
  })
})
