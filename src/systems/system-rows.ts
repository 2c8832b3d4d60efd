import type { Kysely, Transaction } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { connectionView, type StoredConnection } from './connection-settings.ts'
import type { SealedSecret } from './seal-secret.ts'
import { LOCATOR_KINDS, type LocatorKind, type MappedColumn, type SystemMap, type SystemView } from './system-map.ts'

type Db = Kysely<Database> | Transaction<Database>

/** A stored system with what a connector needs besides the view: its stored settings and sealed secret. */
export interface StoredSystem {
  view: SystemView
  connection: StoredConnection
  sealed: SealedSecret | undefined
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position

/**
 * The operator's systems (or one), with their maps, in one round trip: each
 * system row carries its tables, columns and relations as JSON arrays. Every
 * fulfilment task in a system and every plan and answer reads a system, and
 * four queries each were a fifth of an access request's database round
 * trips (`npm run bench -- access`). Ordered as declared.
 */
export async function readSystems(db: Db, operatorId: string, systemId?: string): Promise<StoredSystem[]> {
  let query = db
    .selectFrom('systems as s')
    .selectAll('s')
    .select((eb) => [
      jsonArrayFrom(eb.selectFrom('system_tables as t').select(['t.table_name', 't.position']).whereRef('t.operator_id', '=', 's.operator_id').whereRef('t.system_id', '=', 's.system_id')).as('tables'),
      jsonArrayFrom(
        eb.selectFrom('system_columns as c')
          .select(['c.table_name', 'c.column_name', 'c.position', 'c.item_id', 'c.identifies', 'c.masking'])
          .whereRef('c.operator_id', '=', 's.operator_id')
          .whereRef('c.system_id', '=', 's.system_id'),
      ).as('columns'),
      jsonArrayFrom(
        eb.selectFrom('system_relations as r')
          .select(['r.position', 'r.child_table', 'r.child_column', 'r.parent_table', 'r.parent_column'])
          .whereRef('r.operator_id', '=', 's.operator_id')
          .whereRef('r.system_id', '=', 's.system_id'),
      ).as('relations'),
    ])
    .where('s.operator_id', '=', operatorId)
  if (systemId !== undefined) query = query.where('s.system_id', '=', systemId)
  const systems = await query.orderBy('s.system_id').execute()
  return systems.map((row) => {
    const columns = [...row.columns].sort(byPosition)
    const map: SystemMap = {
      tables: [...row.tables].sort(byPosition).map((t) => ({
        name: t.table_name,
        columns: columns
          .filter((c) => c.table_name === t.table_name)
          .map((c): MappedColumn => ({
            name: c.column_name,
            ...(c.item_id !== null ? { itemId: c.item_id } : {}),
            ...(c.identifies !== null ? { identifies: c.identifies } : {}),
            ...(c.masking !== null ? { masking: c.masking } : {}),
          })),
      })),
      relations: [...row.relations].sort(byPosition).map((r) => ({ child: { table: r.child_table, column: r.child_column }, parent: { table: r.parent_table, column: r.parent_column } })),
    }
    const allColumns = map.tables.flatMap((t) => t.columns)
    const found = new Set(allColumns.flatMap((c) => (c.identifies ? [c.identifies] : [])))
    const connection = row.connection as StoredConnection
    const sealed = row.secret_sealed !== null ? { keyId: row.secret_key_id!, wrappedKey: row.secret_wrapped_key!, sealed: row.secret_sealed } : undefined
    return {
      connection,
      sealed,
      view: {
        systemId: row.system_id,
        name: row.name,
        kind: row.kind,
        description: row.description,
        connection: connectionView(connection, sealed !== undefined),
        ...map,
        items: [...new Set(allColumns.flatMap((c) => (c.itemId ? [c.itemId] : [])))].sort(),
        identifiers: LOCATOR_KINDS.filter((k: LocatorKind) => found.has(k)),
        createdAt: new Date(row.created_at).toISOString(),
        createdBy: row.created_by,
        updatedAt: new Date(row.updated_at).toISOString(),
        updatedBy: row.updated_by,
      },
    }
  })
}

/** One system, or `DERBES_SYSTEM_NOT_FOUND`. */
export async function readSystem(db: Db, operatorId: string, systemId: string): Promise<StoredSystem> {
  const [found] = await readSystems(db, operatorId, systemId)
  if (!found) throw new DerbesError('DERBES_SYSTEM_NOT_FOUND', `operator '${operatorId}' has no system '${systemId}'`)
  return found
}

/** Writes the map's rows (tables, columns, relations) of a system whose old rows are gone. */
export async function insertMap(trx: Transaction<Database>, operatorId: string, systemId: string, map: SystemMap): Promise<void> {
  const base = { operator_id: operatorId, system_id: systemId }
  if (map.tables.length > 0) {
    await trx.insertInto('system_tables').values(map.tables.map((t, position) => ({ ...base, table_name: t.name, position }))).execute()
  }
  const columns = map.tables.flatMap((t) =>
    t.columns.map((c, position) => ({
      ...base,
      table_name: t.name,
      column_name: c.name,
      position,
      item_id: c.itemId ?? null,
      identifies: c.identifies ?? null,
      masking: c.masking ? JSON.stringify(c.masking) : null,
    })),
  )
  if (columns.length > 0) await trx.insertInto('system_columns').values(columns).execute()
  if (map.relations.length > 0) {
    await trx
      .insertInto('system_relations')
      .values(map.relations.map((r, position) => ({ ...base, position, child_table: r.child.table, child_column: r.child.column, parent_table: r.parent.table, parent_column: r.parent.column })))
      .execute()
  }
}
