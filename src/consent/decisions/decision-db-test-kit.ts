import type { Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import type { SubjectStatus } from '../../db/database-schema.ts'
import type { ConsentStatus } from '../consent-tables.ts'

export interface TestSubject {
  kind: string
  status?: SubjectStatus
  relationshipEndedAt?: string | null
  minorUntil?: string | null
  legalCapacity?: 'full' | 'limited' | 'none'
  updatedAt?: string
}

/** Writes a subjects row as the subjects module would (tests of decisions only read it). */
export async function putSubject(db: Kysely<Database>, operatorId: string, subjectId: string, s: TestSubject): Promise<void> {
  const values = {
    kind: s.kind,
    status: s.status ?? 'active',
    relationship_ended_at: s.relationshipEndedAt ?? null,
    minor_until: s.minorUntil ?? null,
    legal_capacity: s.legalCapacity ?? 'full',
    updated_at: s.updatedAt ?? '2026-12-01T00:00:00Z',
  } as const
  await db
    .insertInto('subjects')
    .values({ operator_id: operatorId, subject_id: subjectId, ...values })
    .onConflict((oc) => oc.columns(['operator_id', 'subject_id']).doUpdateSet(values))
    .execute()
}

export interface TestConsent {
  purpose: string
  channel?: string
  status?: ConsentStatus
  formId: string
  formVersion?: number
  expiresAt?: string | null
  withdrawalEffectiveAt?: string | null
  byRepresentative?: boolean
  countries?: string[]
  updatedAt?: string
}

/** Writes a consent_state row as the ledger's projection would. */
export async function putConsent(db: Kysely<Database>, operatorId: string, subjectId: string, c: TestConsent): Promise<void> {
  const values = {
    status: c.status ?? 'given',
    form_id: c.formId,
    form_version: c.formVersion ?? 1,
    event_id: `ev-${subjectId}-${c.purpose}-${c.channel ?? ''}`,
    given_at: '2026-11-01T00:00:00Z',
    expires_at: c.expiresAt ?? null,
    withdrawal_effective_at: c.withdrawalEffectiveAt ?? null,
    by_representative: c.byRepresentative ?? false,
    countries: JSON.stringify(c.countries ?? []),
    updated_at: c.updatedAt ?? '2026-12-01T00:00:00Z',
  } as const
  await db
    .insertInto('consent_state')
    .values({ operator_id: operatorId, subject_id: subjectId, purpose_id: c.purpose, channel: c.channel ?? '', ...values })
    .onConflict((oc) => oc.columns(['operator_id', 'subject_id', 'purpose_id', 'channel']).doUpdateSet(values))
    .execute()
}
