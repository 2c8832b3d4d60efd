import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import { registerAuthentication } from '../access/index.ts'
import { accessRoutes } from '../access/access-routes.ts'
import { auditRoutes, LocalKeyFileSigner } from '../audit/index.ts'
import type { Config } from '../config/index.ts'
import { consentRoutes } from '../consent/index.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { BusinessCalendar, calendarRoutes } from '../kz/index.ts'
import { eventRoutes } from '../notify/index.ts'
import { requestRoutes } from '../requests/index.ts'
import { fulfilmentRoutes } from '../requests/fulfilment/index.ts'
import { acknowledgementRoutes } from '../requests/acknowledgement/index.ts'
import { portalRoutes } from '../portal/index.ts'
import { incidentRoutes } from '../incidents/index.ts'
import { discoveryRoutes } from '../discovery/index.ts'
import { noticeRoutes, OPERATOR_SCHEMAS, operatorRoutes, policyRoutes, reviewRoutes } from '../operators/index.ts'
import { subjectRoutes, transferRoutes } from '../subjects/index.ts'
import { systemRoutes } from '../systems/index.ts'
import { minorsRoutes } from '../retention/minors/index.ts'
import { retentionRoutes, retentionRunRoutes } from '../retention/index.ts'
import { statisticsRoutes } from '../statistics/index.ts'
import { webRoutes } from '../web/index.ts'
import { bannerRoutes } from '../banner/index.ts'
import { LocalKeyProvider } from '../subjects/crypto/index.ts'
import type { AppDeps } from './app-deps.ts'
import { registerHealth } from './health.ts'
import { registerMetrics } from './metrics.ts'
import { registerOperatorScope } from './operator-scope-hook.ts'
import { handleError, handleNotFound } from './problem-details.ts'
import { ProblemSchema } from './problem-schema.ts'
import { sharedCompilers } from './shared-compilers.ts'
import { fastifyTrustProxy } from './trust-proxy.ts'

export interface AppOptions {
  database: DatabaseHandle
  config?: Pick<Config, 'logLevel'> & Partial<Config>
  clock?: () => Date
  /** The working-day calendar, extended with the operator's data; the repository's by default. */
  calendar?: BusinessCalendar
  /** The operators' keyrings; the key files in `.derbes/keys` by default. */
  keys?: AppDeps['keys']
  /** The signing key of checkpoints and receipts; `.derbes/keys/audit-signing.pem` by default. */
  signer?: AppDeps['signer']
  /** Pass `false` in tests to keep them quiet. */
  logger?: boolean
}

/**
 * Builds the Derbes HTTP app without listening, so tests drive it with
 * `app.inject()` and `derbes serve` starts it.
 *
 * @example
 * const app = await buildApp({ database: await openDatabase({ dataDir: 'memory://' }) })
 * const res = await app.inject({ method: 'GET', url: '/v1/operators' })
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: options.config?.logLevel ?? 'info' },
    // Unknown fields are refused, not silently dropped: bad input gets a clear error.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
    bodyLimit: 1024 * 1024,
    // Behind a reverse proxy request.ip is the client's only when the proxy is trusted (config trustProxy).
    trustProxy: fastifyTrustProxy(options.config?.trustProxy),
    schemaController: { compilersFactory: sharedCompilers },
  })
  const deps: AppDeps = {
    db: options.database.db,
    clock: options.clock ?? (() => new Date()),
    keys: options.keys ?? new LocalKeyProvider(),
    signer: options.signer ?? (await LocalKeyFileSigner.open()),
    calendar: options.calendar ?? new BusinessCalendar(),
  }

  for (const schema of [ProblemSchema, ...OPERATOR_SCHEMAS]) app.addSchema(schema)
  app.setErrorHandler(handleError)
  app.setNotFoundHandler(handleNotFound)

  await app.register(swagger, {
    // Components keep the names the schemas are registered under (Problem, PolicyVersion …), not def-0.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Derbes API',
        version: '0.1.0',
        description: 'Personal-data processing under Law No. 94-V of the Republic of Kazakhstan, run from policy as code. Errors are RFC 9457 problem details with stable codes (docs/errors.md).',
      },
      tags: [
        { name: 'operators', description: 'Operators (tenants)' },
        { name: 'policy', description: 'Policy versions: upload, approve, publish' },
        { name: 'notice', description: 'Public privacy notices and consent forms' },
        { name: 'subjects', description: 'Subjects, their identifiers, representatives and encrypted data' },
        { name: 'consents', description: 'The consent ledger: consents given, refused, withdrawn; receipts; cookie choices' },
        { name: 'decisions', description: 'May this processing happen now? Allow or deny, with every reason' },
        { name: 'access', description: 'Staff, sessions, second factor, API keys' },
        { name: 'audit', description: 'The hash-chained audit log: entries, verification, checkpoints' },
        { name: 'events', description: 'Webhook endpoints and the event outbox' },
        { name: 'requests', description: 'Data subject requests: intake, identity proof, deadlines, states, refusals' },
        { name: 'systems', description: "The operator's own systems: the data map and the connectors requests are fulfilled through" },
        { name: 'discovery', description: 'Personal data found in the connected systems: scans, their diffs, proposals to the data map' },
        { name: 'portal', description: "The subject's own portal: one-time-code sign-in, my data, my consents, my requests" },
        { name: 'incidents', description: 'The breach register: deadlines to notify the authorised body, affected subjects, notices, timelines' },
        { name: 'retention', description: 'Retention: what is due, legal holds, runs, destruction acts, minors found' },
        { name: 'statistics', description: 'Anonymised aggregate statistics with k-anonymity' },
        { name: 'calendar', description: 'The working-day calendar deadlines are counted in' },
        { name: 'health', description: 'Liveness, readiness, metrics' },
      ],
    },
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  registerAuthentication(app, { db: deps.db, clock: deps.clock })
  // After authentication (tokens are looked up across operators), before every operator's routes.
  registerOperatorScope(app)
  registerHealth(app, options.database)
  registerMetrics(app)
  await operatorRoutes(app, deps)
  await policyRoutes(app, deps)
  await reviewRoutes(app, deps)
  await noticeRoutes(app, deps)
  await calendarRoutes(app, deps.calendar)
  await accessRoutes(app, deps)
  await subjectRoutes(app, deps)
  await consentRoutes(app, deps)
  await auditRoutes(app, { db: deps.db, checkpointVerifier: deps.signer })
  await eventRoutes(app, deps)
  await transferRoutes(app, deps)
  await systemRoutes(app, deps)
  await discoveryRoutes(app, deps)
  await requestRoutes(app, deps, options.config)
  await fulfilmentRoutes(app, deps)
  await acknowledgementRoutes(app, deps)
  await portalRoutes(app, deps, options.config)
  await incidentRoutes(app, deps)
  await minorsRoutes(app, deps)
  await statisticsRoutes(app, deps, options.config)
  await retentionRunRoutes(app, deps)
  await retentionRoutes(app, deps)
  await bannerRoutes(app, deps)
  await webRoutes(app)
  return app
}
