import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { canonicalJson } from '../../policy/index.ts'

// The audit log's hashed form (src/audit/audit-entry.ts): each entry's
// canonical text is stored as `body` and hashed exactly as stored, so
// verification reads and hashes bytes instead of rebuilding text from typed
// columns. The queryable columns are GENERATED from body — they cannot drift
// from what is hashed, and changing one means changing body. The time stands
// at a fixed offset of every body and is cut out without parsing JSON; so
// does the previous hash, which no query needs as a column.
//
// Existing chains are converted in place: each is first verified in the old
// form (a broken chain stops the migration — re-hashing must never launder
// tampering), then re-hashed in the new one, and its head moved. Signed
// checkpoints name hashes of the old form that no longer exist; they are
// removed, and the checkpoint job signs the new heads on its next pass.
// The body formats below are frozen copies: this migration must keep meaning
// what it meant when it ran, whatever src/audit becomes.

const V1 = 'derbes-audit-v1'
const V2 = 'derbes-audit-v2'
const PAGE = 5000

const q = JSON.stringify
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
/** A string before details: JSON, any comma inside written \u002c. */
const head = (value: string) => q(value).replaceAll(',', '\\u002c')
const orNull = (value: string | null) => (value === null ? 'null' : head(value))

interface Fields {
  operator_id: string
  seq: number
  at: Date
  actor: string
  action: string
  subject_id: string | null
  basis: string | null
  purpose: string | null
  details: Record<string, unknown>
}

const v1Text = (f: Fields, prevHash: string) =>
  canonicalJson([V1, f.operator_id, f.seq, f.at.toISOString(), f.actor, f.action, f.subject_id, f.basis, f.purpose, f.details, prevHash])
const v2Body = (f: Fields, prevHash: string) =>
  `["${V2}","${prevHash}",${q(f.at.toISOString())},${head(f.operator_id)},${f.seq},${head(f.actor)},${head(f.action)},${orNull(f.subject_id)},${orNull(f.basis)},${orNull(f.purpose)},${canonicalJson(f.details)}]`

/**
 * Element `n` (5…9) of the body as text. A body without a backslash has no
 * escaped string before details, and no comma inside one (a comma there is
 * written \u002c): its first ten commas separate its elements, and a string
 * is its characters between the quotes — cut out without parsing JSON, at
 * about half the cost of an append that parses. Any other body is parsed.
 */
const element = (n: number) =>
  sql.raw(`case when strpos(body, '\\') = 0 then btrim(nullif(split_part(body, ',', ${n + 1}), 'null'), '"') else body::jsonb ->> ${n} end`)

/** The columns generated from body (1-based offsets: the time at 88). */
const GENERATED_COLUMNS = sql`
  add column at timestamptz not null generated always as (timezone('UTC', make_timestamp(
    substr(body, 88, 4)::int, substr(body, 93, 2)::int, substr(body, 96, 2)::int,
    substr(body, 99, 2)::int, substr(body, 102, 2)::int, substr(body, 105, 6)::float8))) stored,
  add column actor text not null generated always as (${element(5)}) stored,
  add column action text not null generated always as (${element(6)}) stored,
  add column subject_id text generated always as (${element(7)}) stored,
  add column basis text generated always as (${element(8)}) stored,
  add column purpose text generated always as (${element(9)}) stored,
  add column details jsonb not null generated always as (body::jsonb -> 10) stored`

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_entries disable trigger audit_entries_append_only`.execute(db)
  await sql`alter table audit_entries add column body text`.execute(db)
  await rehashChains(db, {
    columns: sql`operator_id, seq, at, actor, action, subject_id, basis, purpose, details, prev_hash, hash`,
    check: (row, prev) => row.prev_hash === prev && sha256(v1Text(row, row.prev_hash)) === row.hash,
    rewrite: (row, prev) => {
      const body = v2Body(row, prev)
      return { hash: sha256(body), body }
    },
    write: (operatorId, seqs, rewritten) => sql`
      update audit_entries set body = u.body, hash = u.hash
      from unnest(${seqs}::bigint[], ${rewritten.map((r) => r.body)}::text[], ${rewritten.map((r) => r.hash)}::text[]) as u(seq, body, hash)
      where audit_entries.operator_id = ${operatorId} and audit_entries.seq = u.seq`,
  })
  await sql`drop index audit_entries_by_subject`.execute(db)
  await sql`
    alter table audit_entries drop column at, drop column actor, drop column action, drop column subject_id,
      drop column basis, drop column purpose, drop column details, drop column prev_hash,
      alter column body set not null`.execute(db)
  await sql`alter table audit_entries ${GENERATED_COLUMNS}`.execute(db)
  await sql`create index audit_entries_by_subject on audit_entries (operator_id, subject_id, seq) where subject_id is not null`.execute(db)
  await sql`alter table audit_entries enable trigger audit_entries_append_only`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_entries disable trigger audit_entries_append_only`.execute(db)
  await sql`
    alter table audit_entries add column v1_at timestamptz, add column v1_actor text, add column v1_action text,
      add column v1_subject_id text, add column v1_basis text, add column v1_purpose text, add column v1_details jsonb,
      add column v1_prev_hash text`.execute(db)
  await sql`
    update audit_entries set v1_at = at, v1_actor = actor, v1_action = action, v1_subject_id = subject_id,
      v1_basis = basis, v1_purpose = purpose, v1_details = details`.execute(db)
  await rehashChains(db, {
    columns: sql`operator_id, seq, at, actor, action, subject_id, basis, purpose, details, substr(body, 21, 64) as prev_hash, body, hash`,
    check: (row, prev) => row.prev_hash === prev && row.body === v2Body(row, prev) && sha256(row.body) === row.hash,
    rewrite: (row, prev) => ({ hash: sha256(v1Text(row, prev)), prevHash: prev }),
    write: (operatorId, seqs, rewritten) => sql`
      update audit_entries set v1_prev_hash = u.prev_hash, hash = u.hash
      from unnest(${seqs}::bigint[], ${rewritten.map((r) => r.prevHash)}::text[], ${rewritten.map((r) => r.hash)}::text[]) as u(seq, prev_hash, hash)
      where audit_entries.operator_id = ${operatorId} and audit_entries.seq = u.seq`,
  })
  // Dropping body drops the columns generated from it, and the index on subject_id with them.
  await sql`alter table audit_entries drop column body cascade`.execute(db)
  for (const column of ['at', 'actor', 'action', 'subject_id', 'basis', 'purpose', 'details', 'prev_hash']) {
    await sql`alter table audit_entries rename column ${sql.id(`v1_${column}`)} to ${sql.id(column)}`.execute(db)
  }
  await sql`
    alter table audit_entries alter column at set not null, alter column actor set not null, alter column action set not null,
      alter column details set not null, alter column prev_hash set not null`.execute(db)
  await sql`create index audit_entries_by_subject on audit_entries (operator_id, subject_id, seq) where subject_id is not null`.execute(db)
  await sql`alter table audit_entries enable trigger audit_entries_append_only`.execute(db)
}

