import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { issueApiKey, type Permission } from '../access/index.ts'
import type { DatabaseHandle } from '../db/index.ts'
import type { TestDatabase } from '../db/test-databases.ts'
import { buildTestApp } from '../http/index.ts'
import { seedOperators } from '../operators/index.ts'
import { clock, NOW } from './subjects-test-helpers.ts'

/** Test support: every permission the subject routes ask for. */
export const SUBJECT_PERMISSIONS: Permission[] = ['subjects:read', 'subjects:write', 'data:read', 'data:write', 'subjects:block', 'subjects:destroy']

export interface RoutesKit {
  database: DatabaseHandle
  app: FastifyInstance
  /** A bearer token of an API key of `operatorId` with these permissions (and staff role). */
  token(operatorId: string, permissions?: Permission[], roleId?: string): Promise<string>
  /** `app.inject` with a token. */
  call(token: string | undefined, options: InjectOptions): Promise<LightMyRequestResponse>
  close(): Promise<void>
}

/** A database with the seed operators published and the app over it, at the fixed test clock. */
export async function startRoutesKit(target: TestDatabase): Promise<RoutesKit> {
  const database = await target.open()
  await seedOperators({ db: database.db, clock }, 'policies')
  const app = await buildTestApp(database, { clock })
  return {
    database,
    app,
    token: async (operatorId, permissions = SUBJECT_PERMISSIONS, roleId) =>
      (await issueApiKey(database.db, { operatorId, name: 'test', permissions, createdBy: 'test', ...(roleId ? { roleId } : {}) }, NOW)).token,
    call: (token, options) => app.inject({ ...options, headers: { ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } }),
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}
