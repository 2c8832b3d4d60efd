import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../http/app-deps.ts'

/** The consent ledger, receipts, cookie consent, decisions. */
export async function consentRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
