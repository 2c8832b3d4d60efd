import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../http/app-deps.ts'

/** Signed receipts (JSON, PDF) of consent events. */
export async function receiptRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
