import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueApiKey } from '../../access/index.ts'
import type { DatabaseHandle } from '../../db/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { buildTestApp } from '../../http/index.ts'
import { seedOperators } from '../../operators/index.ts'
import { planAudience, type AudienceRequest } from './audience-plan.ts'
import { decideWith } from './decide.ts'
import { putConsent, putSubject, type TestConsent } from './decision-db-test-kit.ts'
import { DecisionIndex } from './decision-index.ts'
import { streamAudience } from './stream-audience.ts'

const NOW = new Date('2026-12-10T10:00:00+05:00')
const PER_OPERATOR = 100

/** A fixed pseudo-random mix of subjects, so the SQL audience can be checked against `decide` subject by subject. */
const SUBJECT_MIX: Record<string, { kinds: string[]; rows: Omit<TestConsent, 'status'>[] }> = {
  esp: {
    kinds: ['client', 'enquirer', 'attorney'],
    rows: [
      { purpose: 'advertising', channel: 'sms', formId: 'marketing-messages' },
      { purpose: 'advertising', channel: 'email', formId: 'marketing-messages' },
      { purpose: 'loyalty', formId: 'app-1', countries: ['RU'] },
      { purpose: 'delivery-service', formId: 'app-1', countries: ['RU'] },
    ],
  },
  kzk: { kinds: ['child', 'parent', 'guardian'], rows: [{ purpose: 'attendance-control', formId: 'registration' }, { purpose: 'support', formId: 'registration' }] },
  ttc: {
    kinds: ['subscriber', 'web-user'],
    rows: [{ purpose: 'communication', formId: 'app-2' }, { purpose: 'communication', channel: 'sms', formId: 'app-2' }, { purpose: 'registration', formId: 'app-2' }],
  },
  ps: { kinds: ['client'], rows: [{ purpose: 'domain-registration', formId: 'personal-data-consent', countries: ['ZZ', 'DE'] }, { purpose: 'services', formId: 'personal-data-consent' }] },
  tw: { kinds: ['user', 'incapable-person'], rows: [{ purpose: 'newsletters', formId: 'privacy-policy' }] },
}

const QUERIES: [string, AudienceRequest][] = [
  ['esp', { purpose: 'advertising', channel: 'sms' }],
  ['esp', { purpose: 'advertising', channel: 'email', subjectKinds: ['client', 'enquirer'] }],
  ['esp', { purpose: 'loyalty' }],
  ['esp', { purpose: 'loyalty', country: 'RU' }],
  ['esp', { purpose: 'order-notifications', channel: 'sms' }],
  ['esp', { purpose: 'delivery-service', country: 'RU' }],
  ['esp', { purpose: 'order-notifications', country: 'RU' }],
  ['kzk', { purpose: 'attendance-control' }],
  ['kzk', { purpose: 'support' }],
  ['kzk', { purpose: 'state-requests' }],
  ['ttc', { purpose: 'communication', channel: 'sms' }],
  ['ttc', { purpose: 'communication', channel: 'email' }],
  ['ttc', { purpose: 'registration' }],
  ['ttc', { purpose: 'legal-compliance' }],
  ['ps', { purpose: 'domain-registration', country: 'DE' }],
  ['ps', { purpose: 'services' }],
  ['tw', { purpose: 'newsletters' }],
]

async function seedMix(database: DatabaseHandle): Promise<void> {
  let seed = 7
  // The high bits of the generator: its low bits repeat with a short period.
  const pick = <T>(list: readonly T[]): T => list[((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) >>> 16) % list.length]!
  for (const [operatorId, mix] of Object.entries(SUBJECT_MIX)) {
    for (let i = 0; i < PER_OPERATOR; i++) {
      const subjectId = `${operatorId}-${String(i).padStart(3, '0')}`
      await putSubject(database.db, operatorId, subjectId, {
        kind: pick(mix.kinds),
        status: pick(['active', 'active', 'active', 'active', 'blocked', 'anonymised'] as const),
        relationshipEndedAt: pick([null, null, '2016-12-09T00:00:00Z', '2026-12-01T00:00:00Z']),
        minorUntil: pick([null, null, null, '2030-05-01', '2026-12-10', '2026-12-11']),
        legalCapacity: pick(['full', 'full', 'full', 'none'] as const),
      })
      for (const row of mix.rows) {
        const status = pick(['given', 'given', 'given', 'refused', 'withdrawn', 'withdrawal_pending', 'expired', undefined] as const)
        if (status === undefined) continue
        await putConsent(database.db, operatorId, subjectId, {
          ...row,
          status,
          formId: pick([row.formId, row.formId, row.formId, 'retired-form']),
          formVersion: pick([1, 1, 1, 0]),
          expiresAt: pick([null, null, '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z']),
          withdrawalEffectiveAt: status === 'withdrawal_pending' ? pick(['2026-12-01T00:00:00Z', '2026-12-20T00:00:00Z']) : null,
          byRepresentative: pick([false, true]),
          countries: pick([row.countries ?? [], []]),
        })
      }
    }
  }
}

