import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { unblockSubject } from '../../subjects/index.ts'
import { findMinorsDue } from './find-minors-due.ts'
import { listMinorFlags } from './list-minor-flags.ts'
import { auditActionsOf, bearer, linkRepresentative, openMinorsFixture, register, START, statusOf, type MinorsFixture } from './minors-test-kit.ts'
import { scanMinors } from './scan-minors.ts'

const openFlagOf = async (fx: MinorsFixture, operatorId: string, subjectId: string) =>
  (await listMinorFlags(fx.deps, operatorId, { open: true, limit: 500 })).flags.find((f) => f.subjectId === subjectId)

describe.each(TEST_DATABASES)('minors found and handled on $name', (target) => {
  let fx: MinorsFixture
  beforeAll(async () => {
    fx = await openMinorsFixture(target)
  })
  afterAll(() => fx.close())
  beforeEach(() => fx.setNow(START))

  it('TTC-10.4: a subscriber found to be under 18 is flagged, blocked (access restricted) and due for destruction at once; adults and unknown ages are not', async () => {
    const minor = await register(fx, 'ttc', 'subscriber', '2010-05-10')
    const adult = await register(fx, 'ttc', 'subscriber', '1990-01-01')
    const unknown = await register(fx, 'ttc', 'subscriber')

    const scan = await scanMinors(fx.deps, 'ttc', 'staff:dpo')
    expect(scan).toMatchObject({ minimumAge: 18, underAge: 'delete_asap', flagged: 1, blocked: 1 })
    expect(await openFlagOf(fx, 'ttc', minor)).toMatchObject({
      reason: 'under_minimum_age', reachesMinimumAgeOn: '2028-05-10', handling: 'destroy_due', blockedByScan: true, clauses: ['TTC-2(2)', 'TTC-10.4'],
    })
    expect(await openFlagOf(fx, 'ttc', adult)).toBeUndefined()
    expect(await openFlagOf(fx, 'ttc', unknown)).toBeUndefined()
    expect(await statusOf(fx, 'ttc', minor)).toBe('blocked')
    const entries = await auditActionsOf(fx, 'ttc', minor)
    expect(entries.slice(-2)).toMatchObject([{ action: 'minor_flagged', actor: 'staff:dpo', details: { underAge: 'delete_asap', handling: 'destroy_due' } }, { action: 'block', details: { reason: 'collection_unlawful' } }])

    const due = await findMinorsDue(fx.deps, 'ttc', fx.deps.clock())
    expect(due).toEqual([{ subjectId: minor, ruleId: 'age-rules', step: 'destroy', trigger: 'collection', triggeredAt: new Date(START), dueAt: new Date(START), clauses: ['TTC-2(2)', 'TTC-10.4'] }])
    // A second scan finds the same minor already flagged: nothing is flagged or blocked twice.
    expect(await scanMinors(fx.deps, 'ttc', 'staff:dpo')).toMatchObject({ flagged: 0, stillFlagged: 1, blocked: 0 })
  })

  it('TTC-10.4: a subscriber who turns 18 before destruction is no longer flagged, and the block the scan placed is lifted (Civil Code art. 17(1))', async () => {
    const nearly = await register(fx, 'ttc', 'subscriber', '2008-12-20')
    await scanMinors(fx.deps, 'ttc', 'system:minors-scan')
    expect(await openFlagOf(fx, 'ttc', nearly)).toMatchObject({ reachesMinimumAgeOn: '2026-12-20' })

    fx.setNow('2026-12-19T23:30:00+05:00')
    await scanMinors(fx.deps, 'ttc', 'system:minors-scan')
    expect(await openFlagOf(fx, 'ttc', nearly)).toBeDefined()

    fx.setNow('2026-12-20T00:10:00+05:00')
    const scan = await scanMinors(fx.deps, 'ttc', 'system:minors-scan')
    expect(scan.cleared.came_of_age).toBeGreaterThanOrEqual(1)
    expect(await openFlagOf(fx, 'ttc', nearly)).toBeUndefined()
    expect(await statusOf(fx, 'ttc', nearly)).toBe('active')
    expect((await findMinorsDue(fx.deps, 'ttc', fx.deps.clock())).map((d) => d.subjectId)).not.toContain(nearly)
    const actions = (await auditActionsOf(fx, 'ttc', nearly)).map((e) => e.action)
    expect(actions.slice(-4)).toEqual(['minor_flagged', 'block', 'minor_flag_cleared', 'unblock'])
  })

  it("KZK-1.13: a child without a parent's consent is flagged and blocked until a parent consents; then the flag ends", async () => {
    const parent = await register(fx, 'kzk', 'parent', '1985-04-02')
    const child = await register(fx, 'kzk', 'child', '2015-03-01')
    await linkRepresentative(fx, 'kzk', child, parent, 'parent')

    const first = await scanMinors(fx.deps, 'kzk', 'staff:dpo')
    expect(first).toMatchObject({ minimumAge: 18, underAge: 'parental_consent' })
    expect(await openFlagOf(fx, 'kzk', child)).toMatchObject({ handling: 'blocked_until_representative_consents', blockedByScan: true, clauses: expect.arrayContaining(['KZK-1.13']) })
    expect(await openFlagOf(fx, 'kzk', parent)).toBeUndefined()
    expect(await statusOf(fx, 'kzk', child)).toBe('blocked')
    // Not a destruction: KZK processes children's data through their parents.
    expect((await findMinorsDue(fx.deps, 'kzk', fx.deps.clock())).map((d) => d.subjectId)).not.toContain(child)

    // Staff lift the block so the parent can consent (a blocked subject takes no consent); the flag stands meanwhile.
    await unblockSubject(fx.deps, { operatorId: 'kzk', subjectId: child, reason: 'other', reference: 'parent to consent' }, 'staff:dpo')
    expect(await scanMinors(fx.deps, 'kzk', 'staff:dpo')).toMatchObject({ flagged: 0, blocked: 0 })
    expect(await openFlagOf(fx, 'kzk', child)).toBeDefined()

    const auth = await bearer(fx, 'kzk', ['consents:write'])
    const consent = await fx.app.inject({
      method: 'POST', url: `/v1/operators/kzk/subjects/${child}/consents`, headers: auth,
      payload: { formId: 'registration', language: 'kk', givenBy: { representativeId: parent }, evidence: { method: 'checkbox' } },
    })
    expect(consent.statusCode, consent.body).toBe(201)
    const after = await scanMinors(fx.deps, 'kzk', 'staff:dpo')
    expect(after.cleared.representative_consented).toBe(1)
    expect(await openFlagOf(fx, 'kzk', child)).toBeUndefined()
    expect(await statusOf(fx, 'kzk', child)).toBe('active')
  })

  it("KZK-1.13: a child whose parent consented is never flagged; a child of unknown age without one is, as a child", async () => {
    const parent = await register(fx, 'kzk', 'parent', '1980-01-01')
    const represented = await register(fx, 'kzk', 'child', '2016-09-01')
    await linkRepresentative(fx, 'kzk', represented, parent, 'parent')
    const auth = await bearer(fx, 'kzk', ['consents:write'])
    const consent = await fx.app.inject({
      method: 'POST', url: `/v1/operators/kzk/subjects/${represented}/consents`, headers: auth,
      payload: { formId: 'registration', language: 'ru', givenBy: { representativeId: parent }, evidence: { method: 'checkbox' } },
    })
    expect(consent.statusCode, consent.body).toBe(201)
    const ageUnknown = await register(fx, 'kzk', 'child')

    await scanMinors(fx.deps, 'kzk', 'staff:dpo')
    expect(await openFlagOf(fx, 'kzk', represented)).toBeUndefined()
    expect(await openFlagOf(fx, 'kzk', ageUnknown)).toMatchObject({ reason: 'minor_kind_age_unknown', reachesMinimumAgeOn: null })
  })

  it('KZK-1.13: a child comes of age on its 18th birthday and its flag ends with it, across years of a controllable clock', async () => {
    const child = await register(fx, 'kzk', 'child', '2012-07-15')
    await scanMinors(fx.deps, 'kzk', 'staff:dpo')
    expect(await openFlagOf(fx, 'kzk', child)).toMatchObject({ reachesMinimumAgeOn: '2030-07-15' })
    fx.setNow('2030-07-14T12:00:00+05:00')
    await scanMinors(fx.deps, 'kzk', 'staff:dpo')
    expect(await openFlagOf(fx, 'kzk', child)).toBeDefined()
    fx.setNow('2030-07-15T08:00:00+05:00')
    await scanMinors(fx.deps, 'kzk', 'staff:dpo')
    expect(await openFlagOf(fx, 'kzk', child)).toBeUndefined()
    const ended = (await listMinorFlags(fx.deps, 'kzk', { open: false, limit: 500 })).flags.find((f) => f.subjectId === child)
    expect(ended).toMatchObject({ clearedReason: 'came_of_age', clearedAt: '2030-07-15T03:00:00.000Z' })
  })

  it('a flagged subject destroyed by a retention run ends its flag as gone, and is due no more', async () => {
    const minor = await register(fx, 'ttc', 'applicant', '2011-01-01')
    await scanMinors(fx.deps, 'ttc', 'staff:dpo')
    await fx.deps.db.updateTable('subjects').set({ status: 'destroyed' }).where('operator_id', '=', 'ttc').where('subject_id', '=', minor).execute()
    expect((await findMinorsDue(fx.deps, 'ttc', fx.deps.clock())).map((d) => d.subjectId)).not.toContain(minor)
    const scan = await scanMinors(fx.deps, 'ttc', 'staff:dpo')
    expect(scan.cleared.subject_gone).toBe(1)
    expect(scan.unblocked).toBe(0)
  })
})
