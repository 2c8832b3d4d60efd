import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../http/app-deps.ts'

/** Subjects, identifiers, representatives, the vault. */
export async function subjectRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
