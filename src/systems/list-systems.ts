import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import type { SystemView } from './system-map.ts'

/** Placeholder while the store is written; the signature is final. */
export async function listSystems(_db: Kysely<Database>, _operatorId: string): Promise<SystemView[]> {
  throw new Error('listSystems: not implemented yet')
}
