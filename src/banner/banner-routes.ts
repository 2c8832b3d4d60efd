import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { DerbesError } from '../errors/index.ts'
import type { AppDeps } from '../http/app-deps.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { bannerConfig, type BannerConfig } from './banner-config.ts'

/** Where `npm run build:web` writes the banner (web/build-banner.ts). */
export const BANNER_SCRIPT = fileURLToPath(new URL('../../web/dist/banner/banner.js', import.meta.url))

const COOKIE_CONSENTS = /^\/v1\/operators\/[a-z][a-z0-9-]*\/cookie-consents(?:[/?]|$)/

/**
 * The consent banner's public side (issue 6 §3): the script an operator's
 * site embeds, `/.well-known/gpc.json`, and CORS on the cookie-consent
 * endpoints so the script can record choices from the operator's own origin.
 * No credentials travel: those endpoints take nothing but a visitor id.
 */
export async function bannerRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'db' | 'clock'>, options: { script?: string } = {}): Promise<void> {
  const scriptPath = options.script ?? BANNER_SCRIPT
  const bundle = existsSync(scriptPath) ? readFileSync(scriptPath, 'utf8') : null

  app.addHook('onRequest', async (request, reply) => {
    if (COOKIE_CONSENTS.test(request.url)) reply.header('access-control-allow-origin', '*').header('vary', 'origin')
  })
  app.options('/v1/operators/:operatorId/cookie-consents', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .status(204)
      .header('access-control-allow-methods', 'GET, POST')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '86400')
      .send(),
  )

  app.get<{ Params: { file: string } }>('/banner/v1/:file', {
    schema: {
      tags: ['consents'],
      summary: "The operator's consent banner script (public): `<script src=\"…/banner/v1/<operator>.js\" async></script>`",
      params: { type: 'object', properties: { file: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,63}\\.js$' } }, required: ['file'] },
    },
  }, async (request, reply) => {
    if (!bundle) throw new DerbesError('DERBES_WEB_NOT_BUILT', `no banner in ${scriptPath}: run npm run build:web`)
    const operatorId = request.params.file.slice(0, -3)
    const version = await getPublishedVersion(deps, operatorId)
    const cookies = version.document.cookies
    if (!cookies?.banner) throw new DerbesError('DERBES_BANNER_NOT_OFFERED', `operator '${operatorId}' offers no cookie banner in its published policy`)
    const config = bannerConfig(operatorId, version.view.versionId, cookies)
    const body = servedBannerScript(bundle, config)
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`
    reply
      .header('etag', etag)
      // Five minutes: a newly published policy version reaches visitors soon, and the banner then asks again.
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .header('x-content-type-options', 'nosniff')
    // RFC 9110 §13.1.2: a list of tags, weak ones compared weakly (a proxy may have gzipped it and weakened the tag).
    const known = (request.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''))
    if (known.includes(etag) || known.includes('*')) return reply.status(304).send()
    return reply.type('text/javascript; charset=utf-8').send(body)
  })

  // Global Privacy Control (https://privacycg.github.io/gpc-spec/): Derbes honours the signal on every operator's banner.
  app.get('/.well-known/gpc.json', { schema: { tags: ['consents'], summary: 'Global Privacy Control support' } }, async (_request, reply) =>
    reply.header('access-control-allow-origin', '*').send({ gpc: true, lastUpdate: GPC_SUPPORT_SINCE }),
  )
}

/**
 * The script as an operator's visitors download it: the built bundle started with the operator's
 * configuration. The bundle's global stays inside this function: nothing leaks into the operator's
 * page but `window.derbes`.
 */
export function servedBannerScript(bundle: string, config: BannerConfig): string {
  return `!function(){${bundle}\n__derbesBanner.start(${JSON.stringify(config)})}();\n`
}

/** The day the banner began to honour GPC; the spec asks for the date the file last changed. */
const GPC_SUPPORT_SINCE = '2026-12-02'
