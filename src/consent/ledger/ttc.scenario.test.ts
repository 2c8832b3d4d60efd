import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { canonicalJson, sha256Hex } from '../../policy/index.ts'
import { auditOf, bearer, insertSubject, openLedgerFixture, outboxOf, type LedgerFixture } from './ledger-test-support.ts'

// Transtelecom: consent form App.2, withdrawal by registered mail or courier only (TTC-9.2), refused while the
// subscriber owes something (TTC-9.1), marketing withdrawn per channel (TTC-9.4), the account deleted (TTC-9.3).
describe.each(TEST_DATABASES)('TTC consent scenarios on $name', (target) => {
  let fx: LedgerFixture
  let auth: { authorization: string }
  beforeAll(async () => {
    fx = await openLedgerFixture(target)
    auth = await bearer(fx.deps, 'ttc', ['consents:write', 'consents:read'])
  })
  afterAll(() => fx.close())

  const give = (subjectId: string, body: Record<string, unknown>) =>
    fx.app.inject({ method: 'POST', url: `/v1/operators/ttc/subjects/${subjectId}/consents`, headers: auth, payload: { formId: 'app-2', language: 'kk', ...body } })
  const withdraw = (subjectId: string, body: Record<string, unknown>) =>
    fx.app.inject({ method: 'POST', url: `/v1/operators/ttc/subjects/${subjectId}/consents/withdraw`, headers: auth, payload: { formId: 'app-2', ...body } })
  const eventCount = async () => Number((await fx.database.db.selectFrom('consent_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  it('TTC-1.6, App.2 §2: a ticked box records the art. 8(4) content of the form shown, chained into the audit log', async () => {
    const subjectId = await insertSubject(fx.deps, 'ttc', { kind: 'subscriber' })
    const res = await give(subjectId, { evidence: { method: 'checkbox', checkedAt: '2026-12-02T09:59:00+05:00', ip: '10.1.2.3', userAgent: 'Mozilla/5.0' } })
    expect(res.statusCode, res.body).toBe(201)
    const { eventId, recordHash, record, state } = res.json()
    expect(record).toMatchObject({
      kind: 'given',
      operator: { id: 'ttc', bin: '991140001226' },
      subject: { id: subjectId, kind: 'subscriber' },
      givenBy: { kind: 'subject' },
      form: { id: 'app-2', version: 1, policyVersionId: '2025-1', language: 'kk' },
      term: { until: 'relationship_end' },
      expiresAt: null,
      method: 'checkbox',
      thirdPartyTransfer: true,
      publication: true,
      crossBorder: { allowed: true },
    })
    expect(record.form.textHash).toMatch(/^[0-9a-f]{64}$/)
    expect(record.purposes).toContainEqual({ id: 'contract', basis: 'contract' })
    expect(record.channelsByPurpose).toEqual({ marketing: ['phone', 'sms', 'messenger', 'email'] })
    expect(record.recipients.map((r: { id: string }) => r.id)).toContain('partners')
    // The IP and user agent are personal data: sealed under the subject's key, never in the clear.
    expect(JSON.stringify(record)).not.toContain('10.1.2.3')
    expect(record.sealed).toMatch(/^v1\./)
    // State only for purposes whose basis is consent; marketing per channel (TTC-9.4).
    expect(state.find((s: { purposeId: string }) => s.purposeId === 'contract')).toBeUndefined()
    expect(state.filter((s: { purposeId: string }) => s.purposeId === 'marketing').map((s: { channel: string }) => s.channel).sort()).toEqual(['email', 'messenger', 'phone', 'sms'])
    expect(state.find((s: { purposeId: string }) => s.purposeId === 'registration')).toMatchObject({ channel: '', status: 'given', formVersion: 1 })

    const stored = await fx.database.db.selectFrom('consent_events').selectAll().where('event_id', '=', eventId).executeTakeFirstOrThrow()
    const storedRecord = typeof stored.record === 'string' ? JSON.parse(stored.record) : stored.record
    expect(sha256Hex(canonicalJson(storedRecord))).toBe(recordHash)
    expect(stored.record_hash).toBe(recordHash)
    const audit = await auditOf(fx.deps, 'ttc', subjectId)
    expect(audit).toEqual([expect.objectContaining({ action: 'consent_given', purpose: null, details: expect.objectContaining({ eventId, recordHash, formId: 'app-2', formVersion: 1 }) })])
    expect((await outboxOf(fx.deps, 'ttc', subjectId)).map((e) => e.type)).toEqual(['consent.given'])
  })

  it('TTC-1.6: a method the form does not list is refused and nothing is written', async () => {
    const subjectId = await insertSubject(fx.deps, 'ttc', { kind: 'subscriber' })
    const before = await eventCount()
    const res = await give(subjectId, { evidence: { method: 'sms_code', challengeId: 'x', code: '123456' } })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'DERBES_CONSENT_METHOD_NOT_ALLOWED', errors: [{ pointer: '/body/evidence/method' }] })
    expect(await eventCount()).toBe(before)
    expect(await auditOf(fx.deps, 'ttc', subjectId)).toEqual([])
  })

  it('TTC-App.2 §2: a signed paper form registered by staff with the hash of its scan', async () => {
    const subjectId = await insertSubject(fx.deps, 'ttc', { kind: 'subscriber' })
    const res = await give(subjectId, { language: 'ru', evidence: { method: 'paper_signature', scanSha256: 'a'.repeat(64) } })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().record).toMatchObject({ method: 'paper_signature', form: { language: 'ru' } })
  })

  it('TTC-9.2: a withdrawal by e-mail is refused; by registered mail it takes effect', async () => {
    const subjectId = await insertSubject(fx.deps, 'ttc', { kind: 'subscriber' })
    await give(subjectId, { evidence: { method: 'checkbox' } })
    const byEmail = await withdraw(subjectId, { via: 'email' })
    expect(byEmail.statusCode).toBe(422)
    expect(byEmail.json()).toMatchObject({ code: 'DERBES_CONSENT_WITHDRAWAL_CHANNEL_NOT_ALLOWED', errors: [{ pointer: '/body/via' }] })
    expect(byEmail.json().errors[0].detail).toContain('registered_mail, courier')
    const byMail = await withdraw(subjectId, { via: 'registered_mail', receivedAt: '2026-12-01T15:00:00+05:00' })
    expect(byMail.statusCode, byMail.body).toBe(200)
    expect(byMail.json()).toMatchObject({ outcome: 'withdrawn', record: { kind: 'withdrawn', withdrawal: { channel: 'registered_mail', noticeBusinessDays: 0, receivedAt: '2026-12-01T10:00:00.000Z' } } })
    expect(byMail.json().state.every((s: { status: string }) => s.status === 'withdrawn')).toBe(true)
  })

  it('TTC-9.1, art. 8(2): withdrawal refused with reasons while an obligation is open; allowed once it is fulfilled', async () => {
    const subjectId = await insertSubject(fx.deps, 'ttc', { kind: 'subscriber' })
    await give(subjectId, { evidence: { method: 'checkbox' } })
    const opened = await fx.app.inject({ method: 'POST', url: `/v1/operators/ttc/subjects/${subjectId}/obligations`, headers: auth, payload: { obligationId: 'inv-2026-11', kind: 'unpaid_invoice' } })
    expect(opened.statusCode, opened.body).toBe(201)

    const refused = await withdraw(subjectId, { via: 'courier' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().code).toBe('DERBES_CONSENT_WITHDRAWAL_BLOCKED')
    expect(refused.json().errors[0]).toMatchObject({ code: 'unfulfilled_obligation' })
    expect(refused.json().errors[0].detail).toMatch(/inv-2026-11.*TTC-9\.1.*art\. 8\(2\)/)
    const location = refused.headers.location as string
    const event = await fx.app.inject({ method: 'GET', url: location, headers: auth })
    expect(event.json()).toMatchObject({ kind: 'withdrawal_refused', record: { withdrawal: { channel: 'courier', refusedFor: [{ code: 'unfulfilled_obligation' }] } } })
    expect((await auditOf(fx.deps, 'ttc', subjectId)).map((a) => a.action)).toEqual(['consent_given', 'consent_withdrawal_refused'])
    expect((await outboxOf(fx.deps, 'ttc', subjectId)).map((e) => e.type)).toEqual(['consent.given', 'consent.withdrawal_refused'])
    const listed = await fx.app.inject({ method: 'GET', url: `/v1/operators/ttc/subjects/${subjectId}/consents`, headers: auth })
    expect(listed.json().state.every((s: { status: string }) => s.status === 'given')).toBe(true)

    const fulfilled = await fx.app.inject({ method: 'POST', url: `/v1/operators/ttc/subjects/${subjectId}/obligations/inv-2026-11/fulfil`, headers: auth })
    expect(fulfilled.statusCode).toBe(200)
    expect((await withdraw(subjectId, { via: 'courier' })).json()).toMatchObject({ outcome: 'withdrawn' })
  })

  it('TTC-9.4: marketing consent withdrawn for SMS only; e-mail marketing and the rest stay, and the account is kept', async () => {
    const subjectId = await insertSubject(fx.deps, 'ttc', { kind: 'subscriber' })
    await give(subjectId, { evidence: { method: 'checkbox' } })
    const res = await withdraw(subjectId, { channels: { marketing: ['sms'] }, via: 'registered_mail' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().record).toMatchObject({ purposes: [{ id: 'marketing' }], channels: ['sms'], withdrawal: {} })
    expect(res.json().record.withdrawal.consequences).toBeUndefined()
    const { state } = (await fx.app.inject({ method: 'GET', url: `/v1/operators/ttc/subjects/${subjectId}/consents`, headers: auth })).json()
    const status = (purposeId: string, channel = '') => state.find((s: { purposeId: string; channel: string }) => s.purposeId === purposeId && s.channel === channel)?.status
    expect(status('marketing', 'sms')).toBe('withdrawn')
    expect(status('marketing', 'email')).toBe('given')
    expect(status('registration')).toBe('given')
    expect((await outboxOf(fx.deps, 'ttc', subjectId)).map((e) => e.type)).toEqual(['consent.given', 'consent.withdrawn'])
  })

  it('TTC-9.3: withdrawing the whole form stops processing and deletes the account — consequences as events', async () => {
    const subjectId = await insertSubject(fx.deps, 'ttc', { kind: 'subscriber' })
    await give(subjectId, { evidence: { method: 'registration' } })
    const res = await withdraw(subjectId, { via: 'registered_mail' })
    expect(res.json().record.withdrawal.consequences).toEqual(['processing_stopped', 'account_deleted'])
    const events = await outboxOf(fx.deps, 'ttc', subjectId)
    expect(events.map((e) => e.type)).toEqual(['consent.given', 'consent.withdrawn', 'consequence.processing_stopped', 'consequence.account_deleted'])
    expect(events[3]!.data).toMatchObject({ eventId: res.json().eventId, formId: 'app-2', consequence: 'account_deleted' })
    expect((await auditOf(fx.deps, 'ttc', subjectId)).map((a) => a.action)).toEqual(['consent_given', 'consent_withdrawn'])
  })
})
