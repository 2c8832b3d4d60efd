import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../http/app-deps.ts'

/** The ledger: give, refuse, withdraw, re-affirm; obligations; cookie choices. */
export async function ledgerRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
