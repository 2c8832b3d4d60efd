import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { DerbesError } from '../errors/index.ts'

/** Where `npm run build:web` (and `npm ci`, through `prepare`) writes the console and portal. */
export const WEB_APP_DIR = fileURLToPath(new URL('../../web/dist/app/', import.meta.url))

/**
 * The console (/console/…) and the portal (/portal/<operator>/…): one React
 * app whose hashed files live under /ui/ and may be cached for a year; every
 * page path answers with its index.html, never cached, so a new build is seen
 * at once. The pages talk only to this origin's API (the CSP says so).
 */
export async function webRoutes(app: FastifyInstance, options: { directory?: string } = {}): Promise<void> {
  const root = options.directory ?? WEB_APP_DIR
  const built = existsSync(`${root}index.html`)
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/ui/',
      index: false,
      wildcard: true,
      // Our own cache headers below: the plugin's default (max-age=0) would make hashed files re-validate every time.
      cacheControl: false,
      setHeaders(res, path) {
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  }
  const page = async (_request: unknown, reply: FastifyReply) => {
    if (!built) throw new DerbesError('DERBES_WEB_NOT_BUILT', `no build in ${root}: run npm run build:web`)
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .sendFile('index.html', root)
  }
  for (const url of ['/console', '/console/*', '/portal/:operatorId', '/portal/:operatorId/*']) {
    app.get(url, { schema: { hide: true } }, page)
  }
}

// Styles inline only for React's style attributes; no third-party origin, no framing by other sites.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')
