import { sql, type Kysely } from 'kysely'
import { disableOperatorIsolation, enableOperatorIsolation } from '../operator-scope/index.ts'

// Minors (issue 5 §4): one row per time a subject was found under the policy's minimum age without a
// representative's consent (TTC-10.4, KZK-1.13) — when, why, what the policy's `underAge` says, what was
// done, and when and why the flag ended (came of age, a parent consented, the subject is gone). At most one
// open flag per subject. Statistics (issue 5 §5) need no table: each export is an audit entry.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table minor_flags (
      operator_id text not null,
      flag_id text not null,
      subject_id text not null,
      found_at timestamptz not null,
      reason text not null check (reason in ('under_minimum_age', 'minor_kind_age_unknown')),
      minimum_age integer not null,
      reaches_minimum_age_on date,
      under_age_action text not null check (under_age_action in ('delete_asap', 'parental_consent', 'reject')),
      handling text not null check (handling in ('destroy_due', 'blocked_until_representative_consents', 'refused')),
      blocked_by_scan boolean not null default false,
      clauses jsonb not null default '[]',
      policy_version_id text not null,
      cleared_at timestamptz,
      cleared_reason text check (cleared_reason in ('came_of_age', 'representative_consented', 'subject_gone', 'policy_changed')),
      primary key (operator_id, flag_id),
      foreign key (operator_id, subject_id) references subjects (operator_id, subject_id) on delete cascade
    )`.execute(db)
  await sql`create unique index minor_flags_one_open on minor_flags (operator_id, subject_id) where cleared_at is null`.execute(db)
  await sql`create index minor_flags_by_found on minor_flags (operator_id, found_at, subject_id)`.execute(db)
  await enableOperatorIsolation(db, ['minor_flags'])
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await disableOperatorIsolation(db, ['minor_flags'])
  await sql`drop table minor_flags`.execute(db)
}
