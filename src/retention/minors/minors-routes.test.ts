import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { bearer, linkRepresentative, openMinorsFixture, register, type MinorsFixture } from './minors-test-kit.ts'

describe.each(TEST_DATABASES)('minors routes on $name', (target) => {
  let fx: MinorsFixture
  beforeAll(async () => {
    fx = await openMinorsFixture(target)
  })
  afterAll(() => fx.close())

  it('TTC-10.4: POST …/minors/scan flags a minor, audited with the caller; GET …/minors lists it, paged', async () => {
    const first = await register(fx, 'ttc', 'subscriber', '2012-01-01')
    const second = await register(fx, 'ttc', 'applicant', '2013-06-30')
    const auth = await bearer(fx, 'ttc', ['subjects:block', 'subjects:read'])
    const scan = await fx.app.inject({ method: 'POST', url: '/v1/operators/ttc/minors/scan', headers: auth })
    expect(scan.statusCode, scan.body).toBe(200)
    expect(scan.json()).toMatchObject({ operatorId: 'ttc', flagged: 2, blocked: 2, underAge: 'delete_asap' })
    const audit = await fx.deps.db.selectFrom('audit_entries').select(['actor', 'details']).where('operator_id', '=', 'ttc').where('action', '=', 'minors_scanned').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actor).toMatch(/^api_key:/)
    expect(audit[0]!.details).toMatchObject({ flagged: 2, clauses: ['TTC-2(2)', 'TTC-10.4'] })

    const page1 = await fx.app.inject({ method: 'GET', url: '/v1/operators/ttc/minors?open=true&limit=1', headers: auth })
    expect(page1.statusCode, page1.body).toBe(200)
    expect(page1.json().flags).toHaveLength(1)
    const page2 = await fx.app.inject({ method: 'GET', url: `/v1/operators/ttc/minors?open=true&limit=1&after=${page1.json().next}`, headers: auth })
    expect(page2.json()).toMatchObject({ next: null })
    const ids = [...page1.json().flags, ...page2.json().flags].map((f: { subjectId: string }) => f.subjectId).sort()
    expect(ids).toEqual([first, second].sort())
    // Ids, dates and reasons only: no birth date travels.
    expect(page1.body).not.toContain('2012-01-01')
  })

  it('refuses without credentials (401), without the permission (403), and for another operator (403); the scan changes nothing then', async () => {
    const parent = await register(fx, 'kzk', 'parent', '1980-01-01')
    const child = await register(fx, 'kzk', 'child', '2017-01-01')
    await linkRepresentative(fx, 'kzk', child, parent, 'parent')
    expect((await fx.app.inject({ method: 'POST', url: '/v1/operators/kzk/minors/scan' })).statusCode).toBe(401)
    const readOnly = await bearer(fx, 'kzk', ['subjects:read'])
    expect((await fx.app.inject({ method: 'POST', url: '/v1/operators/kzk/minors/scan', headers: readOnly })).statusCode).toBe(403)
    const ttcKey = await bearer(fx, 'ttc', ['subjects:block', 'subjects:read'])
    expect((await fx.app.inject({ method: 'POST', url: '/v1/operators/kzk/minors/scan', headers: ttcKey })).statusCode).toBe(403)
    expect((await fx.app.inject({ method: 'GET', url: '/v1/operators/kzk/minors', headers: ttcKey })).statusCode).toBe(403)
    const flags = await fx.deps.db.selectFrom('minor_flags').select('subject_id').where('operator_id', '=', 'kzk').execute()
    expect(flags).toEqual([])
    // TTC's key sees only TTC's flags.
    const own = await fx.app.inject({ method: 'GET', url: '/v1/operators/ttc/minors', headers: ttcKey })
    expect(own.json().flags.map((f: { subjectId: string }) => f.subjectId)).not.toContain(child)
  })

  it("KZK-3.16, KZK-3.17: a child a parent consented for is not flagged, and its biometrics serve the locked purposes only", async () => {
    const parent = await register(fx, 'kzk', 'parent', '1982-03-03')
    const child = await register(fx, 'kzk', 'child', '2016-04-04')
    await linkRepresentative(fx, 'kzk', child, parent, 'parent')
    const auth = await bearer(fx, 'kzk', ['consents:write', 'decisions', 'subjects:block', 'subjects:read'])
    const consent = await fx.app.inject({
      method: 'POST', url: `/v1/operators/kzk/subjects/${child}/consents`, headers: auth,
      payload: { formId: 'registration', language: 'kk', givenBy: { representativeId: parent }, evidence: { method: 'checkbox' } },
    })
    expect(consent.statusCode, consent.body).toBe(201)
    const scan = await fx.app.inject({ method: 'POST', url: '/v1/operators/kzk/minors/scan', headers: auth })
    expect(scan.statusCode).toBe(200)
    const flags = await fx.app.inject({ method: 'GET', url: '/v1/operators/kzk/minors?open=true', headers: auth })
    expect(flags.json().flags.map((f: { subjectId: string }) => f.subjectId)).not.toContain(child)

    const decide = (purpose: string) =>
      fx.app.inject({ method: 'POST', url: '/v1/operators/kzk/decisions', headers: auth, payload: { subjectId: child, purpose, items: ['face-image'] } })
    const attendance = await decide('attendance-control')
    expect(attendance.json(), attendance.body).toMatchObject({ allow: true, basis: 'consent' })
    // KZK-3.17: another declared purpose is refused for the face image without a further parental consent.
    const personalised = await decide('personalised-services')
    expect(personalised.json().allow).toBe(false)
    const locked = personalised.json().reasons.find((r: { code: string }) => r.code === 'biometrics.purpose_locked')
    expect(locked.policyClauses).toEqual(expect.arrayContaining(['KZK-3.16', 'KZK-3.17']))
  })
})
