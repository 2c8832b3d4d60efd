import { sql, type Kysely } from 'kysely'

// What decisions need to know about a subject's capacity without decrypting
// anything: until when the subject is a minor under the policy's adult age
// (derived from the IIN or birth date at registration; null when adult or
// unknown) and whether a court found the subject incapable (TW-4.1, Civil
// Code art. 26). minor_until reveals a minor's birth date to whoever reads the
// table; that is the price of deciding without the vault key, and only minors pay it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table subjects add column minor_until date`.execute(db)
  await sql`alter table subjects add column legal_capacity text not null default 'full' check (legal_capacity in ('full', 'limited', 'none'))`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table subjects drop column legal_capacity`.execute(db)
  await sql`alter table subjects drop column minor_until`.execute(db)
}
