import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { bearer, openMinorsFixture, type MinorsFixture } from '../retention/minors/minors-test-kit.ts'

// 23 TW users: 12 who joined in 2021, 6 in 2022, 3 in 2023, 2 in 2024; 2 incapable persons; newsletters consent
// given by 14, withdrawn by 9 (PS-8.1, TW-3.2.6: withdrawn subjects still count in anonymous statistics).
const YEARS = [...Array(12).fill(2021), ...Array(6).fill(2022), ...Array(3).fill(2023), ...Array(2).fill(2024)] as number[]

describe.each(TEST_DATABASES)('anonymised statistics on $name', (target) => {
  let fx: MinorsFixture
  const ids: string[] = []
  beforeAll(async () => {
    fx = await openMinorsFixture(target)
    const subjects = YEARS.map((year, i) => ({
      operator_id: 'tw', subject_id: randomUUID(), kind: 'user', status: 'active' as const,
      relationship_started_at: new Date(`${year}-03-0${(i % 9) + 1}T10:00:00+05:00`), relationship_ended_at: null, minor_until: null, legal_capacity: 'full' as 'full' | 'none',
    }))
    subjects.push(...[0, 1].map(() => ({
      operator_id: 'tw', subject_id: randomUUID(), kind: 'incapable-person', status: 'active' as const,
      relationship_started_at: new Date('2021-05-05T10:00:00+05:00'), relationship_ended_at: null, minor_until: null, legal_capacity: 'none' as const,
    })))
    await fx.deps.db.insertInto('subjects').values(subjects).execute()
    ids.push(...subjects.map((s) => s.subject_id))
    await fx.deps.db.insertInto('consent_state').values(ids.slice(0, 23).map((subjectId, i) => ({
      operator_id: 'tw', subject_id: subjectId, purpose_id: 'newsletters', channel: '', status: i < 14 ? 'given' as const : 'withdrawn' as const,
      form_id: 'registration', form_version: 1, event_id: randomUUID(), given_at: fx.deps.clock(), expires_at: null, withdrawal_effective_at: null, updated_at: fx.deps.clock(),
    }))).execute()
  })
  afterAll(() => fx.close())

  const post = async (payload: Record<string, unknown>, permissions: Parameters<typeof bearer>[2] = ['statistics:export'], operatorId = 'tw') =>
    fx.app.inject({ method: 'POST', url: `/v1/operators/${operatorId}/statistics/exports`, headers: await bearer(fx, operatorId, permissions), payload })

  it('art. 17(1), TW-3.2.6: every released group holds at least k subjects; thin years are generalised and the rest suppressed, and it says so', async () => {
    const res = await post({ dimensions: ['subject_kind', 'relationship_start_year'], k: 5 })
    expect(res.statusCode, res.body).toBe(200)
    const out = res.json()
    for (const g of out.groups) expect(g.subjects).toBeGreaterThanOrEqual(5)
    const released = out.groups.reduce((n: number, g: { subjects: number }) => n + g.subjects, 0)
    expect(released + out.suppressed.subjects).toBe(25)
    expect(out.population).toEqual({ subjects: 25 })
    expect(out.generalised.length).toBeGreaterThan(0)
    expect(out.clauses).toEqual(['art. 17(1)', 'TW-3.2.6', 'PS-8.1'])
    // Never an identifier: no subject id anywhere in the answer.
    for (const id of ids) expect(res.body).not.toContain(id)
  })

  it('PS-8.1: subjects who withdrew are counted in anonymous statistics; k defaults to the configured 5; CSV sums to the population', async () => {
    // 2 subjects never asked (none) are under k: 8% of 25, within a 10% suppression allowance, so they are held back, not generalised.
    const res = await post({ dimensions: ['consent_status:newsletters'], format: 'csv', maxSuppressedShare: 0.1 })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.body).toBe('consent_status:newsletters,subjects\r\ngiven,14\r\nwithdrawn,9\r\n(suppressed),2\r\n')
    expect(res.headers['derbes-suppressed-subjects']).toBe('2')
    const audit = await fx.deps.db.selectFrom('audit_entries').select(['actor', 'details']).where('operator_id', '=', 'tw').where('action', '=', 'statistics_exported').orderBy('seq').execute()
    expect(audit.at(-1)!.actor).toMatch(/^api_key:/)
    expect(audit.at(-1)!.details).toMatchObject({ dimensions: ['consent_status:newsletters'], k: 5, suppressedGroups: 1, suppressedSubjects: 2 })
  })

  it('art. 17(1): with the default 5% allowance the thin group is generalised instead — withdrawn and never asked become not_given', async () => {
    const res = await post({ dimensions: ['consent_status:newsletters'] })
    expect(res.json()).toMatchObject({
      groups: [{ values: { 'consent_status:newsletters': 'given' }, subjects: 14 }, { values: { 'consent_status:newsletters': 'not_given' }, subjects: 11 }],
      suppressed: { groups: 0, subjects: 0 },
      generalised: [{ dimension: 'consent_status:newsletters', levelName: 'given or not', mapped: { withdrawn: 'not_given', none: 'not_given' } }],
    })
  })

  it('refuses an identifying or unknown dimension (422, with its pointer) and records nothing', async () => {
    const before = (await fx.deps.db.selectFrom('audit_entries').select('seq').where('operator_id', '=', 'tw').where('action', '=', 'statistics_exported').execute()).length
    for (const dimension of ['iin', 'subject_id', 'consent_status:no-such-purpose']) {
      const res = await post({ dimensions: ['subject_kind', dimension] })
      expect(res.statusCode).toBe(422)
      expect(res.json()).toMatchObject({ code: 'DERBES_STATISTICS_DIMENSION_UNKNOWN', errors: [{ pointer: '/body/dimensions/1' }] })
    }
    expect((await post({ dimensions: ['subject_kind'], k: 1 })).statusCode).toBe(400)
    const after = (await fx.deps.db.selectFrom('audit_entries').select('seq').where('operator_id', '=', 'tw').where('action', '=', 'statistics_exported').execute()).length
    expect(after).toBe(before)
  })

  it('needs statistics:export of the same operator (401, 403)', async () => {
    expect((await fx.app.inject({ method: 'POST', url: '/v1/operators/tw/statistics/exports', payload: { dimensions: ['subject_kind'] } })).statusCode).toBe(401)
    expect((await post({ dimensions: ['subject_kind'] }, ['subjects:read'])).statusCode).toBe(403)
    const other = await bearer(fx, 'ps', ['statistics:export'])
    expect((await fx.app.inject({ method: 'POST', url: '/v1/operators/tw/statistics/exports', headers: other, payload: { dimensions: ['subject_kind'] } })).statusCode).toBe(403)
  })

  it('counts requests by kind with at least k distinct subjects per released group', async () => {
    const res = await post({ dimensions: ['request_kind'], measures: ['subjects', 'requests'], k: 2 })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ unit: 'requests', groups: [], population: { subjects: 0, requests: 0 } })
  })
})
