import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadConfig } from '../../config/index.ts'
import type { DatabaseHandle } from '../../db/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import type { MemoryKeyProvider } from '../../subjects/crypto/index.ts'
import { createSmtpTransport } from './email-transport.ts'
import { enqueueEmail } from './enqueue-email.ts'
import { KAZAKH_SUBJECT, answerEmail, kazakhPdf, seedEmailOperator } from './email-test-kit.ts'
import { startTestSmtpServer } from './smtp-test-server.ts'
import { startConfiguredEmail } from './start-configured-email.ts'

const recordingLog = () => {
  const lines: { level: 'warn' | 'error'; message: string }[] = []
  return { lines, warn: (_: object, message: string) => lines.push({ level: 'warn', message }), error: (_: object, message: string) => lines.push({ level: 'error', message }) }
}

describe('SMTP settings', () => {
  it('come from DERBES_SMTP_URL and DERBES_SMTP_FROM; another scheme is refused at start-up', () => {
    const config = loadConfig({ env: { DERBES_SMTP_URL: 'smtp://derbes:s%40cret@mail.esperance.kz:587', DERBES_SMTP_FROM: 'ТОО «ЭСПЕРАНС-РК» <privacy@esperance.kz>' } })
    expect(config).toMatchObject({ smtpUrl: 'smtp://derbes:s%40cret@mail.esperance.kz:587', smtpFrom: 'ТОО «ЭСПЕРАНС-РК» <privacy@esperance.kz>', emailDispatchIntervalMs: 5_000, emailMaxAttempts: 10 })
    expect(() => loadConfig({ env: { DERBES_SMTP_URL: 'http://mail.esperance.kz' } })).toThrow(/smtpUrl/)
  })

  it('an SMTP URL without a From address, or not smtp(s)://, is a configuration error', () => {
    expect(() => createSmtpTransport({ url: 'smtp://mail.esperance.kz:587', from: ' ' })).toThrow(expect.objectContaining({ code: 'DERBES_CONFIG_INVALID' }))
    expect(() => createSmtpTransport({ url: 'imap://mail.esperance.kz', from: 'a@b.kz' })).toThrow(expect.objectContaining({ code: 'DERBES_CONFIG_INVALID' }))
  })
})

describe.each(TEST_DATABASES)('derbes serve\'s e-mail on $name', (target) => {
  let database: DatabaseHandle
  let keys: MemoryKeyProvider
  beforeEach(async () => {
    database = await target.open()
    ;({ keys } = await seedEmailOperator(database.db))
  })
  afterEach(() => database?.close())

  it('without DERBES_SMTP_URL sends nothing, keeps the mail in the outbox, and says so once', async () => {
    await enqueueEmail(database.db, { keys, clock: () => new Date(Date.now() - 1_000) }, answerEmail(await kazakhPdf()))
    const log = recordingLog()
    const emails = startConfiguredEmail({ db: database.db, keys, log }, { emailDispatchIntervalMs: 10, emailMaxAttempts: 10 })
    await emails.stop()
    expect(log.lines).toEqual([{ level: 'warn', message: expect.stringContaining('DERBES_SMTP_URL is not set') }])
    expect(await database.db.selectFrom('email_outbox').select(['status', 'attempts']).execute()).toEqual([{ status: 'pending', attempts: 0 }])
  })

  it('with DERBES_SMTP_URL runs the dispatcher until stopped, sending what is queued', async () => {
    const server = await startTestSmtpServer()
    try {
      const log = recordingLog()
      const emails = startConfiguredEmail({ db: database.db, keys, log }, { smtpUrl: server.url, smtpFrom: 'privacy@esperance.kz', emailDispatchIntervalMs: 10, emailMaxAttempts: 10 })
      try {
        // Queued a moment ago by the wall clock, which the running dispatcher reads.
        await enqueueEmail(database.db, { keys, clock: () => new Date(Date.now() - 1_000) }, answerEmail(await kazakhPdf()))
        await vi.waitFor(() => expect(server.received).toHaveLength(1), { timeout: 20_000, interval: 50 })
      } finally {
        await emails.stop()
      }
      expect(server.received[0]!.parsed.subject).toBe(KAZAKH_SUBJECT)
      expect(log.lines).toEqual([])
    } finally {
      await server.close()
    }
  })
})
