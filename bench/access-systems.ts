import { randomBytes } from 'node:crypto'
import mysql from 'mysql2/promise'
import pg from 'pg'
import type { SystemMap } from '../src/systems/index.ts'

// The two connected systems of the access-request bench (issue 4, "Speed"): a shop's customers,
// orders and loyalty cards on the local PostgreSQL and MariaDB servers, 1,000,000 rows of other
// customers each plus the bench subject's, bulk-loaded on the server; and the connectors' export
// SELECTs written out, for the baseline.

/** The servers the two connected systems live on (the development and CI machines run both). */
const POSTGRES_URL = process.env.SYSTEMS_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const MYSQL_URL = process.env.SYSTEMS_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test'

/** Rows of other customers in each system: 1,000,000 in all. */
const OTHERS = { customers: 250_000, orders: 500_000, loyalty_cards: 250_000 } as const
/** The bench subject's rows in each system: 1 customer (4 mapped values), 60 orders (1 each), 8 cards (2 each) = 80 values. */
const MINE = { orders: 60, cards: 8 } as const
export const SUBJECT = { fullName: 'Айдос Серіков', email: 'aidos@mail.kz', phone: '+77015550001', birthDate: '1990-05-17' }
const CUSTOMER_ID = OTHERS.customers + 1

/** The map both systems are declared with; every identifying and foreign-key column is indexed. */
export const SHOP_MAP: SystemMap = {
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
    { child: { table: 'loyalty_cards', column: 'customer_id' }, parent: { table: 'customers', column: 'id' } },
  ],
}

/** A connected system loaded for the bench: how Derbes connects, the subject's rows to add, the raw SELECTs, and its removal. */
export interface BenchSystem {
  name: 'PostgreSQL' | 'MariaDB'
  connection: { url: string; schema?: string }
  addSubject(subjectId: string): Promise<void>
  /** The statements the connector runs for an export of the subject, run by the driver directly; returns the values read. */
  rawSelects(subjectId: string): Promise<number>
  drop(): Promise<void>
}

/**
 * The WHERE conditions `SubjectRows` builds for the map above — identifying
 * columns `IN` the spellings of the subject's identifiers, child tables
 * through `IN (SELECT id …)` of their parent — written out with `?`.
 */
function exportStatements(table: (name: string) => string, subjectId: string): { text: string; params: unknown[] }[] {
  const national = SUBJECT.phone.slice(2)
  const spellings = [[SUBJECT.email], [`+7${national}`, `7${national}`, `8${national}`], [subjectId]]
  const customers = {
    text: `(${table('customers')}.email in (?)) or (${table('customers')}.phone in (?, ?, ?)) or (${table('customers')}.derbes_subject_id in (?))`,
    params: spellings.flat(),
  }
  const child = (name: string) => ({ text: `${table(name)}.customer_id in (select ${table('customers')}.id from ${table('customers')} where ${customers.text})`, params: customers.params })
  return [
    { text: `select full_name, email, phone, birth_date from ${table('customers')} where ${customers.text}`, params: customers.params },
    { text: `select delivery_address from ${table('orders')} where ${child('orders').text}`, params: customers.params },
    { text: `select card_no, points from ${table('loyalty_cards')} where ${child('loyalty_cards').text}`, params: customers.params },
  ]
}

const valuesIn = (rows: Record<string, unknown>[]) => rows.reduce((sum, row) => sum + Object.keys(row).length, 0)

