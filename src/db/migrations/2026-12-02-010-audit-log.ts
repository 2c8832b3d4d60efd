import { sql, type Kysely } from 'kysely'

// The audit log (DESIGN "Storage", "Quality bars"): one SHA-256 hash chain per
// operator. audit_heads holds each chain's last (seq, hash); appends lock that
// row, so concurrent transactions queue instead of forking the chain.
// The trigger refuses UPDATE and DELETE on entries; it is a guard against
// mistakes, not the proof — anyone who owns the table can disable it, which is
// why `derbes audit verify` recomputes the chain and checks signed checkpoints.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_heads (
      operator_id text primary key references operators (operator_id),
      seq bigint not null check (seq >= 0),
      hash text not null
    )`.execute(db)
  await sql`
    create table audit_entries (
      operator_id text not null,
      seq bigint not null check (seq >= 1),
      at timestamptz not null,
      actor text not null,
      action text not null,
      subject_id text,
      basis text,
      purpose text,
      details jsonb not null,
      prev_hash text not null,
      hash text not null,
      primary key (operator_id, seq)
    )`.execute(db)
  await sql`create index audit_entries_by_subject on audit_entries (operator_id, subject_id, seq) where subject_id is not null`.execute(db)
  await sql`
    create function audit_entries_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_entries is append-only' using errcode = '42501';
    end
    $$`.execute(db)
  await sql`
    create trigger audit_entries_append_only before update or delete on audit_entries
    for each row execute function audit_entries_append_only()`.execute(db)
  await sql`
    create table audit_checkpoints (
      operator_id text not null references operators (operator_id),
      seq bigint not null check (seq >= 0),
      hash text not null,
      signed_at timestamptz not null,
      signature text not null,
      key_id text not null,
      primary key (operator_id, seq)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_checkpoints`.execute(db)
  await sql`drop table audit_entries`.execute(db)
  await sql`drop function audit_entries_append_only()`.execute(db)
  await sql`drop table audit_heads`.execute(db)
}
