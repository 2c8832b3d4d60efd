import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { createSmtpTransport, dispatchEmailsOnce, type EmailTransport } from '../notify/email/index.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../notify/email/smtp-test-server.ts'
import { seedOperators } from '../operators/index.ts'
import { loadPolicy } from '../policy/index.ts'
import { getRequest } from './get-request.ts'
import { remindAndEscalate, type ReminderDeps } from './remind-and-escalate.ts'
import { FIXTURE_TIMEOUT_MS, openRequestsFixture, type RequestsFixture } from './requests-test-kit.ts'
import { startRequestReminderJob } from './start-request-reminder-job.ts'
import { submitRequest } from './submit-request.ts'
import { transitionRequest } from './transition-request.ts'

describe.each(TEST_DATABASES)('request reminders and escalation on $name', (target) => {
  let fx: RequestsFixture
  let deps: ReminderDeps
  let smtp: TestSmtpServer
  let transport: EmailTransport
  const MONDAY = '2026-12-07T09:00:00+05:00'
  beforeAll(async () => {
    // Monday 7 December 2026, 09:00 in Almaty.
    fx = await openRequestsFixture(target, MONDAY, { seeds: ['ttc', 'tw', 'esp', 'kzk'] })
    // PS with the address of a responsible person its original does not give (art. 25(2)(10)), as an operator would add it.
    const loaded = loadPolicy(readFileSync(new URL('../../policies/ps.yaml', import.meta.url), 'utf8'), 'policies/ps.yaml')
    if (!loaded.ok) throw new Error('policies/ps.yaml does not load')
    const document = structuredClone(loaded.document)
    document.operator.responsiblePerson = { title: { kk: 'Жауапты тұлға', ru: 'Ответственное лицо', en: 'Responsible person' }, name: 'Д. Ахметова', email: 'dpo@ps.kz' }
    const dir = mkdtempSync(join(tmpdir(), 'derbes-reminders-'))
    try {
      writeFileSync(join(dir, 'ps.yaml'), JSON.stringify(document)) // YAML is a superset of JSON
      await seedOperators({ db: fx.database.db, clock: fx.now }, dir)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    deps = { ...fx.deps, settings: { ...fx.deps.settings, noticeLanguage: { default: 'kk', byOperator: { tw: 'ru', ps: 'en' } } } }
    smtp = await startTestSmtpServer({ refuse: (attempt) => attempt === 1 })
    transport = createSmtpTransport({ url: smtp.url, from: 'Derbes <derbes@example.kz>' })
  }, FIXTURE_TIMEOUT_MS)
  afterAll(async () => {
    transport?.close()
    await smtp?.close()
    await fx?.close()
  })

  const eventsOf = async (requestId: string) =>
    (await fx.database.db.selectFrom('event_outbox').select(['type', 'data']).where('type', 'in', ['request.due_soon', 'request.overdue']).orderBy('seq').execute())
      .filter((e) => (e.data as { requestId: string }).requestId === requestId)
  const notices = async (operatorId: string) =>
    fx.database.db.selectFrom('audit_entries').select(['actor', 'subject_id', 'details']).where('operator_id', '=', operatorId).where('action', '=', 'request_deadlines_notified').orderBy('seq').execute()
  const outbox = (messageId: string) => fx.database.db.selectFrom('email_outbox').selectAll().where('message_id', '=', messageId).executeTakeFirstOrThrow()
  const mailTo = (address: string) => smtp.received.filter((m) => m.rcptTo.includes(address))

  it('TW-9.6: reminds the day before a 3-business-day deadline and escalates after it — each once, by event and by an e-mail in Russian to the operator’s address; a refused send is retried, not lost', async () => {
    const subjectId = await fx.subject('tw', { kind: 'user' })
    const request = await submitRequest(fx.deps, { operatorId: 'tw', kind: 'stop_unlawful_processing', channel: 'post', subject: { subjectId }, requester: { name: 'Азиза Стрейнджер' }, content: { text: 'profile shown to strangers' } }, 'staff:1')
    expect(request.dueOn).toBe('2026-12-10') // 8, 9, 10 December

    // Monday: three business days left, nothing to say.
    expect(await remindAndEscalate(deps)).toEqual({ reminded: [], escalated: [], emails: [] })
    // Wednesday 9 December: one business day left.
    fx.setNow('2026-12-09T09:00:00+05:00')
    const first = await remindAndEscalate(deps)
    expect(first.reminded).toEqual([expect.objectContaining({ type: 'due_soon', requestId: request.requestId, dueOn: '2026-12-10', businessDaysLeft: 1, state: 'in_progress' })])
    // TW-7.1 names a responsible person but no address: the operator's published one (TW-4.5) is told.
    expect(first.emails).toEqual([{ operatorId: 'tw', messageId: expect.any(String), recipient: 'operator_contact', requestIds: [request.requestId] }])
    expect((await remindAndEscalate(deps)).reminded).toEqual([])

    // The SMTP server refuses the first attempt (451): kept and retried after the back-off, then delivered.
    const messageId = first.emails[0]!.messageId!
    expect(await dispatchEmailsOnce({ db: fx.database.db, keys: fx.deps.keys, transport }, fx.now())).toEqual({ sent: 0, retrying: 1, failed: 0 })
    expect(await outbox(messageId)).toMatchObject({ status: 'pending', attempts: 1, purpose: 'request_deadline_notice', request_id: null, subject_id: null, language: 'ru' })
    expect(await dispatchEmailsOnce({ db: fx.database.db, keys: fx.deps.keys, transport }, new Date(fx.now().getTime() + 120_000))).toEqual({ sent: 1, retrying: 0, failed: 0 })
    const [reminder] = mailTo('aziza.astana@gmail.com')
    expect(reminder!.parsed.subject).toMatch(/сроки обращений — просрочено 0, срок подходит 1$/)
    expect(reminder!.parsed.text).toContain(`№ ${request.reference} — Прекращение незаконной обработки; срок 2026-12-10; осталось рабочих дней: 1; состояние: Исполняется`)

    // Thursday 10 December, the last day: not yet overdue.
    fx.setNow('2026-12-10T18:59:00+05:00')
    expect((await remindAndEscalate(deps)).escalated).toEqual([])
    // Friday 11 December: overdue, escalated once.
    fx.setNow('2026-12-11T08:00:00+05:00')
    const late = await remindAndEscalate(deps)
    expect(late.escalated).toEqual([expect.objectContaining({ type: 'overdue', requestId: request.requestId, businessDaysLeft: -1 })])
    expect((await remindAndEscalate(deps)).escalated).toEqual([])
    await dispatchEmailsOnce({ db: fx.database.db, keys: fx.deps.keys, transport }, fx.now())
    const escalation = mailTo('aziza.astana@gmail.com')[1]!
    expect(escalation.parsed.text).toContain('Просрочены — обращения без ответа:')
    expect(escalation.parsed.text).toContain(`№ ${request.reference} — Прекращение незаконной обработки; срок 2026-12-10; просрочено рабочих дней: 1`)

    expect((await eventsOf(request.requestId)).map((e) => e.type)).toEqual(['request.due_soon', 'request.overdue'])
    const view = await getRequest(fx.deps, 'tw', request.requestId)
    expect(view).toMatchObject({ overdue: true, businessDaysLeft: -1, remindedAt: '2026-12-09T04:00:00.000Z', escalatedAt: '2026-12-11T03:00:00.000Z' })
    // Audited with the message and the requests; e-mails sent audited by the dispatcher.
    const audit = await notices('tw')
    expect(audit.map((a) => a.details)).toEqual([
      { recipient: 'operator_contact', messageId, language: 'ru', overdue: [], dueSoon: [{ requestId: request.requestId, reference: request.reference }] },
      { recipient: 'operator_contact', messageId: late.emails[0]!.messageId, language: 'ru', overdue: [{ requestId: request.requestId, reference: request.reference }], dueSoon: [] },
    ])
    expect(audit[0]).toMatchObject({ actor: 'system:request-reminders', subject_id: null })
    // No personal data in the mails, the events or the audit: not the requester's name, not the complaint's words.
    const everything = JSON.stringify([await eventsOf(request.requestId), audit, reminder!.parsed.text, escalation.parsed.text, reminder!.parsed.subject])
    for (const secret of ['strangers', 'Стрейнджер', subjectId]) expect(everything.replace(/"subjectId":"[^"]*"/g, '')).not.toContain(secret)
    fx.setNow(MONDAY)
  })

  it('one e-mail per operator lists every request due soon or overdue; the responsible person’s own address when the policy names it, in the operator’s language', async () => {
    const a = await submitRequest(fx.deps, { operatorId: 'ps', kind: 'information', channel: 'written', requester: { email: 'one@example.kz' } }, 'staff:1')
    const b = await submitRequest(fx.deps, { operatorId: 'ps', kind: 'destroy_unlawful', channel: 'written', requester: { email: 'two@example.kz' } }, 'staff:1')
    expect(b.dueOn).toBe('2026-12-08') // art. 25(2)(8): 1 business day
    fx.setNow('2026-12-09T09:00:00+05:00')
    const pass = await remindAndEscalate(deps)
    const ps = pass.emails.filter((e) => e.operatorId === 'ps')
    expect(ps).toEqual([{ operatorId: 'ps', messageId: expect.any(String), recipient: 'responsible_person', requestIds: expect.arrayContaining([b.requestId]) }])
    await dispatchEmailsOnce({ db: fx.database.db, keys: fx.deps.keys, transport }, new Date(fx.now().getTime() + 3_600_000))
    await dispatchEmailsOnce({ db: fx.database.db, keys: fx.deps.keys, transport }, new Date(fx.now().getTime() + 7_200_000))
    const [mail] = mailTo('dpo@ps.kz')
    expect(mail!.parsed.subject).toMatch(/request deadlines — 1 overdue, \d+ due soon$/)
    expect(mail!.parsed.text).toContain(`${b.reference} — Destroying unlawfully processed data; due 2026-12-08; 1 business day(s) overdue; state: In progress`)
    expect(mail!.parsed.text).not.toContain('example.kz')
    expect(a.requestId).not.toBe(b.requestId)
    fx.setNow(MONDAY)
  })

  it('ESP-9: a request waiting for identity proof is escalated too — visibly waiting, not silently late; ESP names no address, so the notice is audited with no recipient', async () => {
    const request = await submitRequest(fx.deps, { operatorId: 'esp', kind: 'information', channel: 'written', requester: { name: 'Гүлнар' } }, 'staff:1')
    expect(request).toMatchObject({ state: 'verifying', dueOn: '2026-12-10' })
    fx.setNow('2026-12-11T09:00:00+05:00')
    const warned: unknown[] = []
    const { escalated, emails } = await remindAndEscalate({ ...deps, log: { error: () => undefined, warn: (details) => void warned.push(details) } })
    expect(escalated).toContainEqual(expect.objectContaining({ requestId: request.requestId, state: 'verifying', waitingFor: ['identity_proof'] }))
    expect(emails).toContainEqual({ operatorId: 'esp', messageId: null, recipient: null, requestIds: expect.arrayContaining([request.requestId]) })
    expect(warned).toContainEqual(expect.objectContaining({ operatorId: 'esp' }))
    expect((await notices('esp')).at(-1)!.details).toMatchObject({ recipient: null, messageId: null, overdue: expect.arrayContaining([{ requestId: request.requestId, reference: request.reference }]) })
    fx.setNow(MONDAY)
  })

  it('KZK-7.1: a closed request is never reminded; an open complaint is escalated to the operator’s address (KZK-8.2) in Kazakh', async () => {
    const answered = await submitRequest(fx.deps, { operatorId: 'kzk', kind: 'complaint', channel: 'email', requester: { email: 'p@example.kz' }, content: { text: 'canteen' } }, 'staff:1')
    await fx.database.db.transaction().execute((trx) => transitionRequest(trx, fx.deps, { operatorId: 'kzk', requestId: answered.requestId, to: 'answered', actor: 'staff:1' }))
    const open = await submitRequest(fx.deps, { operatorId: 'kzk', kind: 'complaint', channel: 'email', requester: { email: 'q@example.kz' }, content: { text: 'library' } }, 'staff:1')
    fx.setNow('2026-12-31T09:00:00+05:00')
    const result = await remindAndEscalate(deps)
    const ids = result.escalated.map((n) => n.requestId)
    expect(ids).toContain(open.requestId)
    expect(ids).not.toContain(answered.requestId)
    const kzk = result.emails.find((e) => e.operatorId === 'kzk')!
    expect(kzk).toMatchObject({ recipient: 'operator_contact', requestIds: [open.requestId] })
    expect(await outbox(kzk.messageId!)).toMatchObject({ language: 'kk', status: 'pending' })
    fx.setNow(MONDAY)
  })

  it('startRequestReminderJob runs a pass at once and stops cleanly', async () => {
    const request = await submitRequest(fx.deps, { operatorId: 'ttc', kind: 'rectify', channel: 'post', requester: { name: 'x' }, receivedAt: '2026-12-02T10:00:00+05:00', content: { items: [{ itemId: 'full-name', value: 'y', documents: [{ sha256: 'a'.repeat(64) }] }] } }, 'staff:1')
    expect(request.overdue).toBe(true)
    const job = startRequestReminderJob({ ...deps, log: { error: () => undefined } }, { intervalMs: 3_600_000 })
    await job.stop()
    expect((await eventsOf(request.requestId)).map((e) => e.type)).toEqual(['request.overdue'])
    expect((await notices('ttc')).at(-1)!.details).toMatchObject({ recipient: 'operator_contact', overdue: [{ requestId: request.requestId, reference: request.reference }] })
  })
})