export async function postgresSystem(progress: (line: string) => void, register: (system: BenchSystem) => void): Promise<BenchSystem> {
  const schema = `derbes_bench_${randomBytes(5).toString('hex')}`
  const client = new pg.Client({ connectionString: POSTGRES_URL })
  await client.connect()
  const system: BenchSystem = {
    name: 'PostgreSQL',
    connection: { url: POSTGRES_URL, schema },
    async addSubject(subjectId) {
      await client.query(`insert into customers values ($1, $2, $3, $4, $5, $6, 'Астана')`, [CUSTOMER_ID, SUBJECT.fullName, SUBJECT.email, `8${SUBJECT.phone.slice(2)}`, SUBJECT.birthDate, subjectId])
      await client.query(`insert into orders select ${OTHERS.orders} + i, $1, 'Астана, Мәңгілік Ел 58, тапсырыс ' || i, 1000 + i from generate_series(1, ${MINE.orders}) i`, [CUSTOMER_ID])
      await client.query(`insert into loyalty_cards select ${OTHERS.loyalty_cards} + i, $1, 'ESP-0001-AIDOS-' || i, 100 * i from generate_series(1, ${MINE.cards}) i`, [CUSTOMER_ID])
    },
    async rawSelects(subjectId) {
      let values = 0
      for (const statement of exportStatements((name) => `"${schema}"."${name}"`, subjectId)) {
        let n = 0
        values += valuesIn((await client.query(statement.text.replace(/\?/g, () => `$${++n}`), statement.params)).rows)
      }
      return values
    },
    async drop() {
      await client.query(`drop schema if exists ${schema} cascade`)
      await client.end()
    },
  }
  // Registered before loading: the caller drops it whatever happens from here on.
  register(system)
  await client.query(`create schema ${schema}; set search_path to ${schema}`)
  await client.query(`create table customers (id integer primary key, full_name text not null, email varchar(120), phone varchar(20), birth_date date, derbes_subject_id text, city text)`)
  await client.query(`create table orders (id integer primary key, customer_id integer not null, delivery_address text, total numeric(10, 2) not null)`)
  await client.query(`create table loyalty_cards (id integer primary key, customer_id integer not null, card_no varchar(64) not null, points integer not null)`)
  progress(`PostgreSQL: loading ${OTHERS.customers.toLocaleString('en-US')} customers, ${OTHERS.orders.toLocaleString('en-US')} orders, ${OTHERS.loyalty_cards.toLocaleString('en-US')} loyalty cards into schema ${schema}`)
  await client.query(`insert into customers select i, 'Клиент ' || i, 'client' || i || '@mail.kz', '+7700' || lpad(i::text, 7, '0'), date '1960-01-01' + i % 15000, case when i % 2 = 0 then 'other-' || i end, 'Алматы' from generate_series(1, ${OTHERS.customers}) i`)
  await client.query(`insert into orders select i, (i - 1) % ${OTHERS.customers} + 1, 'Алматы, көше ' || i, i % 1000 + 0.5 from generate_series(1, ${OTHERS.orders}) i`)
  await client.query(`insert into loyalty_cards select i, i, 'ESP-' || lpad(i::text, 8, '0'), i % 500 from generate_series(1, ${OTHERS.loyalty_cards}) i`)
  progress('PostgreSQL: indexes, foreign keys, analyze')
  for (const statement of [
    'create index customers_email on customers (email)',
    'create index customers_phone on customers (phone)',
    'create index customers_subject on customers (derbes_subject_id)',
    'create index orders_customer on orders (customer_id)',
    'create index loyalty_cards_customer on loyalty_cards (customer_id)',
    'alter table orders add foreign key (customer_id) references customers (id)',
    'alter table loyalty_cards add foreign key (customer_id) references customers (id)',
    // Vacuumed as well as analysed, so autovacuum does not start on the fresh rows in the middle of the measuring.
    'vacuum analyze customers, orders, loyalty_cards',
  ]) await client.query(statement)
  return system
}

