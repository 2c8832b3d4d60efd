import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { DEMO_SUBJECT_PHONE, ensureDemoSubject, logDemoSms } from './demo-subjects.ts'
import { openPortalFixture, type PortalFixture } from './portal-test-kit.ts'

describe.each(TEST_DATABASES)('the demo subjects of `npm start` on $name', (target) => {
  let fx: PortalFixture
  beforeAll(async () => {
    fx = await openPortalFixture(target)
  })
  afterAll(() => fx.close())

  it('one per seed operator, of an adult kind, found again rather than duplicated; TTC-9.2: the TTC one holds app-2', async () => {
    const kinds: Record<string, string> = {}
    for (const operatorId of ['ttc', 'tw', 'esp', 'kzk', 'ps']) {
      const first = await ensureDemoSubject(fx.deps, operatorId)
      expect(first.created).toBe(true)
      expect(await ensureDemoSubject(fx.deps, operatorId)).toEqual({ subjectId: first.subjectId, created: false })
      kinds[operatorId] = (await fx.database.db.selectFrom('subjects').select('kind').where('subject_id', '=', first.subjectId).executeTakeFirstOrThrow()).kind
    }
    expect(kinds).toEqual({ ttc: 'subscriber', tw: 'user', esp: 'client', kzk: 'parent', ps: 'client' })
    const ttc = await ensureDemoSubject(fx.deps, 'ttc')
    const state = await fx.database.db.selectFrom('consent_state').select('form_id').where('subject_id', '=', ttc.subjectId).execute()
    expect(new Set(state.map((s) => s.form_id))).toEqual(new Set(['app-2']))
  })

  it('the portal sign-in code reaches the demo log, once, and then leaves the outbox', async () => {
    const asked = await fx.askCode('esp', { kind: 'phone', value: DEMO_SUBJECT_PHONE })
    expect(asked.statusCode, asked.body).toBe(202)
    const lines: string[] = []
    await logDemoSms(fx.deps, ['esp'], (line) => lines.push(line))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^\[demo SMS to \+77010000001, esp\] .*\b\d{6}\b/)
    const code = /\b(\d{6})\b/.exec(lines[0]!)![1]!
    expect((await fx.verify('esp', asked.json().challengeId, code)).statusCode).toBe(201)
    await logDemoSms(fx.deps, ['esp'], (line) => lines.push(line))
    expect(lines).toHaveLength(1)
  })
})
