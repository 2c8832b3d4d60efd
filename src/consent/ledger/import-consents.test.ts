import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../audit/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { importConsents, type ImportConsentInput } from './import-consents.ts'
import { addRepresentative, insertSubject, openLedgerFixture, type LedgerFixture } from './ledger-test-support.ts'
import { readConsentState } from './project-consent-state.ts'
import { withdrawConsent } from './withdraw-consent.ts'

// Consents given before Derbes (ESP paper questionnaires, KZK registrations) imported in one transaction.
describe.each(TEST_DATABASES)('importConsents on $name', (target) => {
  let fx: LedgerFixture
  beforeAll(async () => {
    fx = await openLedgerFixture(target)
  })
  afterAll(() => fx.close())

  const paper = (subjectId: string, givenAt: string): ImportConsentInput => ({
    operatorId: 'esp', subjectId, formId: 'app-1', language: 'ru', method: 'paper_signature',
    evidence: { register: 'Q-2025/114' }, givenAt: new Date(givenAt), recordedBy: 'import:crm',
  })

  it('writes ledger rows, state and chained audit entries for every consent, checked like live ones (KZK-1.13 included)', async () => {
    const a = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    const b = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    const parent = await insertSubject(fx.deps, 'kzk', { kind: 'parent' })
    const child = await insertSubject(fx.deps, 'kzk', { kind: 'child', minorUntil: '2031-05-05' })
    await addRepresentative(fx.deps, 'kzk', child, parent, 'parent')
    const { eventIds } = await importConsents(fx.deps, [
      paper(a, '2025-06-01T10:00:00+05:00'),
      { ...paper(b, '2025-07-01T10:00:00+05:00'), formId: 'marketing-messages', method: 'checkbox', channels: { advertising: ['email'] } },
      { operatorId: 'kzk', subjectId: child, formId: 'registration', language: 'kk', method: 'checkbox', givenAt: new Date('2025-09-01T08:00:00+05:00'), givenBy: { representativeId: parent }, recordedBy: 'import:school' },
    ])
    expect(eventIds).toHaveLength(3)
    const events = await fx.database.db.selectFrom('consent_events').selectAll().where('event_id', 'in', eventIds).execute()
    expect(events.map((e) => e.effective_at.toISOString()).sort()).toEqual(['2025-06-01T05:00:00.000Z', '2025-07-01T05:00:00.000Z', '2025-09-01T03:00:00.000Z'])
    expect((await readConsentState(fx.database.db, 'esp', b)).map((s) => `${s.purposeId}/${s.channel}/${s.status}`)).toEqual(['advertising/email/given'])
    expect((await readConsentState(fx.database.db, 'kzk', child)).every((s) => s.byRepresentative && s.status === 'given')).toBe(true)
    const audit = await fx.database.db.selectFrom('audit_entries').select(['action', 'details']).where('subject_id', 'in', [a, b, child]).execute()
    expect(audit.map((e) => e.action)).toEqual(['consent_given', 'consent_given', 'consent_given'])
    expect(audit.every((e) => (e.details as { imported?: boolean }).imported === true)).toBe(true)
    expect((await verifyAuditChain(fx.database.db, 'esp')).ok).toBe(true)
    expect((await verifyAuditChain(fx.database.db, 'kzk')).ok).toBe(true)
  })

  it('reports every problem of the batch with its index and imports nothing', async () => {
    const a = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    const child = await insertSubject(fx.deps, 'kzk', { kind: 'child', minorUntil: '2031-05-05' })
    const before = await fx.database.db.selectFrom('consent_events').select('event_id').execute()
    const error = await importConsents(fx.deps, [
      paper(a, '2025-06-01T10:00:00+05:00'),
      { ...paper(a, '2025-06-01T10:00:00+05:00'), formId: 'no-such-form' },
      paper('no-such-subject', '2025-06-01T10:00:00+05:00'),
      { ...paper(a, '2025-06-01T10:00:00+05:00'), method: 'checkbox' },
      { operatorId: 'kzk', subjectId: child, formId: 'registration', language: 'kk', method: 'checkbox', givenAt: new Date('2025-09-01T08:00:00+05:00'), recordedBy: 'import:school' },
    ]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DerbesError)
    expect((error as DerbesError).errors.map((p) => `${p.pointer} ${p.code}`)).toEqual([
      '/1/formId DERBES_CONSENT_FORM_NOT_FOUND',
      '/2/subjectId DERBES_SUBJECT_NOT_FOUND',
      '/3/method DERBES_CONSENT_METHOD_NOT_ALLOWED',
      '/4/givenBy DERBES_CONSENT_REPRESENTATIVE_REQUIRED',
    ])
    expect(await fx.database.db.selectFrom('consent_events').select('event_id').execute()).toHaveLength(before.length)
  })

  it('does not let an old imported consent overwrite a withdrawal recorded after it', async () => {
    fx.setNow('2026-12-02T10:00:00+05:00')
    const subjectId = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    await importConsents(fx.deps, [{ ...paper(subjectId, '2025-06-01T10:00:00+05:00'), formId: 'marketing-messages', method: 'checkbox' }])
    await withdrawConsent(fx.deps, { operatorId: 'esp', subjectId, formId: 'marketing-messages', via: 'written_application', recordedBy: 'staff:1' })
    fx.setNow('2026-12-03T10:00:00+05:00')
    await importConsents(fx.deps, [{ ...paper(subjectId, '2025-05-01T10:00:00+05:00'), formId: 'marketing-messages', method: 'checkbox' }])
    expect((await readConsentState(fx.database.db, 'esp', subjectId)).every((s) => s.status === 'withdrawn')).toBe(true)
  })

  /** Subjects as plain rows, many at once (an import's consents need no data keys). */
  const manySubjects = async (n: number) => {
    const ids = Array.from({ length: n }, () => randomUUID())
    await fx.database.db.insertInto('subjects').values(ids.map((id) => ({ operator_id: 'esp', subject_id: id, kind: 'client' }))).execute()
    return ids
  }
  const marketing = (subjectId: string, i: number): ImportConsentInput => ({
    operatorId: 'esp', subjectId, formId: 'marketing-messages', language: 'kk', method: 'checkbox', channels: { advertising: ['sms'] },
    evidence: { register: `Q-${i}` }, givenAt: new Date(Date.parse('2025-06-01T05:00:00Z') + i * 1000), recordedBy: 'import:crm',
  })
  const auditSeqs = async () => (await fx.database.db.selectFrom('audit_entries').select('seq').where('operator_id', '=', 'esp').orderBy('seq').execute()).map((r) => Number(r.seq))

  it('ESP-2: imports thousands in chunks, written while the next chunk is built — ledger, state and one unbroken audit chain in input order', async () => {
    const ids = await manySubjects(2300)
    const before = await auditSeqs()
    const { eventIds } = await importConsents(fx.deps, ids.map(marketing))
    expect(new Set(eventIds).size).toBe(2300)
    const events = await fx.database.db.selectFrom('consent_events').select(['event_id', 'subject_id']).where('event_id', 'in', eventIds).execute()
    expect(events).toHaveLength(2300)
    const states = await fx.database.db.selectFrom('consent_state').select(['subject_id', 'channel', 'status']).where('subject_id', 'in', ids).execute()
    expect(states.map((s) => `${s.channel}/${s.status}`)).toEqual(Array(2300).fill('sms/given'))
    const appended = (await auditSeqs()).slice(before.length)
    expect(appended).toEqual(Array.from({ length: 2300 }, (_, i) => before.length + 1 + i))
    const entries = await fx.database.db.selectFrom('audit_entries').select(['seq', 'subject_id', 'details']).where('operator_id', '=', 'esp').where('seq', '>', before.length).orderBy('seq').execute()
    expect(entries.map((e) => e.subject_id)).toEqual(ids)
    expect(entries.map((e) => (e.details as { eventId: string }).eventId)).toEqual(eventIds)
    expect(await verifyAuditChain(fx.database.db, 'esp')).toMatchObject({ ok: true, entries: before.length + 2300 })
  })

  it('keeps in the state the consent given last when one subject appears twice, whatever the input order', async () => {
    const [subjectId] = await manySubjects(1)
    const later = { ...marketing(subjectId!, 2), channels: { advertising: ['sms', 'email'] } }
    const { eventIds } = await importConsents(fx.deps, [later, ...Array.from({ length: 300 }, () => marketing(subjectId!, 1))])
    const states = await fx.database.db.selectFrom('consent_state').select(['channel', 'event_id']).where('subject_id', '=', subjectId!).orderBy('channel').execute()
    expect(states).toEqual([{ channel: 'email', event_id: eventIds[0] }, { channel: 'sms', event_id: eventIds[0] }])
  })

  it('writes nothing when a statement fails after earlier chunks were sent: the import is one transaction', async () => {
    const ids = await manySubjects(1500)
    const counts = async () => ({
      events: (await fx.database.db.selectFrom('consent_events').select('event_id').where('subject_id', 'in', ids).execute()).length,
      audit: (await auditSeqs()).length,
      head: Number((await fx.database.db.selectFrom('audit_heads').select('seq').where('operator_id', '=', 'esp').executeTakeFirstOrThrow()).seq),
    })
    const before = await counts()
    // The state upsert is the last statement queued, after both chunks' ledger and audit rows.
    await sql`create function refuse_state() returns trigger language plpgsql as $$ begin raise exception 'state refused for the test'; end $$`.execute(fx.database.db)
    await sql`create trigger refuse_state before insert on consent_state for each row execute function refuse_state()`.execute(fx.database.db)
    try {
      await expect(importConsents(fx.deps, ids.map(marketing))).rejects.toThrow('state refused for the test')
    } finally {
      await sql`drop trigger refuse_state on consent_state`.execute(fx.database.db)
      await sql`drop function refuse_state()`.execute(fx.database.db)
    }
    expect(await counts()).toEqual({ ...before, events: 0 })
    expect(await verifyAuditChain(fx.database.db, 'esp')).toMatchObject({ ok: true, entries: before.audit })
  })
})
