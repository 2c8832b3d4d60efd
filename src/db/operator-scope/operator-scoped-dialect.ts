import type { DatabaseIntrospector, Dialect, DialectAdapter, Driver, Kysely, QueryCompiler } from 'kysely'
import { OperatorScopedDriver } from './operator-scoped-driver.ts'

/**
 * Any PostgreSQL dialect whose connections carry the current operator scope
 * (`OperatorScopedDriver`); everything else is the wrapped dialect's.
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new OperatorScopedDialect(new PostgresDialect({ pool })) })
 * await withOperatorScope('esp', () => db.selectFrom('subjects').selectAll().execute()) // esp's rows only, on a server
 */
export class OperatorScopedDialect implements Dialect {
  readonly #inner: Dialect

  constructor(inner: Dialect) {
    this.#inner = inner
  }

  createDriver(): Driver {
    return new OperatorScopedDriver(this.#inner.createDriver())
  }

  createQueryCompiler(): QueryCompiler {
    return this.#inner.createQueryCompiler()
  }

  createAdapter(): DialectAdapter {
    return this.#inner.createAdapter()
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return this.#inner.createIntrospector(db)
  }
}
