import { Webhook } from 'standardwebhooks'

export interface PostOutcome {
  ok: boolean
  statusCode: number | null
  error: string | null
}

/** How much of a failing receiver's answer is kept as `lastError`. */
const ERROR_BODY_CHARS = 200

/**
 * The Standard Webhooks headers: `webhook-id` (the event id, the same on
 * every attempt, so receivers dedupe by it), `webhook-timestamp` (seconds, of
 * this attempt) and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of
 * `id.timestamp.body`).
 */
export function signedHeaders(secret: Uint8Array, messageId: string, sentAt: Date, body: string): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': new Webhook(secret, { format: 'raw' }).sign(messageId, sentAt, body),
  }
}

/**
 * POSTs one signed webhook; any 2xx is success. Redirects are not followed
 * (a 3xx is a failure: the signature was made for this URL's receiver), and
 * the whole exchange must end within `timeoutMs`.
 */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, timeoutMs: number, fetchFn: typeof fetch = fetch): Promise<PostOutcome> {
  try {
    const response = await fetchFn(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'user-agent': 'Derbes-Webhooks/0.1', ...headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await readStart(response)
    if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status, error: null }
    return { ok: false, statusCode: response.status, error: `HTTP ${response.status}${text ? `: ${text}` : ''}` }
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } }
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return { ok: false, statusCode: null, error: `no answer within ${timeoutMs} ms` }
    return { ok: false, statusCode: null, error: e.cause?.code ?? e.cause?.message ?? e.message }
  }
}

/** The first characters of the answer, without reading a large body whole. */
async function readStart(response: Response): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  let text = ''
  const decoder = new TextDecoder()
  try {
    while (text.length < ERROR_BODY_CHARS) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
  return text.slice(0, ERROR_BODY_CHARS).trim()
}
