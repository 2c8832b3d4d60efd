import { sql, type Kysely } from 'kysely'

// Whether a subject's age is known, and from where: 'iin' (digits 1–7, a best
// guess — since 2013 an IIN need not match the birth date) or 'birth_date'
// (stated). With minor_until it tells three age bands apart — minor, adult,
// unknown — without storing any adult's birth date: minor_until alone cannot
// tell "adult" from "unknown" (both null).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table subjects add column age_source text check (age_source in ('iin', 'birth_date'))`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table subjects drop column age_source`.execute(db)
}
