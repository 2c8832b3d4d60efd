import { openSecret } from './seal-secret.ts'
import type { SystemView } from './system-map.ts'
import { readSystem } from './system-rows.ts'
import type { SystemsDeps } from './systems-deps.ts'

/**
 * A database system's view and its connection URL, unsealed, for a reader
 * other than the connectors (discovery samples its tables). Undefined URL
 * for an HTTP or manual system, or one whose secret was never given.
 */
export async function openSystemUrl(deps: Pick<SystemsDeps, 'db' | 'keys'>, operatorId: string, systemId: string): Promise<{ view: SystemView; url: string | undefined }> {
  const system = await readSystem(deps.db, operatorId, systemId)
  const { kind } = system.view
  if ((kind !== 'postgres' && kind !== 'mysql') || !system.sealed) return { view: system.view, url: undefined }
  return { view: system.view, url: (await openSecret(deps.keys, operatorId, systemId, system.sealed)).url }
}
