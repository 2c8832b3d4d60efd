import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { blindIndexFor, type MemoryKeyProvider } from '../../subjects/crypto/index.ts'
import { claimDueEmails, dispatchEmailsOnce, DEFAULT_EMAIL_SETTINGS, messageIdHeader, recordEmailOutcome } from './dispatch-emails-once.ts'
import { enqueueEmail } from './enqueue-email.ts'
import { createSmtpTransport, type EmailTransport } from './email-transport.ts'
import { retryEmail } from './email-status.ts'
import { KAZAKH_SUBJECT, KAZAKH_TEXT, T0, answerEmail, kazakhPdf, seedEmailOperator } from './email-test-kit.ts'
import { startTestSmtpServer, type TestSmtpServer } from './smtp-test-server.ts'

const later = (ms: number) => new Date(T0.getTime() + ms)

describe.each(TEST_DATABASES)('e-mail over SMTP on $name', (target) => {
  let database: DatabaseHandle
  let keys: MemoryKeyProvider
  let clock: () => Date
  const servers: TestSmtpServer[] = []
  const transports: EmailTransport[] = []

  beforeEach(async () => {
    database = await target.open()
    ;({ keys, clock } = await seedEmailOperator(database.db))
  })
  afterEach(async () => {
    for (const transport of transports.splice(0)) transport.close()
    for (const server of servers.splice(0)) await server.close()
    await database?.close()
  })

  async function smtp(options: Parameters<typeof startTestSmtpServer>[0] = {}) {
    const server = await startTestSmtpServer(options)
    servers.push(server)
    const transport = createSmtpTransport({ url: server.url, from: '«ЭСПЕРАНС-РК» ЖШС <privacy@esperance.kz>' })
    transports.push(transport)
    return { server, transport }
  }
  const enqueue = async (overrides: Parameters<typeof answerEmail>[1] = {}) =>
    database.db.transaction().execute((trx) => enqueueEmail(trx, { keys, clock }, answerEmail(pdf, overrides)))
  const row = (messageId: string) => database.db.selectFrom('email_outbox').selectAll().where('message_id', '=', messageId).executeTakeFirstOrThrow()
  let pdf: Buffer
  beforeEach(async () => {
    pdf ??= await kazakhPdf()
  })

  it('delivers a UTF-8 subject and body with ә ғ қ ң ө ұ ү һ і, the HTML, and the PDF and CSV byte for byte, authenticated as the URL says', async () => {
    const { server, transport } = await smtp()
    const messageId = await enqueue()
    expect(await dispatchEmailsOnce({ db: database.db, keys, transport }, T0)).toEqual({ sent: 1, retrying: 0, failed: 0 })
    expect(server.received).toHaveLength(1)
    const [mail] = server.received
    expect(mail!.user).toBe('user')
    expect(mail!.rcptTo).toEqual(['shahizada@mail.kz'])
    expect(mail!.parsed.subject).toBe(KAZAKH_SUBJECT)
    expect(mail!.parsed.text?.trim()).toBe(KAZAKH_TEXT)
    expect(mail!.parsed.html).toContain('Құрметті Шаһизада Әуезқызы!')
    expect(mail!.parsed.from?.value).toEqual([{ name: '«ЭСПЕРАНС-РК» ЖШС', address: 'privacy@esperance.kz' }])
    expect(mail!.parsed.messageId).toBe(messageIdHeader({ operator_id: 'esp', message_id: messageId }))
    const [pdfPart, csvPart] = mail!.parsed.attachments
    expect(pdfPart).toMatchObject({ filename: 'ESP-2026-000123.pdf', contentType: 'application/pdf' })
    expect(pdfPart!.content.equals(pdf)).toBe(true)
    expect(csvPart!.filename).toBe('ESP-2026-000123.csv')
    expect(csvPart!.content.toString('utf8')).toBe('\uFEFFsource_system,table,item,value,collected_at\r\nderbes,vault_items,full-name,Шаһизада,\r\n')
  })

  it('keeps the content only sealed while waiting, and wipes it once sent: blind index, sent_at, SMTP ids, an audit entry and an email.sent event remain', async () => {
    const { transport } = await smtp()
    const messageId = await enqueue()
    const waiting = await row(messageId)
    const stored = JSON.stringify(waiting)
    for (const secret of ['shahizada', 'Шаһизада', 'өтінішке', 'ESP-2026-000123.pdf', pdf.subarray(0, 64).toString('base64')]) expect(stored).not.toContain(secret)
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0, purpose: 'request_answer', language: 'kk', subject_id: 'subject-1', request_id: 'request-1' })
    expect(waiting.sealed).toMatch(/^v1\./)
    expect(waiting.recipient_index).toBe(await blindIndexFor(keys, 'esp', 'email', 'Shahizada@Mail.kz'))

    await dispatchEmailsOnce({ db: database.db, keys, transport }, later(5_000))
    const sent = await row(messageId)
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, sealed: null, wrapped_key: null, key_id: null, last_error: null, next_attempt_at: null })
    expect(new Date(sent.sent_at!).toISOString()).toBe(later(5_000).toISOString())
    expect(sent.smtp_message_id).toBe(`<${messageId}@esp.derbes>`)
    expect(sent.smtp_response).toMatch(/^250 .*queued as test-1/)
    expect(sent.recipient_index).toBe(waiting.recipient_index)

    const audit = await database.db.selectFrom('audit_entries').select(['action', 'subject_id', 'details']).where('operator_id', '=', 'esp').execute()
    expect(audit).toEqual([{ action: 'email_sent', subject_id: 'subject-1', details: expect.objectContaining({ messageId, purpose: 'request_answer', requestId: 'request-1', smtpMessageId: sent.smtp_message_id }) }])
    expect(JSON.stringify(audit)).not.toContain('shahizada')
    const events = await database.db.selectFrom('event_outbox').select(['type', 'data']).where('operator_id', '=', 'esp').execute()
    expect(events).toEqual([{ type: 'email.sent', data: { messageId, purpose: 'request_answer', requestId: 'request-1', attempts: 1 } }])
  })

  it('retries after the server refused once (451), keeping its reply without the address, waiting out the back-off, and sends it then', async () => {
    const { server, transport } = await smtp({ refuse: (attempt) => attempt === 1 })
    const deps = { db: database.db, keys, transport }
    const messageId = await enqueue()
    expect(await dispatchEmailsOnce(deps, T0)).toEqual({ sent: 0, retrying: 1, failed: 0 })
    const refused = await row(messageId)
    expect(refused).toMatchObject({ status: 'pending', attempts: 1, sent_at: null })
    expect(refused.last_error).toMatch(/^451 .*mailbox <<recipient>> is busy/)
    expect(refused.last_error).not.toContain('shahizada')
    expect(refused.sealed).not.toBeNull()
    expect(new Date(refused.next_attempt_at!).toISOString()).toBe(later(DEFAULT_EMAIL_SETTINGS.backoffMs[0]!).toISOString())

    expect(await dispatchEmailsOnce(deps, later(30_000))).toEqual({ sent: 0, retrying: 0, failed: 0 })
    expect(await dispatchEmailsOnce(deps, later(60_000))).toEqual({ sent: 1, retrying: 0, failed: 0 })
    expect(server.attempts()).toBe(2)
    expect(server.received).toHaveLength(1)
    expect(server.received[0]!.parsed.subject).toBe(KAZAKH_SUBJECT)
    expect(await row(messageId)).toMatchObject({ status: 'sent', attempts: 2, sealed: null })
  })

  it('never loses a message: with the server unreachable the failure is recorded, after the last attempt it is failed and announced, and a retry sends it', async () => {
    const gone = await startTestSmtpServer()
    await gone.close()
    const unreachable = createSmtpTransport({ url: gone.url, from: 'privacy@esperance.kz' })
    transports.push(unreachable)
    const settings = { ...DEFAULT_EMAIL_SETTINGS, maxAttempts: 2, backoffMs: [1_000] }
    const messageId = await enqueue()
    expect(await dispatchEmailsOnce({ db: database.db, keys, transport: unreachable }, T0, settings)).toEqual({ sent: 0, retrying: 1, failed: 0 })
    expect((await row(messageId)).last_error).toMatch(/ECONNREFUSED|connect/i)
    expect(await dispatchEmailsOnce({ db: database.db, keys, transport: unreachable }, later(1_000), settings)).toEqual({ sent: 0, retrying: 0, failed: 1 })
    const failed = await row(messageId)
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, next_attempt_at: null })
    expect(failed.sealed).not.toBeNull()
    const events = await database.db.selectFrom('event_outbox').select(['type', 'data']).execute()
    expect(events).toEqual([{ type: 'email.failed', data: { messageId, purpose: 'request_answer', requestId: 'request-1', attempts: 2 } }])
    // Failed stays failed until someone acts:
    expect(await dispatchEmailsOnce({ db: database.db, keys, transport: unreachable }, later(86_400_000), settings)).toEqual({ sent: 0, retrying: 0, failed: 0 })

    const { server, transport } = await smtp()
    expect(await retryEmail(database.db, 'esp', messageId, later(90_000_000))).toMatchObject({ status: 'pending', attempts: 0 })
    expect(await dispatchEmailsOnce({ db: database.db, keys, transport }, later(90_000_000), settings)).toEqual({ sent: 1, retrying: 0, failed: 0 })
    expect(server.received[0]!.parsed.attachments[0]!.content.equals(pdf)).toBe(true)
    await expect(retryEmail(database.db, 'esp', messageId, later(90_000_000))).rejects.toMatchObject({ code: 'DERBES_EMAIL_ALREADY_SENT' })
    await expect(retryEmail(database.db, 'esp', 'no-such-message', T0)).rejects.toMatchObject({ code: 'DERBES_EMAIL_NOT_FOUND' })
  })

  it('sends each message once when two dispatchers race for the same outbox', async () => {
    const { server, transport: first } = await smtp({ delayMs: 20 })
    const second = createSmtpTransport({ url: server.url, from: 'privacy@esperance.kz' })
    transports.push(second)
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => enqueue({ to: `subject${i}@mail.kz`, subjectId: `subject-${i}` })))
    const settings = { ...DEFAULT_EMAIL_SETTINGS, batchSize: 2 }
    for (let pass = 0; pass < 10; pass++) {
      const results = await Promise.all([
        dispatchEmailsOnce({ db: database.db, keys, transport: first }, T0, settings),
        dispatchEmailsOnce({ db: database.db, keys, transport: second }, T0, settings),
      ])
      if (results.every((r) => r.sent + r.retrying + r.failed === 0)) break
    }
    expect(server.received).toHaveLength(8)
    expect(new Set(server.received.map((m) => m.parsed.messageId)).size).toBe(8)
    expect(server.received.map((m) => m.rcptTo[0]).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `subject${i}@mail.kz`).sort())
    const rows = await database.db.selectFrom('email_outbox').select(['message_id', 'status', 'attempts']).execute()
    expect(rows.map((r) => r.message_id).sort()).toEqual([...ids].sort())
    for (const r of rows) expect(r).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('sends again a message whose sender died mid-attempt once its lease runs out; the dead attempt\'s late outcome changes nothing', async () => {
    const { server, transport } = await smtp()
    const messageId = await enqueue()
    const [dead] = await claimDueEmails(database.db, T0, DEFAULT_EMAIL_SETTINGS)
    expect(dead).toMatchObject({ message_id: messageId, attempts: 1 })
    expect(await dispatchEmailsOnce({ db: database.db, keys, transport }, later(60_000))).toEqual({ sent: 0, retrying: 0, failed: 0 })
    expect(await dispatchEmailsOnce({ db: database.db, keys, transport }, later(DEFAULT_EMAIL_SETTINGS.leaseMs))).toEqual({ sent: 1, retrying: 0, failed: 0 })
    expect(server.received).toHaveLength(1)
    const sent = await row(messageId)
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 })
    expect(await recordEmailOutcome(database.db, dead!, { ok: false, error: 'timed out' }, later(DEFAULT_EMAIL_SETTINGS.leaseMs + 1), DEFAULT_EMAIL_SETTINGS)).toBe('lost_lease')
    expect(await row(messageId)).toEqual(sent)
  })

  it('queues nothing when the change that caused it rolls back', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueueEmail(trx, { keys, clock }, answerEmail(pdf))
        throw new Error('the answer could not be recorded')
      }),
    ).rejects.toThrow('the answer could not be recorded')
    expect(await database.db.selectFrom('email_outbox').select('message_id').execute()).toEqual([])
  })

  it('refuses bad input naming each field, and writes nothing', async () => {
    const attempt = enqueue({
      to: 'Шаһизада <shahizada@mail.kz>',
      subjectLine: 'Жауап\r\nBcc: everyone@example.com',
      purpose: 'Request Answer',
      attachments: [{ filename: '../../etc/passwd', contentType: 'pdf', content: pdf }],
    })
    await expect(attempt).rejects.toMatchObject({ code: 'DERBES_VALIDATION' })
    const error = (await attempt.catch((e: unknown) => e)) as { errors: { pointer: string }[] }
    expect(error.errors.map((e) => e.pointer).sort()).toEqual(['/attachments/0/contentType', '/attachments/0/filename', '/purpose', '/subjectLine', '/to'])
    expect(await database.db.selectFrom('email_outbox').select('message_id').execute()).toEqual([])
  })
})
