import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../http/app-deps.ts'
import { decisionRoutes } from './decisions/decision-routes.ts'
import { evidenceRoutes } from './evidence/evidence-routes.ts'
import { ledgerRoutes } from './ledger/ledger-routes.ts'
import { receiptRoutes } from './receipt/receipt-routes.ts'

/** The consent module's routes: the ledger, evidence (SMS codes), receipts, decisions. */
export async function consentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await ledgerRoutes(app, deps)
  await evidenceRoutes(app, deps)
  await receiptRoutes(app, deps)
  await decisionRoutes(app, deps)
}
