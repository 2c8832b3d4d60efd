import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect, sql, type Dialect } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OperatorScopedDialect } from './operator-scoped-dialect.ts'
import { withOperatorScope } from './operator-scope.ts'

/** A real database whose every statement is recorded on the way in, to count the driver's own. */
interface CountedDatabase {
  name: string
  dialect: Dialect
  statements: string[]
}

async function countedPglite(): Promise<CountedDatabase> {
  const statements: string[] = []
  const pglite = await PGlite.create('memory://')
  // PGlite's Kysely driver only calls these; outside a transaction every statement goes through query().
  const counted = {
    get closed() { return pglite.closed },
    get ready() { return pglite.ready },
    get waitReady() { return pglite.waitReady },
    close: () => pglite.close(),
    transaction: pglite.transaction.bind(pglite),
    query: (text: string, params?: unknown[], options?: object) => {
      statements.push(text)
      return pglite.query(text, params, options)
    },
  }
  return { name: 'pglite', dialect: new OperatorScopedDialect(new PGliteDialect({ pglite: counted as unknown as PGlite })), statements }
}

function countedPostgres(databaseUrl: string): CountedDatabase {
  const statements: string[] = []
  class CountingClient extends pg.Client {
    override query(...args: unknown[]): never {
      if (typeof args[0] === 'string') statements.push(args[0])
      return (super.query as (...a: unknown[]) => never)(...args)
    }
  }
  // Two connections, so the test also meets a connection that has not been set yet.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, Client: CountingClient })
  return { name: 'postgres', dialect: new OperatorScopedDialect(new PostgresDialect({ pool })), statements }
}

const TARGETS: (() => Promise<CountedDatabase>)[] = [
  countedPglite,
  ...(process.env.DATABASE_URL ? [async () => countedPostgres(process.env.DATABASE_URL!)] : []),
]

describe.each(TARGETS.map((open) => ({ open, name: open === countedPglite ? 'pglite' : 'postgres' })))('OperatorScopedDriver on $name', ({ open }) => {
  let counted: CountedDatabase
  let db: Kysely<any>
  const setConfigs = () => counted.statements.filter((s) => s.includes('set_config')).length
  const setting = async () =>
    (await sql<{ value: string | null }>`select current_setting('derbes.operator_id', true) as value`.execute(db)).rows[0]?.value ?? ''

  beforeAll(async () => {
    counted = await open()
    db = new Kysely<any>({ dialect: counted.dialect })
  })
  afterAll(() => db.destroy())

  it('sets nothing outside any scope: jobs and a fresh connection pay nothing', async () => {
    for (let i = 0; i < 3; i++) expect(await setting()).toBe('')
    expect(setConfigs()).toBe(0)
  })

  it('sets the scope once per connection and change, not once per query', async () => {
    await withOperatorScope('esp', async () => {
      for (let i = 0; i < 3; i++) expect(await setting()).toBe('esp')
    })
    const afterEsp = setConfigs()
    // One per connection the pool happened to hand out (one, or both of two).
    expect(afterEsp).toBeGreaterThanOrEqual(1)
    expect(afterEsp).toBeLessThanOrEqual(2)
    await withOperatorScope('esp', async () => {
      // Both connections in use at once: each carries esp, at most one of them newly.
      await Promise.all([setting(), setting()]).then((values) => expect(values).toEqual(['esp', 'esp']))
      for (let i = 0; i < 5; i++) await setting()
    })
    expect(setConfigs()).toBeLessThanOrEqual(2)
    const settled = setConfigs()
    await withOperatorScope('esp', () => setting())
    expect(setConfigs()).toBe(settled)
  })

  it('gives a transaction the scope before it begins, so a rollback cannot undo it', async () => {
    await withOperatorScope('tw', async () => {
      const failed = db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ value: string }>`select current_setting('derbes.operator_id', true) as value`.execute(trx)
        expect(rows[0]?.value).toBe('tw')
        throw new Error('roll back')
      })
      await expect(failed).rejects.toThrow('roll back')
      const before = setConfigs()
      expect(await setting()).toBe('tw')
      // Still tw on the connection the rolled-back transaction used (PGlite has one): no second set_config for it.
      if (counted.name === 'pglite') expect(setConfigs()).toBe(before)
    })
  })

  it('moves a connection to another scope, and back to none', async () => {
    expect(await withOperatorScope('ttc', () => setting())).toBe('ttc')
    expect(await setting()).toBe('')
    expect(await withOperatorScope('kzk', () => db.connection().execute((conn) => sql<{ value: string }>`select current_setting('derbes.operator_id', true) as value`.execute(conn)))).toMatchObject({ rows: [{ value: 'kzk' }] })
  })
})
