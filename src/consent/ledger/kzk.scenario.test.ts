import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { pendingSmsMessages } from '../evidence/index.ts'
import { addRepresentative, auditOf, bearer, insertSubject, openLedgerFixture, type LedgerFixture } from './ledger-test-support.ts'

// Kezekshi.kz: parents register their children (KZK-1.13), registration confirmed by an SMS code and a ticked
// box (KZK-2.3.4), no withdrawal while an obligation is unfulfilled (KZK-2.3.5).
describe.each(TEST_DATABASES)('KZK consent scenarios on $name', (target) => {
  let fx: LedgerFixture
  let auth: { authorization: string }
  beforeAll(async () => {
    fx = await openLedgerFixture(target)
    auth = await bearer(fx.deps, 'kzk', ['consents:write', 'consents:read'])
  })
  afterAll(() => fx.close())

  const post = (subjectId: string, path: string, payload: Record<string, unknown>) =>
    fx.app.inject({ method: 'POST', url: `/v1/operators/kzk/subjects/${subjectId}${path}`, headers: auth, payload })
  const registration = { formId: 'registration', language: 'kk' }
  const countEvents = async (subjectId: string) => (await fx.database.db.selectFrom('consent_events').select('event_id').where('subject_id', '=', subjectId).execute()).length

  it("KZK-1.13: a child's consent is given by a parent; the child alone is refused with the reason", async () => {
    const parentId = await insertSubject(fx.deps, 'kzk', { kind: 'parent' })
    const childId = await insertSubject(fx.deps, 'kzk', { kind: 'child', minorUntil: '2034-09-01' })
    await addRepresentative(fx.deps, 'kzk', childId, parentId, 'parent')

    const alone = await post(childId, '/consents', { ...registration, evidence: { method: 'checkbox' } })
    expect(alone.statusCode).toBe(422)
    expect(alone.json()).toMatchObject({ code: 'DERBES_CONSENT_REPRESENTATIVE_REQUIRED', errors: [{ pointer: '/body/givenBy' }] })
    expect(alone.json().detail).toMatch(/minor until 2034-09-01.*KZK-1\.13/)
    expect(await countEvents(childId)).toBe(0)

    const byParent = await post(childId, '/consents', { ...registration, givenBy: { representativeId: parentId }, evidence: { method: 'checkbox' } })
    expect(byParent.statusCode, byParent.body).toBe(201)
    expect(byParent.json().record).toMatchObject({ subject: { id: childId, kind: 'child' }, givenBy: { kind: 'representative', representativeId: parentId, relation: 'parent' } })
    // The child's biometrics are consented for their locked purposes only (KZK-3.16), by the parent.
    expect(byParent.json().state.find((s: { purposeId: string }) => s.purposeId === 'child-safety')).toMatchObject({ status: 'given', byRepresentative: true })
    const [entry] = await auditOf(fx.deps, 'kzk', childId)
    expect(entry).toMatchObject({ action: 'consent_given', details: { representativeId: parentId, relation: 'parent' } })
  })

  it('KZK-1.13: someone who is not the child\'s parent, or an attorney, cannot consent for it', async () => {
    const childId = await insertSubject(fx.deps, 'kzk', { kind: 'child', minorUntil: '2033-01-15' })
    const strangerId = await insertSubject(fx.deps, 'kzk', { kind: 'parent' })
    const notRegistered = await post(childId, '/consents', { ...registration, givenBy: { representativeId: strangerId }, evidence: { method: 'checkbox' } })
    expect(notRegistered.json().code).toBe('DERBES_CONSENT_REPRESENTATIVE_INVALID')
    await addRepresentative(fx.deps, 'kzk', childId, strangerId, 'attorney')
    const attorney = await post(childId, '/consents', { ...registration, givenBy: { representativeId: strangerId }, evidence: { method: 'checkbox' } })
    expect(attorney.statusCode).toBe(422)
    expect(attorney.json().detail).toContain('parent, guardian, legal_representative')
  })

  it('KZK-2.3.4: registration confirmed by an SMS code Derbes sent and checked; a wrong code counts and records nothing', async () => {
    const parentId = await insertSubject(fx.deps, 'kzk', { kind: 'parent', phone: '+77015550101' })
    const sent = await post(parentId, '/sms-challenges', { phone: '87015550101', formId: 'registration', language: 'kk' })
    expect(sent.statusCode, sent.body).toBe(201)
    const { challengeId, textHash } = sent.json()
    const sms = (await pendingSmsMessages(fx.deps, 'kzk')).find((m) => m.subjectId === parentId)!
    const code = /\b(\d{6})\b/.exec(sms.text)![1]!
    const wrong = code === '000000' ? '111111' : '000000'

    const bad = await post(parentId, '/consents', { ...registration, textHash, evidence: { method: 'sms_code', challengeId, code: wrong } })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().code).toBe('DERBES_CONSENT_SMS_CODE_WRONG')
    expect(await countEvents(parentId)).toBe(0)
    const challenge = await fx.database.db.selectFrom('sms_challenges').select(['attempts', 'consumed_at']).where('challenge_id', '=', challengeId).executeTakeFirstOrThrow()
    expect(challenge).toEqual({ attempts: 1, consumed_at: null })

    const good = await post(parentId, '/consents', { ...registration, textHash, evidence: { method: 'sms_code', challengeId, code } })
    expect(good.statusCode, good.body).toBe(201)
    expect(good.json().record).toMatchObject({ method: 'sms_code', form: { textHash } })
    expect(JSON.stringify(good.json().record)).not.toContain('7015550101')
    const reused = await post(parentId, '/consents', { ...registration, evidence: { method: 'sms_code', challengeId, code } })
    expect(reused.statusCode).toBe(409)
  })

  it('KZK-2.3.4: the ticked box is a method of the form; a signed paper form is not', async () => {
    const parentId = await insertSubject(fx.deps, 'kzk', { kind: 'parent' })
    const ticked = await post(parentId, '/consents', { ...registration, evidence: { method: 'checkbox', pageUrl: 'https://kezekshi.kz/register' } })
    expect(ticked.statusCode, ticked.body).toBe(201)
    const paper = await post(parentId, '/consents', { ...registration, evidence: { method: 'paper_signature', scanSha256: 'b'.repeat(64) } })
    expect(paper.json().code).toBe('DERBES_CONSENT_METHOD_NOT_ALLOWED')
  })

  it('KZK-2.3.5: no withdrawal while an obligation is unfulfilled; by e-mail once it is', async () => {
    const parentId = await insertSubject(fx.deps, 'kzk', { kind: 'parent' })
    await post(parentId, '/consents', { ...registration, evidence: { method: 'checkbox' } })
    const obligation = (await post(parentId, '/obligations', { kind: 'canteen_balance_due' })).json()
    const refused = await post(parentId, '/consents/withdraw', { formId: 'registration', via: 'email' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().errors[0].detail).toMatch(/canteen_balance_due.*KZK-2\.3\.5.*art\. 8\(2\)/)

    const open = await fx.app.inject({ method: 'GET', url: `/v1/operators/kzk/subjects/${parentId}/obligations?open=true`, headers: auth })
    expect(open.json().obligations).toEqual([expect.objectContaining({ obligationId: obligation.obligationId, fulfilledAt: null })])
    await post(parentId, `/obligations/${obligation.obligationId}/fulfil`, {})
    const twice = await post(parentId, `/obligations/${obligation.obligationId}/fulfil`, {})
    expect(twice.json().code).toBe('DERBES_OBLIGATION_ALREADY_FULFILLED')

    const withdrawn = await post(parentId, '/consents/withdraw', { formId: 'registration', via: 'email' })
    expect(withdrawn.statusCode, withdrawn.body).toBe(200)
    expect(withdrawn.json().record.withdrawal).toMatchObject({ channel: 'email', consequences: [] })
  })
})
