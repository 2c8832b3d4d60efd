import { sql, type Kysely } from 'kysely'
import { enableOperatorIsolation } from '../operator-scope/index.ts'

// Retention evaluation (issue 5 §1): the triggers Derbes cannot derive from its own tables, and legal holds.
// retention_triggers: purpose_achieved (per purpose), contract_end, account_closed (purpose_id '' for the whole
// subject) — recorded through the API, audited; one row per subject, trigger and purpose, the first date kept.
// retention_holds: a hold placed by staff with its reason (dispute, statutory, manual …); released, never deleted,
// so the console shows why data was kept. Both go with their subject (crypto-shredding leaves nothing behind).
// The sweep reads them by range of subject_id within an operator: the primary keys start with it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table retention_triggers (
      operator_id text not null,
      subject_id text not null,
      trigger text not null check (trigger in ('purpose_achieved', 'contract_end', 'account_closed')),
      purpose_id text not null default '',
      occurred_at timestamptz not null,
      recorded_at timestamptz not null,
      recorded_by text not null,
      note text,
      primary key (operator_id, subject_id, trigger, purpose_id),
      check ((trigger = 'purpose_achieved') = (purpose_id <> '')),
      foreign key (operator_id, subject_id) references subjects (operator_id, subject_id) on delete cascade
    )`.execute(db)
  await sql`
    create table retention_holds (
      operator_id text not null,
      hold_id text not null,
      subject_id text not null,
      reason text not null check (reason in ('unfulfilled_obligation', 'dispute', 'statutory', 'open_request', 'manual')),
      detail text not null,
      placed_at timestamptz not null,
      placed_by text not null,
      until timestamptz,
      released_at timestamptz,
      released_by text,
      primary key (operator_id, hold_id),
      check ((released_at is null) = (released_by is null)),
      foreign key (operator_id, subject_id) references subjects (operator_id, subject_id) on delete cascade
    )`.execute(db)
  await sql`create index retention_holds_active on retention_holds (operator_id, subject_id) where released_at is null`.execute(db)
  await enableOperatorIsolation(db, ['retention_triggers', 'retention_holds'])
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table retention_holds`.execute(db)
  await sql`drop table retention_triggers`.execute(db)
}
