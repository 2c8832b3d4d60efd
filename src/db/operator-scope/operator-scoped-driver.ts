import { CompiledQuery, type AbortableOperationOptions, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely'
import { currentOperatorScope } from './operator-scope.ts'

/** The session setting the row-level security policies read (`enableOperatorIsolation`). */
export const OPERATOR_SETTING = 'derbes.operator_id'

const SET_OPERATOR = `select set_config('${OPERATOR_SETTING}', $1, false)`

/**
 * A driver that gives every connection it hands out — for a plain query, a
 * transaction or `db.connection()` alike — the operator scope of the code
 * acquiring it, as the session setting `derbes.operator_id` ('' outside any
 * scope). It remembers each connection's value and sets it only when it
 * differs, so a pool serving one operator, or jobs outside any scope, pay
 * nothing per query.
 *
 * The setting is made at acquisition, before `begin`, as a session setting
 * (`is_local` false): a rollback cannot undo it behind the remembered value.
 * A scope entered inside a transaction does not reach the connection the
 * transaction already holds.
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new OperatorScopedDialect(new PostgresDialect({ pool })) })
 */
export class OperatorScopedDriver implements Driver {
  readonly #inner: Driver
  /** What each connection's session holds now; a connection not in it is fresh, and a fresh session holds nothing (''). */
  readonly #settings = new WeakMap<DatabaseConnection, string>()
  readonly savepoint?: Driver['savepoint']
  readonly rollbackToSavepoint?: Driver['rollbackToSavepoint']
  readonly releaseSavepoint?: Driver['releaseSavepoint']

  constructor(inner: Driver) {
    this.#inner = inner
    // Kysely asks whether a driver has savepoints by looking for the methods: offer them only when the wrapped one does.
    if (inner.savepoint) this.savepoint = inner.savepoint.bind(inner)
    if (inner.rollbackToSavepoint) this.rollbackToSavepoint = inner.rollbackToSavepoint.bind(inner)
    if (inner.releaseSavepoint) this.releaseSavepoint = inner.releaseSavepoint.bind(inner)
  }

  init(options?: AbortableOperationOptions): Promise<void> {
    return this.#inner.init(options)
  }

  async acquireConnection(options?: AbortableOperationOptions): Promise<DatabaseConnection> {
    const connection = await this.#inner.acquireConnection(options)
    const wanted = currentOperatorScope() ?? ''
    if ((this.#settings.get(connection) ?? '') === wanted) return connection
    try {
      await connection.executeQuery(CompiledQuery.raw(SET_OPERATOR, [wanted]))
    } catch (error) {
      // Unknown state: forget it, so the next acquisition sets it again; and give the connection back.
      this.#settings.delete(connection)
      await this.#inner.releaseConnection(connection)
      throw error
    }
    this.#settings.set(connection, wanted)
    return connection
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings)
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection)
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection)
  }

  releaseConnection(connection: DatabaseConnection, options?: AbortableOperationOptions): Promise<void> {
    return this.#inner.releaseConnection(connection, options)
  }

  destroy(options?: AbortableOperationOptions): Promise<void> {
    return this.#inner.destroy(options)
  }
}
