import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../http/app-deps.ts'

/** Decisions: may this processing happen now? */
export async function decisionRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
