import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../http/app-deps.ts'
import { consentReadRoutes } from './consent-read-routes.ts'
import { consentWriteRoutes } from './consent-write-routes.ts'
import { cookieRoutes } from './cookie-routes.ts'
import { obligationRoutes } from './obligation-routes.ts'

/** The ledger: give, refuse, withdraw, re-affirm; obligations; cookie choices. */
export async function ledgerRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await consentWriteRoutes(app, deps)
  await consentReadRoutes(app, deps)
  await obligationRoutes(app, deps)
  await cookieRoutes(app, deps)
}
