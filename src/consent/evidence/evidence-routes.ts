import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../http/app-deps.ts'

/** Evidence: SMS codes Derbes sends and checks. */
export async function evidenceRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