const idsOf = (ndjson: string) => ndjson.trim().split('\n').map((line) => JSON.parse(line) as { subjectId?: string; summary?: Record<string, unknown> })

describe.each(TEST_DATABASES)('the bulk audience on $name', (target) => {
  let database: DatabaseHandle
  let app: FastifyInstance
  let espKey: string
  let ttcKey: string

  beforeAll(async () => {
    database = await target.open()
    await seedOperators({ db: database.db, clock: () => NOW }, 'policies')
    await seedMix(database)
    app = await buildTestApp(database, { clock: () => NOW })
    espKey = (await issueApiKey(database.db, { operatorId: 'esp', name: 't', permissions: ['decisions'], createdBy: 'test' }, NOW)).token
    ttcKey = (await issueApiKey(database.db, { operatorId: 'ttc', name: 't', permissions: ['decisions'], createdBy: 'test' }, NOW)).token
  })
  afterAll(async () => {
    await app.close()
    await database.close()
  })

  it.each(QUERIES)('%s %j: the SQL audience is exactly the subjects decide() allows', async (operatorId, request) => {
    const index = new DecisionIndex(database.db, operatorId)
    await index.sync()
    const plan = planAudience(index.rules, request, NOW)
    const expected: string[] = []
    for (let i = 0; i < PER_OPERATOR; i++) {
      const subjectId = `${operatorId}-${String(i).padStart(3, '0')}`
      const facts = index.facts(subjectId)!
      if (request.subjectKinds && !request.subjectKinds.includes(facts.kind)) continue
      if (decideWith(index.rules, facts, { subjectId, purpose: request.purpose, channel: request.channel, country: request.country }, NOW.getTime()).allow) expected.push(subjectId)
    }
    let text = ''
    for await (const chunk of streamAudience(database.db, plan, { pageSize: 7, readAhead: 3 })) text += chunk
    const lines = idsOf(text)
    expect(lines.slice(0, -1).map((l) => l.subjectId)).toEqual(expected)
    expect(lines.at(-1)!.summary).toMatchObject({ purpose: request.purpose, count: expected.length, complete: true })
    // The mix is rich enough that each query both admits and excludes someone, save where the policy admits no one:
    // nobody consented to ESP's order messages going abroad (art. 16) — a contract is not a ground for that.
    if (request.purpose !== 'order-notifications' || !request.country) expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(PER_OPERATOR)
  })

  it('streams NDJSON over HTTP: one line per subject, then the summary', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/operators/esp/decisions/bulk', headers: { authorization: `Bearer ${espKey}` }, payload: { purpose: 'advertising', channel: 'sms' } })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8')
    const lines = idsOf(res.body)
    expect(lines.at(-1)).toEqual({ summary: { purpose: 'advertising', channel: 'sms', country: null, count: lines.length - 1, policyVersion: '2025-1', decidedAt: '2026-12-10T05:00:00.000Z', complete: true } })
    expect(lines.slice(0, -1).every((l) => l.subjectId?.startsWith('esp-'))).toBe(true)
  })

  it('ESP-2: marketing without a channel, or through one the purpose does not declare, is a 400 that names the field', async () => {
    const ask = (payload: object) => app.inject({ method: 'POST', url: '/v1/operators/esp/decisions/bulk', headers: { authorization: `Bearer ${espKey}` }, payload })
    const noChannel = await ask({ purpose: 'advertising' })
    expect(noChannel.statusCode).toBe(400)
    expect(noChannel.json().errors).toEqual([{ pointer: '/body/channel', detail: expect.stringContaining('ESP-2') }])
    expect((await ask({ purpose: 'advertising', channel: 'push' })).json().errors[0].pointer).toBe('/body/channel')
    expect((await ask({ purpose: 'profiling' })).json().errors[0].pointer).toBe('/body/purpose')
    expect((await ask({ purpose: 'loyalty', subjectKinds: ['martian'] })).json().errors[0].pointer).toBe('/body/subjectKinds')
  })

  it('401 without a key, 403 for another operator\'s key (tenant isolation)', async () => {
    const url = '/v1/operators/esp/decisions/bulk'
    expect((await app.inject({ method: 'POST', url, payload: { purpose: 'loyalty' } })).statusCode).toBe(401)
    expect((await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${ttcKey}` }, payload: { purpose: 'loyalty' } })).statusCode).toBe(403)
  })
})
