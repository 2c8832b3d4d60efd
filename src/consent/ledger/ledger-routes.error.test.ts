import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { auditOf, bearer, insertSubject, openLedgerFixture, type LedgerFixture } from './ledger-test-support.ts'

// Bad input gets problem details naming the field, and changes nothing (DESIGN "Quality bars").
describe.each(TEST_DATABASES)('consent ledger routes: bad input on $name', (target) => {
  let fx: LedgerFixture
  let auth: { authorization: string }
  beforeAll(async () => {
    fx = await openLedgerFixture(target)
    auth = await bearer(fx.deps, 'esp', ['consents:write', 'consents:read'])
  })
  afterAll(() => fx.close())

  const give = (subjectId: string, payload: Record<string, unknown>) =>
    fx.app.inject({ method: 'POST', url: `/v1/operators/esp/subjects/${subjectId}/consents`, headers: auth, payload })
  const ok = { formId: 'marketing-messages', language: 'kk', evidence: { method: 'checkbox' } }
  const nothingWritten = async (subjectId: string) => {
    expect(await fx.database.db.selectFrom('consent_events').select('event_id').where('subject_id', '=', subjectId).execute()).toEqual([])
    expect(await fx.database.db.selectFrom('consent_state').select('purpose_id').where('subject_id', '=', subjectId).execute()).toEqual([])
    expect(await auditOf(fx.deps, 'esp', subjectId)).toEqual([])
  }

  it('400 for malformed bodies, naming each field', async () => {
    const subjectId = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ok, colour: 'red' }, '/body/colour'],
      [{ formId: 'marketing-messages', language: 'kk' }, '/body/evidence'],
      [{ ...ok, language: 'de' }, '/body/language'],
      [{ ...ok, evidence: { method: 'telepathy' } }, '/body/evidence/method'],
      [{ ...ok, formVersion: 0 }, '/body/formVersion'],
      [{ ...ok, channels: { advertising: ['pigeon'] } }, '/body/channels/advertising/0'],
    ]
    for (const [payload, pointer] of cases) {
      const res = await give(subjectId, payload)
      expect(res.statusCode, JSON.stringify(payload)).toBe(400)
      expect(res.json().code).toBe('DERBES_VALIDATION')
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer)
    }
    await nothingWritten(subjectId)
  })

  it('422 for what the published form does not allow, naming the field', async () => {
    const subjectId = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...ok, formId: 'no-such-form' }, 'DERBES_CONSENT_FORM_NOT_FOUND', '/body/formId'],
      [{ ...ok, purposes: ['loyalty'] }, 'DERBES_CONSENT_SCOPE_INVALID', '/body/purposes/0'],
      [{ ...ok, countries: ['RU'] }, 'DERBES_CONSENT_SCOPE_INVALID', '/body/countries'],
      [{ ...ok, evidence: { method: 'checkbox', pageUrl: 'ftp://x' } }, 'DERBES_CONSENT_EVIDENCE_INVALID', '/body/evidence/pageUrl'],
    ]
    for (const [payload, code, pointer] of cases) {
      const res = await give(subjectId, payload)
      expect(res.statusCode, JSON.stringify(payload)).toBe(422)
      expect(res.json().code).toBe(code)
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer)
    }
    // The attorney kind is not one the form is for.
    const attorney = await insertSubject(fx.deps, 'esp', { kind: 'attorney' })
    expect((await give(attorney, ok)).json()).toMatchObject({ code: 'DERBES_CONSENT_SCOPE_INVALID', errors: [{ pointer: '/body/formId' }] })
    await nothingWritten(subjectId)
  })

  it('409 for a form version or text that is not the one published now (TTC-1.8)', async () => {
    const subjectId = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    const version = await give(subjectId, { ...ok, formVersion: 2 })
    expect(version.statusCode).toBe(409)
    expect(version.json()).toMatchObject({ code: 'DERBES_CONSENT_FORM_OUTDATED', errors: [{ pointer: '/body/formVersion' }] })
    const text = await give(subjectId, { ...ok, textHash: '0'.repeat(64) })
    expect(text.json()).toMatchObject({ code: 'DERBES_CONSENT_FORM_OUTDATED', errors: [{ pointer: '/body/textHash' }] })
    await nothingWritten(subjectId)
  })

  it('404 for an unknown subject or event; 409 and 410 for a blocked, destroyed or anonymised one', async () => {
    expect((await give('no-such-subject', ok)).json().code).toBe('DERBES_SUBJECT_NOT_FOUND')
    const event = await fx.app.inject({ method: 'GET', url: '/v1/operators/esp/consents/no-such-event', headers: auth })
    expect(event.statusCode).toBe(404)
    expect(event.json().code).toBe('DERBES_CONSENT_NOT_FOUND')
    const blocked = await insertSubject(fx.deps, 'esp', { kind: 'client', status: 'blocked' })
    expect((await give(blocked, ok)).statusCode).toBe(409)
    for (const status of ['destroyed', 'anonymised'] as const) {
      const gone = await insertSubject(fx.deps, 'esp', { kind: 'client', status })
      const res = await give(gone, ok)
      expect(res.statusCode).toBe(410)
      expect(res.json().code).toBe('DERBES_SUBJECT_GONE')
      await nothingWritten(gone)
    }
    await nothingWritten(blocked)
  })

  it('withdrawals: nothing to withdraw (409), a receipt date in the future (400), a purpose outside the form (422)', async () => {
    const subjectId = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    const withdraw = (payload: Record<string, unknown>) =>
      fx.app.inject({ method: 'POST', url: `/v1/operators/esp/subjects/${subjectId}/consents/withdraw`, headers: auth, payload: { formId: 'marketing-messages', via: 'written_application', ...payload } })
    expect((await withdraw({})).json().code).toBe('DERBES_CONSENT_NOT_ACTIVE')
    await give(subjectId, ok)
    const future = await withdraw({ receivedAt: '2030-01-01T00:00:00Z' })
    expect(future.statusCode).toBe(400)
    expect(future.json().errors[0].pointer).toBe('/body/receivedAt')
    expect((await withdraw({ purposes: ['loyalty'] })).json()).toMatchObject({ code: 'DERBES_CONSENT_SCOPE_INVALID', errors: [{ pointer: '/body/purposes/0' }] })
    const events = await fx.database.db.selectFrom('consent_events').select('kind').where('subject_id', '=', subjectId).execute()
    expect(events.map((e) => e.kind)).toEqual(['given'])
  })

  it('obligations: a duplicate id (409), an unknown one (404), an unknown subject (404)', async () => {
    const subjectId = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    const open = (payload: Record<string, unknown>, id = subjectId) =>
      fx.app.inject({ method: 'POST', url: `/v1/operators/esp/subjects/${id}/obligations`, headers: auth, payload })
    expect((await open({ obligationId: 'o-1', kind: 'unpaid_invoice' })).statusCode).toBe(201)
    expect((await open({ obligationId: 'o-1', kind: 'unpaid_invoice' })).json().code).toBe('DERBES_OBLIGATION_EXISTS')
    expect((await open({ kind: 'Unpaid Invoice' })).statusCode).toBe(400)
    expect((await open({ kind: 'unpaid_invoice' }, 'nobody')).json().code).toBe('DERBES_SUBJECT_NOT_FOUND')
    const fulfil = await fx.app.inject({ method: 'POST', url: `/v1/operators/esp/subjects/${subjectId}/obligations/o-2/fulfil`, headers: auth })
    expect(fulfil.json().code).toBe('DERBES_OBLIGATION_NOT_FOUND')
    const list = await fx.app.inject({ method: 'GET', url: '/v1/operators/esp/subjects/nobody/obligations', headers: auth })
    expect(list.json().code).toBe('DERBES_SUBJECT_NOT_FOUND')
  })
})
