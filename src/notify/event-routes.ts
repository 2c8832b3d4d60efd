import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../http/app-deps.ts'

/** Webhook endpoints and the outbox. */
export async function eventRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
