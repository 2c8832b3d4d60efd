import { createHash } from 'node:crypto'
import type { BaseConnector } from './base-connector.ts'

/**
 * Open connectors (each with its connection pool), one per system.
 *
 * Module state, unlike everything else here, because a pool is process state:
 * opening one per task would cost a TCP and TLS handshake and an
 * authentication per request, and pools must outlive a single call. The key
 * holds a fingerprint of the connection settings and secret, so a system
 * whose connection changed gets a new pool and the old one is ended.
 * `closeSystemConnections` ends them all (the app does on close; `derbes serve`
 * on shutdown).
 */
const open = new Map<string, { fingerprint: string; connector: BaseConnector }>()

const keyOf = (operatorId: string, systemId: string) => `${operatorId}\u0000${systemId}`

/** A fingerprint of what the pool was opened with; the secret is hashed in memory only, never stored. */
export function connectionFingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}

/** The system's open connector, or a new one from `create` (ending one opened with other settings). */
export function cachedConnector(operatorId: string, systemId: string, fingerprint: string, create: () => BaseConnector): BaseConnector {
  const key = keyOf(operatorId, systemId)
  const current = open.get(key)
  if (current?.fingerprint === fingerprint) return current.connector
  if (current) void current.connector.close().catch(() => undefined)
  const connector = create()
  open.set(key, { fingerprint, connector })
  return connector
}

/** Ends the system's pool, when its map or connection changed or it was removed. */
export async function forgetSystemConnection(operatorId: string, systemId: string): Promise<void> {
  const key = keyOf(operatorId, systemId)
  const current = open.get(key)
  open.delete(key)
  await current?.connector.close()
}

/**
 * Ends every pool to the operators' systems. Call on shutdown; a later task
 * opens a new pool.
 *
 * @example
 * app.addHook('onClose', closeSystemConnections)
 */
export async function closeSystemConnections(): Promise<void> {
  const all = [...open.values()]
  open.clear()
  await Promise.allSettled(all.map((entry) => entry.connector.close()))
}