type Row = Fields & { prev_hash: string; hash: string; body?: string }
type Rewritten = { hash: string; body?: string; prevHash?: string }

/**
 * Walks every operator's chain in seq order, a page at a time: checks each
 * entry in the form it is in (`check`, against the previous entry's old
 * hash), rewrites it in the other form (`rewrite`, chained to the previous
 * entry's new hash) and stores the result (`write`). Then checks the head,
 * moves it to the new last hash, and removes the checkpoints.
 */
async function rehashChains(
  db: Kysely<any>,
  form: {
    columns: ReturnType<typeof sql>
    check(row: Row, prevOldHash: string): boolean
    rewrite(row: Row, prevNewHash: string): Rewritten
    write(operatorId: string, seqs: number[], rewritten: Rewritten[]): ReturnType<typeof sql>
  },
): Promise<void> {
  const genesis = '0'.repeat(64)
  const heads = await sql<{ operator_id: string; seq: string | number; hash: string }>`select operator_id, seq, hash from audit_heads order by operator_id`.execute(db)
  for (const head of heads.rows) {
    const operatorId = head.operator_id
    const checkpoints = await sql<{ seq: string | number; hash: string }>`select seq, hash from audit_checkpoints where operator_id = ${operatorId}`.execute(db)
    const signed = new Map(checkpoints.rows.map((c) => [Number(c.seq), c.hash]))
    let seq = 0
    let oldHash = genesis
    let newHash = genesis
    for (;;) {
      const page = await sql<Row & { seq: string | number }>`
        select ${form.columns} from audit_entries where operator_id = ${operatorId} and seq > ${seq} order by seq limit ${PAGE}`.execute(db)
      if (page.rows.length === 0) break
      const seqs: number[] = []
      const rewritten: Rewritten[] = []
      for (const stored of page.rows) {
        const row = { ...stored, seq: Number(stored.seq) }
        if (row.seq !== seq + 1 || !form.check(row, oldHash) || (signed.has(row.seq) && signed.get(row.seq) !== row.hash)) {
          throw new Error(`the audit chain of operator '${operatorId}' is broken at entry ${seq + 1}: run \`derbes audit verify\` with the previous version and resolve it before migrating`)
        }
        const next = form.rewrite(row, newHash)
        seq = row.seq
        oldHash = row.hash
        newHash = next.hash
        seqs.push(row.seq)
        rewritten.push(next)
      }
      await form.write(operatorId, seqs, rewritten).execute(db)
    }
    if (Number(head.seq) !== seq || head.hash !== oldHash || [...signed.keys()].some((s) => s > seq)) {
      throw new Error(`the audit chain of operator '${operatorId}' does not end at its head (seq ${String(head.seq)}): run \`derbes audit verify\` with the previous version before migrating`)
    }
    await sql`update audit_heads set hash = ${newHash} where operator_id = ${operatorId}`.execute(db)
  }
  await sql`delete from audit_checkpoints`.execute(db)
  const orphans = await sql<{ n: string | number }>`select count(*) as n from audit_entries e where not exists (select 1 from audit_heads h where h.operator_id = e.operator_id)`.execute(db)
  if (Number(orphans.rows[0]!.n) > 0) throw new Error('audit entries of an operator without an audit head exist: run `derbes audit verify` with the previous version before migrating')
}
