import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { FIXTURE_TIMEOUT_MS, openRetentionFixture, type RetentionFixture } from './retention-test-kit.ts'

// The retention routes: a dry run of what is due, a subject's explanation, recorded triggers and legal holds —
// permission-guarded, audited, bad input changes nothing, one operator never sees another's.
describe.each(TEST_DATABASES)('retention routes on $name', (target) => {
  let fx: RetentionFixture
  let token: string
  let reader: string
  beforeAll(async () => {
    fx = await openRetentionFixture(target, ['ps', 'tw'])
    token = await fx.token('ps')
    reader = await fx.token('ps', ['retention:read'])
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  const audit = async (action: string) =>
    (await fx.database.db.selectFrom('audit_entries').select(['action', 'subject_id']).where('operator_id', '=', 'ps').execute()).filter((a) => a.action === action)

  it('PS-6.1: a contract end recorded through the API makes the subject due; recording it twice is a conflict; audited', async () => {
    const subjectId = await fx.subject('ps', { kind: 'client', items: [{ itemId: 'full-name', purposes: ['contract'], collectedAt: '2020-01-01T00:00:00Z' }] })
    const before = await fx.call(reader, { method: 'GET', url: '/v1/operators/ps/retention/due' })
    expect(before.statusCode, before.body).toBe(200)
    expect(before.json().due.map((d: { subjectId: string }) => d.subjectId)).not.toContain(subjectId)

    const url = `/v1/operators/ps/subjects/${subjectId}/retention-triggers`
    const recorded = await fx.call(token, { method: 'POST', url, payload: { trigger: 'contract_end', occurredAt: '2026-12-01T12:00:00+05:00' } })
    expect(recorded.statusCode, recorded.body).toBe(201)
    expect(recorded.json()).toMatchObject({ subjectId, trigger: 'contract_end', purposeId: null, occurredAt: '2026-12-01T07:00:00.000Z' })
    const again = await fx.call(token, { method: 'POST', url, payload: { trigger: 'contract_end' } })
    expect(again.json()).toMatchObject({ status: 409, code: 'DERBES_RETENTION_TRIGGER_EXISTS' })
    expect(await audit('retention_trigger_recorded')).toEqual([{ action: 'retention_trigger_recorded', subject_id: subjectId }])

    const due = (await fx.call(reader, { method: 'GET', url: '/v1/operators/ps/retention/due' })).json()
    expect(due.due).toContainEqual(expect.objectContaining({ subjectId, ruleId: 'until-contract-end', step: 'anonymise', trigger: 'contract_end' }))
    const why = (await fx.call(reader, { method: 'GET', url: `/v1/operators/ps/subjects/${subjectId}/retention` })).json()
    expect(why.triggers).toContainEqual({ trigger: 'contract_end', purposeId: null, at: '2026-12-01T07:00:00.000Z', source: 'recorded' })
    expect(why.due).toHaveLength(1)
  })

  it('a hold placed stops the due step and shows its reason; released, the subject is due again; both audited', async () => {
    const subjectId = await fx.subject('ps', { kind: 'client', items: [{ itemId: 'full-name', purposes: ['contract'], collectedAt: '2020-01-01T00:00:00Z' }] })
    await fx.call(token, { method: 'POST', url: `/v1/operators/ps/subjects/${subjectId}/retention-triggers`, payload: { trigger: 'contract_end', occurredAt: '2026-11-01T12:00:00+05:00' } })
    const placed = await fx.call(token, { method: 'POST', url: '/v1/operators/ps/retention/holds', payload: { subjectId, reason: 'dispute', detail: 'claim 2-114/2026' } })
    expect(placed.statusCode, placed.body).toBe(201)
    const hold = placed.json()
    expect(hold).toMatchObject({ subjectId, reason: 'dispute', active: true, releasedAt: null })
    const why = (await fx.call(reader, { method: 'GET', url: `/v1/operators/ps/subjects/${subjectId}/retention` })).json()
    expect(why.holds).toEqual([expect.objectContaining({ reason: 'dispute', detail: 'claim 2-114/2026', source: 'placed', holdId: hold.holdId })])
    expect(why.due).toEqual([])
    const listed = (await fx.call(reader, { method: 'GET', url: `/v1/operators/ps/retention/holds?subjectId=${subjectId}` })).json()
    expect(listed.holds.map((h: { holdId: string }) => h.holdId)).toEqual([hold.holdId])
    const due = (await fx.call(reader, { method: 'GET', url: '/v1/operators/ps/retention/due' })).json()
    expect(due.due.map((d: { subjectId: string }) => d.subjectId)).not.toContain(subjectId)

    const released = await fx.call(token, { method: 'POST', url: `/v1/operators/ps/retention/holds/${hold.holdId}/release` })
    expect(released.json()).toMatchObject({ active: false, releasedBy: expect.any(String) })
    expect((await fx.call(token, { method: 'POST', url: `/v1/operators/ps/retention/holds/${hold.holdId}/release` })).json()).toMatchObject({ status: 409, code: 'DERBES_RETENTION_HOLD_RELEASED' })
    const after = (await fx.call(reader, { method: 'GET', url: '/v1/operators/ps/retention/due' })).json()
    expect(after.due.map((d: { subjectId: string }) => d.subjectId)).toContain(subjectId)
    expect((await audit('legal_hold_placed')).map((a) => a.subject_id)).toEqual([subjectId])
    expect((await audit('legal_hold_released')).map((a) => a.subject_id)).toEqual([subjectId])
  })

  it('bad input changes nothing: a future trigger, purpose_achieved without a purpose, an unknown subject, an unknown hold', async () => {
    const subjectId = await fx.subject('ps', { kind: 'client' })
    const url = `/v1/operators/ps/subjects/${subjectId}/retention-triggers`
    expect((await fx.call(token, { method: 'POST', url, payload: { trigger: 'contract_end', occurredAt: '2027-01-01T00:00:00Z' } })).json()).toMatchObject({ status: 400, code: 'DERBES_VALIDATION', errors: [{ pointer: '/body/occurredAt' }] })
    expect((await fx.call(token, { method: 'POST', url, payload: { trigger: 'purpose_achieved' } })).json()).toMatchObject({ status: 400, errors: [{ pointer: '/body/purposeId' }] })
    expect((await fx.call(token, { method: 'POST', url, payload: { trigger: 'purpose_achieved', purposeId: 'no-such' } })).json()).toMatchObject({ status: 400, errors: [{ pointer: '/body/purposeId' }] })
    expect((await fx.call(token, { method: 'POST', url, payload: { trigger: 'relationship_end' } })).statusCode).toBe(400)
    expect((await fx.call(token, { method: 'POST', url: '/v1/operators/ps/subjects/nobody/retention-triggers', payload: { trigger: 'contract_end' } })).json()).toMatchObject({ status: 404, code: 'DERBES_SUBJECT_NOT_FOUND' })
    expect((await fx.call(token, { method: 'POST', url: '/v1/operators/ps/retention/holds', payload: { subjectId, reason: 'forever', detail: 'x' } })).statusCode).toBe(400)
    expect((await fx.call(token, { method: 'POST', url: '/v1/operators/ps/retention/holds/nope/release' })).json()).toMatchObject({ status: 404, code: 'DERBES_RETENTION_HOLD_NOT_FOUND' })
    const rows = await fx.database.db.selectFrom('retention_triggers').select('subject_id').where('subject_id', '=', subjectId).execute()
    expect(rows).toEqual([])
  })

  it('security: no token is 401, reading is not managing, another operator\'s key sees nothing here', async () => {
    const subjectId = await fx.subject('ps', { kind: 'client' })
    expect((await fx.call(undefined, { method: 'GET', url: '/v1/operators/ps/retention/due' })).statusCode).toBe(401)
    expect((await fx.call(reader, { method: 'POST', url: '/v1/operators/ps/retention/holds', payload: { subjectId, reason: 'manual', detail: 'x' } })).statusCode).toBe(403)
    expect((await fx.call(reader, { method: 'POST', url: `/v1/operators/ps/subjects/${subjectId}/retention-triggers`, payload: { trigger: 'contract_end' } })).statusCode).toBe(403)
    const tw = await fx.token('tw')
    expect((await fx.call(tw, { method: 'GET', url: '/v1/operators/ps/retention/due' })).statusCode).toBe(403)
    expect((await fx.call(tw, { method: 'GET', url: `/v1/operators/ps/subjects/${subjectId}/retention` })).statusCode).toBe(403)
    // Through its own operator, tw's key finds no ps subject.
    expect((await fx.call(tw, { method: 'GET', url: `/v1/operators/tw/subjects/${subjectId}/retention` })).json()).toMatchObject({ status: 404, code: 'DERBES_SUBJECT_NOT_FOUND' })
  })
})
