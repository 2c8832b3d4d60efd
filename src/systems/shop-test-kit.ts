import { randomBytes } from 'node:crypto'
import mysql from 'mysql2/promise'
import pg from 'pg'
import type { SystemInput, SystemMap } from './system-map.ts'

/**
 * Test support: a small shop database of the kind an operator runs —
 * customers, their orders and order items, loyalty cards — with real foreign
 * keys (no cascades), on the PostgreSQL and MariaDB servers of the
 * development and CI machines. Each `createShop()` is a schema (PostgreSQL)
 * or database (MariaDB) of its own, dropped by `drop()`.
 */
export interface ShopServer {
  name: 'postgres' | 'mysql'
  /** The admin URL; `SYSTEMS_TEST_POSTGRES_URL` / `SYSTEMS_TEST_MYSQL_URL` override the local defaults. */
  url: string
  /** Whether the server answered when the suite was loaded. */
  available: boolean
  createShop(): Promise<Shop>
}

export interface Shop {
  /** The system's connection, as an operator would declare it. */
  connection: SystemInput['connection']
  /** Runs SQL against the shop (`?` placeholders on both servers). */
  query(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>
  drop(): Promise<void>
}

/** The subjects in every fresh shop. Aidos's phone is stored in its 8-spelling, Dana's in E.164. */
export const CUSTOMERS = {
  aidos: { id: 1, fullName: 'Айдос Серіков', email: 'aidos@mail.kz', phone: '87015550001', birthDate: '1990-05-17', subjectId: 'subject-aidos' },
  dana: { id: 2, fullName: 'Дана Ахметова', email: 'dana@mail.kz', phone: '+77015550002', birthDate: '1985-11-02', subjectId: 'subject-dana' },
  erlan: { id: 3, fullName: 'Ерлан Қасымов', email: null, phone: '+77015550003', birthDate: null, subjectId: null },
} as const

const DDL = {
  postgres: [
    `create table customers (id integer primary key, full_name text not null, email varchar(120), phone varchar(20), birth_date date, derbes_subject_id text, city text)`,
    `create index customers_email on customers (email)`,
    `create index customers_phone on customers (phone)`,
    `create table orders (id integer primary key, customer_id integer not null references customers (id), delivery_address text, total numeric(10, 2) not null)`,
    `create index orders_customer on orders (customer_id)`,
    `create table order_items (id integer primary key, order_id integer not null references orders (id), product text not null, qty integer not null)`,
    `create index order_items_order on order_items (order_id)`,
    `create table loyalty_cards (id integer primary key, customer_id integer not null references customers (id), card_no varchar(64) not null, points integer not null)`,
    `create index loyalty_cards_customer on loyalty_cards (customer_id)`,
  ],
  mysql: [
    `create table customers (id int primary key, full_name varchar(200) not null, email varchar(120), phone varchar(20), birth_date date, derbes_subject_id varchar(64), city varchar(100), index customers_email (email), index customers_phone (phone)) engine=InnoDB`,
    `create table orders (id int primary key, customer_id int not null, delivery_address varchar(300), total decimal(10, 2) not null, foreign key (customer_id) references customers (id)) engine=InnoDB`,
    `create table order_items (id int primary key, order_id int not null, product varchar(100) not null, qty int not null, foreign key (order_id) references orders (id)) engine=InnoDB`,
    `create table loyalty_cards (id int primary key, customer_id int not null, card_no varchar(64) not null, points int not null, foreign key (customer_id) references customers (id)) engine=InnoDB`,
  ],
}

const ROWS: [string, unknown[][]][] = [
  ['insert into customers (id, full_name, email, phone, birth_date, derbes_subject_id, city) values (?, ?, ?, ?, ?, ?, ?)',
    Object.values(CUSTOMERS).map((c) => [c.id, c.fullName, c.email, c.phone, c.birthDate, c.subjectId, 'Астана'])],
  ['insert into orders (id, customer_id, delivery_address, total) values (?, ?, ?, ?)',
    [[10, 1, 'Астана, Мәңгілік Ел 58', '1500.00'], [11, 1, 'Астана, Абай 10', '320.50'], [20, 2, 'Алматы, Сәтпаев 5', '99.90'], [30, 3, 'Шымкент, Тәуке хан 1', '10.00']]],
  ['insert into order_items (id, order_id, product, qty) values (?, ?, ?, ?)',
    [[100, 10, 'milk', 2], [101, 10, 'bread', 1], [102, 11, 'tea', 3], [200, 20, 'coffee', 1], [300, 30, 'salt', 1]]],
  ['insert into loyalty_cards (id, customer_id, card_no, points) values (?, ?, ?, ?)',
    [[1000, 1, 'ESP-0001-AIDOS', 120], [2000, 2, 'ESP-0002-DANA', 45]]],
]

/**
 * The shop's map for ESP's published policy. `derbes_subject_id` has no
 * index on purpose: `test` warns of it.
 */
export function shopMap(): SystemMap {
  return {
    tables: [
      {
        name: 'customers',
        columns: [
          { name: 'full_name', itemId: 'full-name', masking: { strategy: 'redact' } },
          { name: 'email', itemId: 'email', identifies: 'email', masking: { strategy: 'hash' } },
          { name: 'phone', itemId: 'phone', identifies: 'phone', masking: { strategy: 'redact' } },
          { name: 'birth_date', itemId: 'birth-date', masking: { strategy: 'date_year' } },
          { name: 'derbes_subject_id', identifies: 'subject_id', masking: { strategy: 'null' } },
        ],
      },
      { name: 'orders', columns: [{ name: 'delivery_address', itemId: 'residence-address', masking: { strategy: 'fixed', value: 'removed' } }] },
      { name: 'order_items', columns: [] },
      {
        name: 'loyalty_cards',
        columns: [
          { name: 'card_no', itemId: 'loyalty-card', masking: { strategy: 'hash', length: 16 } },
          { name: 'points', itemId: 'loyalty-accruals', masking: { strategy: 'keep' } },
        ],
      },
    ],
    relations: [
      { child: { table: 'orders', column: 'customer_id' }, parent: { table: 'customers', column: 'id' } },
      { child: { table: 'order_items', column: 'order_id' }, parent: { table: 'orders', column: 'id' } },
      { child: { table: 'loyalty_cards', column: 'customer_id' }, parent: { table: 'customers', column: 'id' } },
    ],
  }
}

const name = () => `derbes_t_${randomBytes(5).toString('hex')}`

async function postgresAvailable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 })
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

