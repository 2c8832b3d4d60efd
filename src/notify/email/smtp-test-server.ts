import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  parsed: ParsedMail
  raw: Buffer
  /** The envelope's recipients (RCPT TO). */
  rcptTo: string[]
  /** The user the client authenticated as, if it did. */
  user: string | undefined
}

export interface TestSmtpServer {
  /** `smtp://user:secret@127.0.0.1:<port>` with the credentials the server accepts. */
  url: string
  port: number
  received: ReceivedMail[]
  /** Every DATA the server saw, accepted or refused. */
  attempts: () => number
  close(): Promise<void>
}

/**
 * FOR TESTS. A real SMTP server in this process (smtp-server on a free port,
 * no TLS, AUTH PLAIN/LOGIN with `user`/`secret`), parsing what it accepts with
 * mailparser. `refuse(attempt)` true makes that DATA fail with 451 (a
 * temporary refusal naming the recipient, as real servers do); `delayMs` holds each DATA that long, so
 * concurrent senders overlap.
 */
export async function startTestSmtpServer(options: { refuse?: (attempt: number) => boolean; delayMs?: number } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = []
  let attempts = 0
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    size: 30 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (auth.username === 'user' && auth.password === 'secret') callback(null, { user: auth.username })
      else callback(new Error('535 authentication failed'))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        attempts++
        const attempt = attempts
        setTimeout(() => {
          if (options.refuse?.(attempt)) {
            // Real servers echo the recipient in replies like this one.
            const rcpt = session.envelope.rcptTo.map((r) => r.address).join(', ')
            callback(Object.assign(new Error(`mailbox <${rcpt}> is busy, try again later`), { responseCode: 451 }))
            return
          }
          const raw = Buffer.concat(chunks)
          simpleParser(raw)
            .then((parsed) => {
              received.push({ parsed, raw, rcptTo: session.envelope.rcptTo.map((r) => r.address), user: typeof session.user === 'string' ? session.user : undefined })
              callback(null, `Ok: queued as test-${attempt}`)
            })
            .catch((error: Error) => callback(error))
        }, options.delayMs ?? 0)
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://user:secret@127.0.0.1:${port}`,
    port,
    received,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