export async function mariadbSystem(progress: (line: string) => void, register: (system: BenchSystem) => void): Promise<BenchSystem> {
  const database = `derbes_bench_${randomBytes(5).toString('hex')}`
  const admin = await mysql.createConnection({ uri: MYSQL_URL })
  const url = new URL(MYSQL_URL)
  url.pathname = `/${database}`
  const system: BenchSystem = {
    name: 'MariaDB',
    connection: { url: url.toString() },
    async addSubject(subjectId) {
      await admin.execute(`insert into customers values (?, ?, ?, ?, ?, ?, 'Астана')`, [CUSTOMER_ID, SUBJECT.fullName, SUBJECT.email, SUBJECT.phone, SUBJECT.birthDate, subjectId])
      await admin.query(`insert into orders select ${OTHERS.orders} + i + 1, ?, concat('Астана, Мәңгілік Ел 58, тапсырыс ', i + 1), 1000 + i from seq where i < ${MINE.orders}`, [CUSTOMER_ID])
      await admin.query(`insert into loyalty_cards select ${OTHERS.loyalty_cards} + i + 1, ?, concat('ESP-0001-AIDOS-', i + 1), 100 * (i + 1) from seq where i < ${MINE.cards}`, [CUSTOMER_ID])
    },
    async rawSelects(subjectId) {
      let values = 0
      for (const statement of exportStatements((name) => `\`${name}\``, subjectId)) {
        const [rows] = await admin.execute(statement.text, statement.params as never)
        values += valuesIn(rows as Record<string, unknown>[])
      }
      return values
    },
    async drop() {
      await admin.query(`drop database if exists ${database}`)
      await admin.end()
    },
  }
  // Registered before loading: the caller drops it whatever happens from here on.
  register(system)
  await admin.query(`create database ${database} character set utf8mb4`)
  await admin.changeUser({ database })
  await admin.query(`create table customers (id int primary key, full_name varchar(200) not null, email varchar(120), phone varchar(20), birth_date date, derbes_subject_id varchar(64), city varchar(100), index customers_email (email), index customers_phone (phone), index customers_subject (derbes_subject_id)) engine=InnoDB`)
  await admin.query(`create table orders (id int primary key, customer_id int not null, delivery_address varchar(300), total decimal(10, 2) not null, foreign key (customer_id) references customers (id)) engine=InnoDB`)
  await admin.query(`create table loyalty_cards (id int primary key, customer_id int not null, card_no varchar(64) not null, points int not null, foreign key (customer_id) references customers (id)) engine=InnoDB`)
  // 0…999 from a recursive CTE; rows are made from it crossed with itself, 50,000 per INSERT … SELECT.
  await admin.query(`create table seq (i int primary key) engine=InnoDB`)
  await admin.query(`insert into seq with recursive n(i) as (select 0 union all select i + 1 from n where i < 999) select i from n`)
  await admin.query('set foreign_key_checks = 0')
  const batches: [string, number, (id: string) => string][] = [
    ['customers', OTHERS.customers, (id) => `${id}, concat('Клиент ', ${id}), concat('client', ${id}, '@mail.kz'), concat('+7700', lpad(${id}, 7, '0')), date '1960-01-01' + interval (${id} % 15000) day, if(${id} % 2 = 0, concat('other-', ${id}), null), 'Алматы'`],
    ['orders', OTHERS.orders, (id) => `${id}, (${id} - 1) % ${OTHERS.customers} + 1, concat('Алматы, көше ', ${id}), ${id} % 1000 + 0.5`],
    ['loyalty_cards', OTHERS.loyalty_cards, (id) => `${id}, ${id}, concat('ESP-', lpad(${id}, 8, '0')), ${id} % 500`],
  ]
  for (const [table, rows, columns] of batches) {
    progress(`MariaDB: loading ${rows.toLocaleString('en-US')} ${table} into database ${database}`)
    for (let thousand = 0; thousand * 1000 < rows; thousand += 50) {
      const last = Math.min(thousand + 50, Math.ceil(rows / 1000))
      await admin.query(`insert into ${table} select ${columns('(a.i * 1000 + b.i + 1)')} from seq a cross join seq b where a.i >= ${thousand} and a.i < ${last} and a.i * 1000 + b.i < ${rows}`)
    }
  }
  await admin.query('set foreign_key_checks = 1')
  await admin.query('analyze table customers, orders, loyalty_cards')
  return system
}

