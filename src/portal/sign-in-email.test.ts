import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { createSmtpTransport, dispatchEmailsOnce, type EmailTransport } from '../notify/email/index.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../notify/email/smtp-test-server.ts'
import { openPortalFixture, type PortalFixture } from './portal-test-kit.ts'

describe.each(TEST_DATABASES)('portal sign-in by e-mail, over a real SMTP server, on $name', (target) => {
  let fx: PortalFixture
  let server: TestSmtpServer
  let transport: EmailTransport
  beforeAll(async () => {
    fx = await openPortalFixture(target)
    server = await startTestSmtpServer()
    transport = createSmtpTransport({ url: server.url, from: 'Kezekshi <no-reply@kezekshi.kz>' })
  })
  afterAll(async () => {
    transport.close()
    await server.close()
    await fx.close()
  })

  const deliver = () => dispatchEmailsOnce({ db: fx.deps.db, keys: fx.deps.keys, transport }, fx.now())

  it('issue 4 item 2: a code to the registered e-mail, in Kazakh, delivered by SMTP; the outbox keeps neither address nor code once sent', async () => {
    const subjectId = await fx.subject('kzk', { kind: 'parent', birthDate: '1985-04-04', identifiers: [{ kind: 'email', value: 'Asel.N@mail.kz' }] })
    const asked = await fx.askCode('kzk', { kind: 'email', value: ' asel.n@MAIL.kz ' }, 'kk')
    expect(asked.statusCode, asked.body).toBe(202)
    expect(await deliver()).toMatchObject({ sent: 1 })
    const [mail] = server.received.splice(0)
    expect(mail!.rcptTo).toEqual(['asel.n@mail.kz'])
    expect(mail!.parsed.subject).toContain('жеке кабинетке кіру коды')
    const code = /: (\d{6})\b/.exec(mail!.parsed.text ?? '')![1]!
    expect(mail!.parsed.text).toContain('10 минут')

    const verified = await fx.verify('kzk', asked.json().challengeId, code)
    expect(verified.statusCode, verified.body).toBe(201)
    expect(verified.json()).toMatchObject({ subjectId, language: 'kk' })
    const [row] = await fx.database.db.selectFrom('email_outbox').selectAll().where('subject_id', '=', subjectId).execute()
    expect(row).toMatchObject({ purpose: 'portal_sign_in_code', status: 'sent', sealed: null })
    expect(JSON.stringify(row)).not.toContain(code)
    expect(JSON.stringify(row)).not.toContain('asel')
    const session = await fx.database.db.selectFrom('portal_sessions').select(['identifier_kind']).where('subject_id', '=', subjectId).executeTakeFirstOrThrow()
    expect(session.identifier_kind).toBe('email')
  })

  it('no enumeration by e-mail: an unknown address gets the same 202 and nothing is sent', async () => {
    const asked = await fx.askCode('kzk', { kind: 'email', value: 'nobody@mail.kz' }, 'ru')
    expect(asked.statusCode).toBe(202)
    expect(await deliver()).toMatchObject({ sent: 0 })
    expect(server.received).toHaveLength(0)
  })
})
