import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders
  body: string
  /** What Webhook.verify returned; undefined when the signature did not verify. */
  verified: { type: string; timestamp: string; data: Record<string, unknown> } | undefined
  verifyError?: string
}

/**
 * Test support: a real HTTP receiver on an ephemeral port that checks every
 * request with standardwebhooks' `Webhook.verify` against `secret`, records
 * it, and answers as `respond` says (200 by default; 'hang' never answers).
 */
export async function startReceiver() {
  const received: ReceivedWebhook[] = []
  const state: { secret: string; respond: (n: number) => number | 'hang' } = { secret: '', respond: () => 200 }
  const hanging: ServerResponse[] = []
  const server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => {
      const record: ReceivedWebhook = { headers: request.headers, body, verified: undefined }
      try {
        record.verified = new Webhook(state.secret).verify(body, request.headers as Record<string, string>) as ReceivedWebhook['verified']
      } catch (error) {
        record.verifyError = (error as Error).message
      }
      received.push(record)
      const answer = state.respond(received.length)
      if (answer === 'hang') return void hanging.push(response)
      response.writeHead(answer, { 'content-type': 'text/plain' }).end(answer >= 300 ? 'receiver says no' : 'ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    state,
    /** The event ids of verified requests, in arrival order. */
    verifiedIds: () => received.filter((r) => r.verified).map((r) => r.headers['webhook-id'] as string),
    async close() {
      for (const response of hanging) response.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>
