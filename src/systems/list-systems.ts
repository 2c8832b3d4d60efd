import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { readSystem, readSystems } from './system-rows.ts'
import type { SystemView } from './system-map.ts'

/**
 * The operator's systems with their maps, connections redacted: what the
 * fulfilment planner reads to decide where a request has work to do (`kind`,
 * `items` held, `identifiers` it finds a subject by) and what `GET …/systems` shows.
 *
 * @example
 * const systems = await listSystems(db, 'esp')
 * const holdingPhones = systems.filter((s) => s.items.includes('phone'))
 */
export async function listSystems(db: Kysely<Database>, operatorId: string): Promise<SystemView[]> {
  return (await readSystems(db, operatorId)).map((s) => s.view)
}

/** One system, or `DERBES_SYSTEM_NOT_FOUND`. */
export async function getSystem(db: Kysely<Database>, operatorId: string, systemId: string): Promise<SystemView> {
  return (await readSystem(db, operatorId, systemId)).view
}
