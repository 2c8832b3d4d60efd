import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../http/app-deps.ts'
import { ACCESS_SCHEMAS } from './access-schemas.ts'
import { apiKeyRoutes } from './api-key-routes.ts'
import { sessionRoutes } from './session-routes.ts'
import { staffRoutes } from './staff-routes.ts'
import { staffSelfRoutes } from './staff-self-routes.ts'

/** Staff, sessions, second factor, API keys. */
export async function accessRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  for (const schema of ACCESS_SCHEMAS) app.addSchema(schema)
  await sessionRoutes(app, deps)
  await staffSelfRoutes(app, deps)
  await staffRoutes(app, deps)
  await apiKeyRoutes(app, deps)
}
