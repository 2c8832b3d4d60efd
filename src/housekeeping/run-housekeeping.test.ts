import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureDemoAccess } from '../access/index.ts'
import { openSession } from '../access/staff-sessions.ts'
import { verifyAuditChain } from '../audit/index.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { fanOutEvents } from '../notify/fan-out-events.ts'
import { enqueueEvent, sequenceOutbox } from '../notify/index.ts'
import { seedOperators } from '../operators/index.ts'
import { MemoryKeyProvider } from '../subjects/crypto/index.ts'
import { registerSubject } from '../subjects/index.ts'
import { DEFAULT_HOUSEKEEPING_PERIODS } from './housekeeping-periods.ts'
import { pruneOperator, runHousekeeping } from './run-housekeeping.ts'

const DAY = 86_400_000
const T0 = new Date('2026-01-10T09:00:00+05:00')
const at = (days: number) => new Date(T0.getTime() + days * DAY)

describe.each(TEST_DATABASES)('housekeeping on $name', (target) => {
  let database: DatabaseHandle
  let now = T0
  const clock = () => now
  const keys = new MemoryKeyProvider()
  const deps = () => ({ db: database.db, clock })
  let subjectId: string
  let staffId: string

  beforeAll(async () => {
    database = await target.open()
    await seedOperators({ db: database.db, clock }, 'policies')
    await ensureDemoAccess({ db: database.db, clock }, 'ttc')
    staffId = (await database.db.selectFrom('staff_users').select('staff_id').where('operator_id', '=', 'ttc').executeTakeFirstOrThrow()).staff_id
    subjectId = (await registerSubject({ db: database.db, clock, keys }, { operatorId: 'ttc', kind: 'subscriber' }, 'staff:test')).subjectId
  })
  afterAll(() => database.close())

  const count = async (table: string, where = sql`true`) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where operator_id = 'ttc' and ${where}`.execute(database.db)).rows[0]!.n

  async function codeRows(created: Date) {
    const expires = new Date(created.getTime() + 10 * 60_000)
    const challengeId = randomUUID()
    await database.db.insertInto('portal_sign_in_codes').values({
      operator_id: 'ttc', challenge_id: challengeId, identifier_kind: 'phone', identifier_index: 'ix', subject_id: subjectId, language: 'kk', code_hmac: 'h', created_at: created, expires_at: expires, consumed_at: created,
    }).execute()
    await database.db.insertInto('portal_sessions').values({
      operator_id: 'ttc', session_id: randomUUID(), subject_id: subjectId, secret_hash: 's', challenge_id: challengeId, identifier_kind: 'phone', language: 'kk', created_at: created, last_seen_at: created, expires_at: new Date(created.getTime() + 3_600_000), ended_at: null,
    }).execute()
    await database.db.insertInto('sms_challenges').values({
      operator_id: 'ttc', challenge_id: challengeId, subject_id: subjectId, phone_index: 'ix', phone_sealed: 'sealed', form_id: 'f', form_version: 1, language: 'ru', text_hash: 't', code_hmac: 'h', created_at: created, expires_at: expires,
    }).execute()
    await database.db.insertInto('sms_outbox').values({
      operator_id: 'ttc', message_id: randomUUID(), subject_id: subjectId, challenge_id: challengeId, language: 'ru', sealed: 'sealed', created_at: created, expires_at: expires,
    }).execute()
    await addressTake(created)
  }

  const addressTake = (takenAt: Date) => database.db.insertInto('portal_address_takes').values({ operator_id: 'ttc', counter: 'sign_in_codes', address_key: 'k', taken_at: takenAt }).execute()

  async function email(purpose: string, created: Date, sent: boolean) {
    await database.db.insertInto('email_outbox').values({
      operator_id: 'ttc', message_id: randomUUID(), purpose, language: 'kk', subject_id: null, request_id: null, recipient_index: 'r',
      status: sent ? 'sent' : 'pending', key_id: sent ? null : 'k', wrapped_key: sent ? null : 'w', sealed: sent ? null : 's', created_at: created, sent_at: sent ? created : null,
    }).execute()
  }

  it('removes sessions, codes, address takes, sign-in mail, notices, deliveries and events only once past keeping, keeps the rest, and audits the counts in the operator chain', async () => {
    // Old: a staff session that expired on day 0, a portal session, a code with its SMS, mail of day 0, and
    // two events of day 0 (the subject's registration and a block) that the webhook fan-out has passed.
    await openSession(database.db, 'ttc', staffId, 'active', T0)
    await codeRows(T0)
    await email('portal_sign_in_code', T0, false)
    await email('request_deadline_notice', T0, true)
    await email('request_answer', T0, true)
    const oldEvent = await enqueueEvent(database.db, { operatorId: 'ttc', type: 'subject.blocked', subjectId, occurredAt: T0 })
    await sequenceOutbox(database.db)
    await fanOutEvents(database.db, T0)
    // Recent: the same, 400 days later.
    const recent = at(400)
    await openSession(database.db, 'ttc', staffId, 'active', recent)
    await codeRows(recent)
    await email('portal_sign_in_code', recent, false)
    await email('request_deadline_notice', recent, true)
    const recentEvent = await enqueueEvent(database.db, { operatorId: 'ttc', type: 'subject.blocked', subjectId, occurredAt: recent })
    await sequenceOutbox(database.db)
    await fanOutEvents(database.db, recent)

    now = at(400.5)
    // Counted still: a take of half an hour ago (an hour is what the portal counts over).
    await addressTake(new Date(now.getTime() - 1_800_000))
    const before = { staff: await count('staff_sessions'), events: await count('event_outbox') }
    const dry = await pruneOperator(deps(), 'ttc', DEFAULT_HOUSEKEEPING_PERIODS, { actor: 'test', dryRun: true })
    expect(dry.counts).toEqual({
      staffSessions: 1, portalSessions: 1, signInCodes: 1, addressTakes: 2, signInEmails: 1, smsChallenges: 1, smsMessages: 1, deadlineNotices: 1, webhookDeliveries: 0, events: 2,
    })
    expect({ staff: await count('staff_sessions'), events: await count('event_outbox') }).toEqual(before)

    const done = await pruneOperator(deps(), 'ttc', DEFAULT_HOUSEKEEPING_PERIODS, { actor: 'test' })
    expect(done.counts).toEqual(dry.counts)
    expect(done.total).toBe(11)
    // What is left is the recent half, and the request answer kept as proof of the answer (art. 25).
    expect(await count('staff_sessions')).toBe(1)
    expect(await count('portal_sessions')).toBe(1)
    expect(await count('portal_sign_in_codes')).toBe(1)
    expect(await count('portal_address_takes')).toBe(1)
    expect(await count('sms_challenges')).toBe(1)
    expect(await count('sms_outbox')).toBe(1)
    expect(await count('email_outbox', sql`purpose = 'request_answer'`)).toBe(1)
    expect(await count('email_outbox', sql`purpose <> 'request_answer'`)).toBe(2)
    expect(await count('event_outbox', sql`event_id = ${oldEvent}`)).toBe(0)
    expect(await count('event_outbox', sql`event_id = ${recentEvent}`)).toBe(1)

    const entry = await database.db.selectFrom('audit_entries').select(['action', 'actor', 'subject_id', 'details']).where('operator_id', '=', 'ttc').orderBy('seq', 'desc').executeTakeFirstOrThrow()
    expect(entry).toMatchObject({ action: 'housekeeping_pruned', actor: 'test', subject_id: null, details: { counts: done.counts, periods: DEFAULT_HOUSEKEEPING_PERIODS } })
    expect((await verifyAuditChain(database.db, 'ttc')).ok).toBe(true)

    // Nothing left past keeping: a second pass removes nothing and records nothing.
    const seq = await count('audit_entries')
    expect((await pruneOperator(deps(), 'ttc', DEFAULT_HOUSEKEEPING_PERIODS, { actor: 'test' })).total).toBe(0)
    expect(await count('audit_entries')).toBe(seq)
  })

  it('keeps an old event a consumer has not passed, and one whose delivery failed (staff may send it again); a delivered delivery goes, then its event', async () => {
    now = at(800)
    await database.db.insertInto('webhook_endpoints').values({
      operator_id: 'ttc', webhook_id: 'wh_test', url: 'http://127.0.0.1:9/hook', event_types: sql`null`, secret_key_id: 'k', wrapped_secret: 'w', created_at: at(700), created_by: 'test',
    }).execute()
    const failed = await enqueueEvent(database.db, { operatorId: 'ttc', type: 'subject.blocked', subjectId, occurredAt: at(700) })
    const delivered = await enqueueEvent(database.db, { operatorId: 'ttc', type: 'subject.blocked', subjectId, occurredAt: at(700) })
    await sequenceOutbox(database.db)
    await fanOutEvents(database.db, at(700))
    const deliveries = database.db.updateTable('webhook_deliveries').where('operator_id', '=', 'ttc')
    await deliveries.set({ status: 'failed', attempts: 10 }).where('event_id', '=', failed).execute()
    await deliveries.set({ status: 'delivered', attempts: 1, delivered_at: at(700) }).where('event_id', '=', delivered).execute()
    // A NATS sink that stopped before these events: its cursor holds every event back.
    await database.db.insertInto('event_cursors').values({ name: 'nats:stopped', position: 0 }).execute()

    const held = await pruneOperator(deps(), 'ttc', DEFAULT_HOUSEKEEPING_PERIODS, { actor: 'test' })
    expect(held.counts).toMatchObject({ webhookDeliveries: 1, events: 0 })
    expect(await count('event_outbox', sql`event_id in (${failed}, ${delivered})`)).toBe(2)

    await database.db.deleteFrom('event_cursors').where('name', '=', 'nats:stopped').execute()
    const events = await count('event_outbox')
    const outcome = await runHousekeeping(deps(), DEFAULT_HOUSEKEEPING_PERIODS, { actor: 'test', operatorIds: ['ttc'] })
    expect(outcome.failures).toEqual([])
    expect(outcome.outcomes[0]!.counts.webhookDeliveries).toBe(0)
    expect(outcome.outcomes[0]!.counts.events).toBe(events - (await count('event_outbox')))
    expect(await count('event_outbox', sql`event_id = ${delivered}`)).toBe(0)
    expect(await count('event_outbox', sql`event_id = ${failed}`)).toBe(1)
    expect(await count('webhook_deliveries', sql`event_id = ${failed} and status = 'failed'`)).toBe(1)
  })
})
