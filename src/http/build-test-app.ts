import type { FastifyInstance } from 'fastify'
import { LocalKeyFileSigner } from '../audit/index.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { MemoryKeyProvider } from '../subjects/crypto/index.ts'
import { buildApp, type AppOptions } from './build-app.ts'

/**
 * The app as tests build it: quiet, a keyring and a signing key in memory,
 * and whatever else the test overrides (a fixed clock, say).
 */
export async function buildTestApp(database: DatabaseHandle, overrides: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  return buildApp({ database, logger: false, keys: new MemoryKeyProvider(), signer: LocalKeyFileSigner.ephemeral(), ...overrides })
}
