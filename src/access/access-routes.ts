import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../http/app-deps.ts'

/** Staff, sessions, second factor, API keys. */
export async function accessRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
