import { sql, type Kysely } from 'kysely'

// Subjects and the encrypted vault (DESIGN "Storage"). No plaintext personal data is
// stored here: identifiers only as keyed hashes (blind index), values only as
// AES-256-GCM ciphertext under the subject's data key, which is itself stored
// wrapped by the operator's key. Deleting a subject's row in subject_keys makes
// every ciphertext of that subject unreadable (crypto-shredding).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table subjects (
      operator_id text not null references operators (operator_id),
      subject_id text not null,
      kind text not null,
      status text not null default 'active' check (status in ('active', 'blocked', 'anonymised', 'destroyed')),
      relationship_started_at timestamptz,
      relationship_ended_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (operator_id, subject_id)
    )`.execute(db)
  await sql`
    create table subject_keys (
      operator_id text not null,
      subject_id text not null,
      key_id text not null,
      wrapped_key text not null,
      primary key (operator_id, subject_id),
      foreign key (operator_id, subject_id) references subjects (operator_id, subject_id) on delete cascade
    )`.execute(db)
  await sql`
    create table subject_identifiers (
      operator_id text not null,
      subject_id text not null,
      kind text not null check (kind in ('iin', 'phone', 'email', 'id_document')),
      blind_index text not null,
      primary key (operator_id, kind, blind_index),
      foreign key (operator_id, subject_id) references subjects (operator_id, subject_id) on delete cascade
    )`.execute(db)
  await sql`create index subject_identifiers_by_subject on subject_identifiers (operator_id, subject_id)`.execute(db)
  await sql`
    create table vault_items (
      operator_id text not null,
      subject_id text not null,
      item_id text not null,
      value_no integer not null default 0,
      ciphertext text not null,
      source text not null,
      collected_at timestamptz not null,
      purposes jsonb not null,
      updated_at timestamptz not null default now(),
      primary key (operator_id, subject_id, item_id, value_no),
      foreign key (operator_id, subject_id) references subjects (operator_id, subject_id) on delete cascade
    )`.execute(db)
  await sql`
    create table subject_representatives (
      operator_id text not null,
      subject_id text not null,
      representative_id text not null,
      relation text not null check (relation in ('parent', 'guardian', 'legal_representative', 'attorney', 'legal_entity_representative')),
      valid_from date,
      valid_until date,
      basis_document text,
      created_at timestamptz not null default now(),
      primary key (operator_id, subject_id, representative_id, relation),
      foreign key (operator_id, subject_id) references subjects (operator_id, subject_id) on delete cascade,
      foreign key (operator_id, representative_id) references subjects (operator_id, subject_id) on delete cascade,
      check (subject_id <> representative_id),
      check (valid_until is null or valid_from is null or valid_from <= valid_until)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['subject_representatives', 'vault_items', 'subject_identifiers', 'subject_keys', 'subjects']) {
    await sql`drop table ${sql.table(table)}`.execute(db)
  }
}
