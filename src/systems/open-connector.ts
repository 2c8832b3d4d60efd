import { DerbesError } from '../errors/index.ts'
import { ActionNotSupportedError, type BaseConnector } from './base-connector.ts'
import { cachedConnector, connectionFingerprint } from './connection-cache.ts'
import { HttpConnector } from './http-connector.ts'
import { MysqlConnector } from './mysql-connector.ts'
import { PostgresConnector } from './postgres-connector.ts'
import { openSecret } from './seal-secret.ts'
import type { StoredSystem } from './system-rows.ts'
import type { SystemAction } from './system-task.ts'
import type { SystemsDeps } from './systems-deps.ts'

/**
 * The connector of a stored system, with its pool reused across tasks. A
 * `manual` system has none: the fulfilment runner makes a staff task of it.
 */
export async function openConnector(deps: Pick<SystemsDeps, 'keys'>, operatorId: string, system: StoredSystem, action: SystemAction | 'test'): Promise<BaseConnector> {
  const { systemId, kind } = system.view
  if (kind === 'manual') throw new ActionNotSupportedError('manual', action)
  if (!system.sealed) throw new DerbesError('DERBES_SYSTEM_MAPPING_INVALID', `system '${systemId}' has no connection secret: declare its ${kind === 'http' ? 'token' : 'URL'}`)
  const secret = await openSecret(deps.keys, operatorId, systemId, system.sealed)
  const fingerprint = connectionFingerprint([kind, system.connection, secret])
  return cachedConnector(operatorId, systemId, fingerprint, () => {
    if (kind === 'postgres') return new PostgresConnector(secret.url!, system.connection)
    if (kind === 'mysql') return new MysqlConnector(secret.url!, system.connection)
    return new HttpConnector(system.connection, secret)
  })
}