async function mysqlAvailable(url: string): Promise<boolean> {
  try {
    const connection = await mysql.createConnection({ uri: url, connectTimeout: 1500 })
    await connection.end()
    return true
  } catch {
    return false
  }
}

async function postgresServer(url: string): Promise<ShopServer> {
  return {
    name: 'postgres',
    url,
    available: await postgresAvailable(url),
    async createShop() {
      const schema = name()
      // Dates as the server writes them, as the connector reads them.
      const client = new pg.Client({ connectionString: url, types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 1082 ? (v: string) => v : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser } })
      await client.connect()
      const query = async (text: string, params: unknown[] = []) => {
        let n = 0
        return (await client.query(text.replace(/\?/g, () => `$${++n}`), params)).rows as Record<string, unknown>[]
      }
      await client.query(`create schema ${schema}; set search_path to ${schema}`)
      for (const statement of DDL.postgres) await client.query(statement)
      for (const [insert, rows] of ROWS) for (const row of rows) await query(insert, row)
      return {
        connection: { url, schema },
        query,
        async drop() {
          await client.query(`drop schema ${schema} cascade`)
          await client.end()
        },
      }
    },
  }
}

async function mysqlServer(url: string): Promise<ShopServer> {
  return {
    name: 'mysql',
    url,
    available: await mysqlAvailable(url),
    async createShop() {
      const database = name()
      const admin = await mysql.createConnection({ uri: url, dateStrings: true })
      await admin.query(`create database ${database} character set utf8mb4`)
      await admin.changeUser({ database })
      const query = async (text: string, params: unknown[] = []) => {
        const [rows] = await admin.execute(text, params as never)
        return (Array.isArray(rows) ? rows : []) as Record<string, unknown>[]
      }
      for (const statement of DDL.mysql) await admin.query(statement)
      for (const [insert, rows] of ROWS) for (const row of rows) await query(insert, row)
      const shopUrl = new URL(url)
      shopUrl.pathname = `/${database}`
      return {
        connection: { url: shopUrl.toString() },
        query,
        async drop() {
          await admin.query(`drop database ${database}`)
          await admin.end()
        },
      }
    },
  }
}

/**
 * Both servers, each marked available or not. Where one does not answer
 * (a user's machine) its suites are skipped with a message; under CI
 * (`CI` set) they run anyway, and fail, so a missing server is never silent.
 */
export async function shopServers(): Promise<ShopServer[]> {
  const servers = await Promise.all([
    postgresServer(process.env.SYSTEMS_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'),
    mysqlServer(process.env.SYSTEMS_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test'),
  ])
  for (const server of servers) {
    if (server.available) continue
    if (process.env.CI) server.available = true
    else console.warn(`systems: the ${server.name} server at ${server.url} does not answer; its connector suites are skipped (set SYSTEMS_TEST_${server.name.toUpperCase()}_URL, or start it: docs/operations.md)`)
  }
  return servers
}

/**
 * How long a suite's `beforeAll` may take to open a migrated Derbes database
 * and seed the five operators: seconds alone, minutes when many suites share
 * the machine's two cores (the config's 60 s is not always enough then).
 */
export const SEEDING_TIMEOUT_MS = 180_000
