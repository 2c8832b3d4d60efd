import type { Kysely, Transaction } from 'kysely'
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

/**
 * The operator's systems (or one), assembled from the four tables: four
 * queries whatever the number of systems, ordered as they were declared.
 */
export async function readSystems(db: Db, operatorId: string, systemId?: string): Promise<StoredSystem[]> {
  let systemsQuery = db.selectFrom('systems').selectAll().where('operator_id', '=', operatorId)
  let tablesQuery = db.selectFrom('system_tables').selectAll().where('operator_id', '=', operatorId)
  let columnsQuery = db.selectFrom('system_columns').selectAll().where('operator_id', '=', operatorId)
  let relationsQuery = db.selectFrom('system_relations').selectAll().where('operator_id', '=', operatorId)
  if (systemId !== undefined) {
    systemsQuery = systemsQuery.where('system_id', '=', systemId)
    tablesQuery = tablesQuery.where('system_id', '=', systemId)
    columnsQuery = columnsQuery.where('system_id', '=', systemId)
    relationsQuery = relationsQuery.where('system_id', '=', systemId)
  }
  const [systems, tables, columns, relations] = await Promise.all([
    systemsQuery.orderBy('system_id').execute(),
    tablesQuery.orderBy('system_id').orderBy('position').execute(),
    columnsQuery.orderBy('system_id').orderBy('table_name').orderBy('position').execute(),
    relationsQuery.orderBy('system_id').orderBy('position').execute(),
  ])
  return systems.map((row) => {
    const mine = <T extends { system_id: string }>(rows: T[]) => rows.filter((r) => r.system_id === row.system_id)
    const map: SystemMap = {
      tables: mine(tables).map((t) => ({
        name: t.table_name,
        columns: mine(columns)
          .filter((c) => c.table_name === t.table_name)
          .map((c): MappedColumn => ({
            name: c.column_name,
            ...(c.item_id !== null ? { itemId: c.item_id } : {}),
            ...(c.identifies !== null ? { identifies: c.identifies } : {}),
            ...(c.masking !== null ? { masking: c.masking } : {}),
          })),
      })),
      relations: mine(relations).map((r) => ({ child: { table: r.child_table, column: r.child_column }, parent: { table: r.parent_table, column: r.parent_column } })),
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
