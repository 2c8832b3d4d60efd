import { randomBytes } from 'node:crypto'
import mysql from 'mysql2/promise'
import pg from 'pg'
import type { CrmTable } from './sample-crm.ts'

/**
 * Test and bench support: a database of its own on the local PostgreSQL or
 * MariaDB server (`DISCOVERY_TEST_POSTGRES_URL` / `DISCOVERY_TEST_MYSQL_URL`
 * override the defaults), filled with the given tables, dropped by `drop()`.
 * A database rather than a schema, so a scan sees only what the test made.
 */
export interface SampleDatabase {
  url: string
  drop(): Promise<void>
}

export const POSTGRES_ADMIN_URL = process.env.DISCOVERY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const MYSQL_ADMIN_URL = process.env.DISCOVERY_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test'

const databaseName = () => `derbes_scan_${randomBytes(5).toString('hex')}`
const BATCH = 1000

const columnsDdl = (table: CrmTable) => table.columns.map(([c, t]) => `${c} ${t}${c === 'id' ? ' primary key' : ''}`).join(', ')

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

export async function createPostgresSample(tables: readonly CrmTable[], adminUrl = POSTGRES_ADMIN_URL): Promise<SampleDatabase> {
  const name = databaseName()
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const url = withDatabase(adminUrl, name)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (const table of tables) {
      await client.query(`create table ${table.name} (${columnsDdl(table)})`)
      for (let i = 0; i < table.rows.length; i += BATCH) {
        const rows = table.rows.slice(i, i + BATCH)
        const width = table.columns.length
        const values = rows.map((_, r) => `(${table.columns.map((__, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ')
        await client.query(`insert into ${table.name} values ${values}`, rows.flat())
      }
      await client.query(`analyze ${table.name}`)
    }
  } finally {
    await client.end()
  }
  return {
    url,
    async drop() {
      await admin.query(`drop database ${name} with (force)`)
      await admin.end()
    },
  }
}

export async function createMysqlSample(tables: readonly CrmTable[], adminUrl = MYSQL_ADMIN_URL): Promise<SampleDatabase> {
  const name = databaseName()
  const admin = await mysql.createConnection({ uri: adminUrl })
  await admin.query(`create database ${name} character set utf8mb4`)
  await admin.changeUser({ database: name })
  for (const table of tables) {
    await admin.query(`create table ${table.name} (${columnsDdl(table)}) engine=InnoDB`)
    for (let i = 0; i < table.rows.length; i += BATCH) {
      await admin.query(`insert into ${table.name} values ?`, [table.rows.slice(i, i + BATCH)])
    }
    await admin.query(`analyze table ${table.name}`)
  }
  return {
    url: withDatabase(adminUrl, name),
    async drop() {
      await admin.query(`drop database ${name}`)
      await admin.end()
    },
  }
}
