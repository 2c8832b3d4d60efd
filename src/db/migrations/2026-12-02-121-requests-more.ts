import { sql, type Kysely } from 'kysely'

// Data subject requests (issue 4), what intake needs beyond 120:
// - who asked (the subject, a representative, the authorised body — TW-9.5, ESP-8, KZK-5.1.4);
// - what verification found: the identity proof the policy demands (ESP-9) and a
//   representative's authority (KZK-1.13, TW-4.1, ESP-3) — kinds and outcomes, never values;
// - a request's own data key, wrapped by the operator's keyring, for a requester the
//   operator does not hold (no subject key to seal under): deleting it shreds the request's
//   personal data the way deleting a subject key shreds a subject's.
// And an index for the reminder job, which looks across operators for open requests by due time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table requests add column requested_by text not null default 'subject' check (requested_by in ('subject', 'representative', 'authorised_body'))`.execute(db)
  await sql`alter table requests add column verification jsonb not null default '{}'`.execute(db)
  await sql`alter table requests add column sealed_key_id text`.execute(db)
  await sql`alter table requests add column sealed_wrapped_key text`.execute(db)
  await sql`create index requests_open_due on requests (due_at) where state not in ('answered', 'refused')`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index requests_open_due`.execute(db)
  await sql`alter table requests drop column sealed_wrapped_key`.execute(db)
  await sql`alter table requests drop column sealed_key_id`.execute(db)
  await sql`alter table requests drop column verification`.execute(db)
  await sql`alter table requests drop column requested_by`.execute(db)
}
