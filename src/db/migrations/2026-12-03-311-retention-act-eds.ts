import { sql, type Kysely } from 'kysely'

// Issue 5 §3: a destruction act signed with an EDS keeps, beside the CMS
// (signature_cms), what its check established: the signer certificate's
// subject (the IIN of a KZ NCA certificate), fingerprint, issuer, chain and
// signing time. Null for an act confirmed in the console without an EDS.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table retention_acts add column eds_signer jsonb`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table retention_acts drop column eds_signer`.execute(db)
}
