/**
 * FOR TESTS. A migrated schema can be emptied back to the state migrations
 * left it in far faster than a new one can be created and migrated (~40
 * migrations: seconds on a loaded machine, and on a server under a lock all
 * test workers share). The snapshot says what "just migrated" was: its tables,
 * and the rows migrations wrote (Kysely's own bookkeeping, event cursors,
 * pg-boss's version).
 */
export interface SchemaSnapshot {
  schema: string
  tables: string[]
  seeded: { table: string; columns: string[]; rowsJson: string }[]
  /** A digest of columns, indexes, constraints, triggers and row-level security: a test that ran a migration down changes it. */
  structure: string
}

/** Runs one statement and gives its rows; `exec` runs several statements without parameters. */
export interface SchemaSession {
  query<R>(text: string, params?: unknown[]): Promise<R[]>
  exec(text: string): Promise<void>
}

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_$]*$/i.test(name)) throw new Error(`unexpected identifier ${JSON.stringify(name)}`)
  return `"${name}"`
}

async function tablesOf(session: SchemaSession, schema: string): Promise<string[]> {
  const rows = await session.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p') order by c.relname`,
    [schema],
  )
  return rows.map((row) => row.name)
}

/** Everything a test could change in a schema's shape, digested; rows and tables made since are not in it. */
async function structureOf(session: SchemaSession, schema: string): Promise<string> {
  const [{ digest }] = (await session.query<{ digest: string }>(
    `select md5(coalesce(string_agg(x, E'\\n' order by x), '')) as digest from (
        select 'c ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text || a.attgenerated::text
          from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = $1 and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
        union all
        select 's ' || c.relname || ' ' || c.relrowsecurity::text || c.relforcerowsecurity::text
          from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind in ('r', 'p')
        union all
        select 'i ' || indexname || ' ' || indexdef from pg_indexes where schemaname = $1
        union all
        select 'k ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(k.oid)
          from pg_constraint k join pg_namespace n on n.oid = k.connamespace where n.nspname = $1
        union all
        select 't ' || tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text
          from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = $1 and not t.tgisinternal
        union all
        select 'p ' || tablename || ' ' || policyname || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '')
          from pg_policies where schemaname = $1
      ) parts(x)`,
    [schema],
  )) as [{ digest: string }]
  return digest
}

/** What `schema` holds right after its migrations ran. */
export async function snapshotSchema(session: SchemaSession, schema: string): Promise<SchemaSnapshot> {
  const tables = await tablesOf(session, schema)
  const seeded: SchemaSnapshot['seeded'] = []
  for (const table of tables) {
    const [{ rows }] = (await session.query<{ rows: string }>(
      `select coalesce(json_agg(t), '[]')::text as rows from ${ident(schema)}.${ident(table)} t`,
    )) as [{ rows: string }]
    if (rows === '[]') continue
    const columns = await session.query<{ name: string }>(
      `select a.attname as name from pg_attribute a
        where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' order by a.attnum`,
      [`${ident(schema)}.${ident(table)}`],
    )
    seeded.push({ table, columns: columns.map((column) => column.name), rowsJson: rows })
  }
  return { schema, tables, seeded, structure: await structureOf(session, schema) }
}

/**
 * Empties the schema back to its snapshot: tables created since (pg-boss makes
 * a partition per queue) are dropped, the rest truncated with their
 * identities restarted, and the migrations' own rows put back. False when the
 * schema's shape is no longer what migrations made (a test ran one down and
 * up): throw it away then, never reuse it.
 */
export async function resetSchema(session: SchemaSession, snapshot: SchemaSnapshot): Promise<boolean> {
  const schema = ident(snapshot.schema)
  const known = new Set(snapshot.tables)
  const extra = (await tablesOf(session, snapshot.schema)).filter((table) => !known.has(table))
  const statements = [
    ...extra.map((table) => `drop table if exists ${schema}.${ident(table)} cascade`),
    `truncate table ${snapshot.tables.map((table) => `${schema}.${ident(table)}`).join(', ')} restart identity cascade`,
    ...snapshot.seeded.map(({ table, columns, rowsJson }) => {
      if (rowsJson.includes('$seed$')) throw new Error(`the seeded rows of ${table} cannot be quoted`)
      const list = columns.map(ident).join(', ')
      const target = `${schema}.${ident(table)}`
      return `insert into ${target} (${list}) overriding system value
        select ${list} from json_populate_recordset(null::${target}, $seed$${rowsJson}$seed$)`
    }),
  ]
  await session.exec(statements.join(';\n'))
  return (await structureOf(session, snapshot.schema)) === snapshot.structure
}
