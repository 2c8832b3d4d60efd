import type { ColumnType, Generated } from 'kysely'
import type { AccessTables } from '../access/access-tables.ts'
import type { ConsentTables } from '../consent/consent-tables.ts'
import type { NotifyTables } from '../notify/notify-tables.ts'
import type { RequestsTables } from '../requests/requests-tables.ts'
import type { SystemsTables } from '../systems/systems-tables.ts'
import type { TransfersTables } from '../subjects/transfers/transfers-tables.ts'
import type { FulfilmentTables } from '../requests/fulfilment/fulfilment-tables.ts'
import type { EmailTables } from '../notify/email/email-tables.ts'
import type { PortalTables } from '../portal/portal-tables.ts'
import type { RetentionTables } from '../retention/retention-tables.ts'
import type { RetentionRunTables } from '../retention/retention-run-tables.ts'
import type { MinorsTables } from '../retention/minors/minors-tables.ts'
import type { IncidentsTables } from '../incidents/incidents-tables.ts'
import type { DiscoveryTables } from '../discovery/store/discovery-tables.ts'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T = unknown> = ColumnType<T, string, string>

export interface OperatorsTable {
  operator_id: string
  name: Json<{ kk: string; ru: string; en: string }>
  bin: string | null
  created_at: ColumnType<Date, Date | string | undefined, never>
  /** The version subjects see now; null until one is published. */
  published_version_id: string | null
}

export const VERSION_STATES = ['draft', 'approved', 'published', 'superseded'] as const
export type VersionState = (typeof VERSION_STATES)[number]

export interface PolicyVersionsTable {
  operator_id: string
  version_id: string
  /** Order of upload within the operator, so "the previous version" is well defined. */
  seq: Generated<number>
  state: VersionState
  document: Json
  /** The text exactly as uploaded (YAML or JSON), kept for diffs and audits. */
  source: string
  source_format: 'yaml' | 'json'
  hash: string
  uploaded_at: ColumnType<Date, Date | string | undefined, never>
  uploaded_by: string
  approved_by: string | null
  approval_order: string | null
  approved_at: Timestamp | null
  published_at: Timestamp | null
  published_by: string | null
}

export const SUBJECT_STATUSES = ['active', 'blocked', 'anonymised', 'destroyed'] as const
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number]

export interface SubjectsTable {
  operator_id: string
  subject_id: string
  /** A subject kind of the operator's policy. */
  kind: string
  status: ColumnType<SubjectStatus, SubjectStatus | undefined, SubjectStatus>
  relationship_started_at: Timestamp | null
  relationship_ended_at: Timestamp | null
  created_at: ColumnType<Date, Date | string | undefined, never>
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
  /** The day the subject reaches the policy's adult age; null when adult or unknown. */
  minor_until: ColumnType<string | Date | null, string | null | undefined, string | null>
  /** Civil Code art. 26–27: full, limited, or none (a legal representative acts — TW-4.1). */
  legal_capacity: ColumnType<LegalCapacity, LegalCapacity | undefined, LegalCapacity>
  /** Where the age came from: the IIN (a best guess) or a stated birth date; null when unknown. */
  age_source: ColumnType<AgeSource | null, AgeSource | null | undefined, AgeSource | null>
}

export const AGE_SOURCES = ['iin', 'birth_date'] as const
export type AgeSource = (typeof AGE_SOURCES)[number]

export const LEGAL_CAPACITIES = ['full', 'limited', 'none'] as const
export type LegalCapacity = (typeof LEGAL_CAPACITIES)[number]

/** The subject's data key, wrapped by the operator's key; deleting the row shreds every value of the subject. */
export interface SubjectKeysTable {
  operator_id: string
  subject_id: string
  key_id: string
  wrapped_key: string
}

export const IDENTIFIER_KINDS = ['iin', 'phone', 'email', 'id_document'] as const
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number]

/** Look-ups by identifier go through a keyed hash, never the plaintext. */
export interface SubjectIdentifiersTable {
  operator_id: string
  subject_id: string
  kind: IdentifierKind
  blind_index: string
}

export interface VaultItemsTable {
  operator_id: string
  subject_id: string
  /** A data item of the policy (the list, Тізбе). */
  item_id: string
  value_no: ColumnType<number, number | undefined, number>
  ciphertext: string
  source: string
  collected_at: Timestamp
  purposes: Json<string[]>
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export const REPRESENTATIVE_RELATIONS = ['parent', 'guardian', 'legal_representative', 'attorney', 'legal_entity_representative'] as const
export type RepresentativeRelation = (typeof REPRESENTATIVE_RELATIONS)[number]

/** KZK-1.13 parents and guardians, TW-4.1 legal representatives, ESP-3 attorneys, TTC-2 legal entities' representatives. */
export interface SubjectRepresentativesTable {
  operator_id: string
  subject_id: string
  representative_id: string
  relation: RepresentativeRelation
  valid_from: string | null
  valid_until: string | null
  basis_document: string | null
  created_at: ColumnType<Date, Date | string | undefined, never>
}

/** pg returns bigint as a string, PGlite as a number; read it through `Number()`. */
type BigIntColumn = ColumnType<string | number, number, never>

/** A column the database generates from `body`: read-only. */
type FromBody<T> = ColumnType<T, never, never>

/**
 * One entry of an operator's audit hash chain (src/audit/); rows are never
 * updated or deleted. `body` is the canonical text that is hashed; the
 * columns after it are generated from it (migration 2026-12-02-160).
 */
export interface AuditEntriesTable {
  operator_id: string
  seq: BigIntColumn
  body: string
  hash: string
  at: FromBody<Date>
  actor: FromBody<string>
  action: FromBody<string>
  subject_id: FromBody<string | null>
  basis: FromBody<string | null>
  purpose: FromBody<string | null>
  details: FromBody<Record<string, unknown>>
}

/** The last entry of each operator's chain; its row lock serialises appends. */
export interface AuditHeadsTable {
  operator_id: string
  seq: ColumnType<string | number, number, number>
  hash: string
}

/** A signed statement "operator X's chain had hash H at seq N". */
export interface AuditCheckpointsTable {
  operator_id: string
  seq: BigIntColumn
  hash: string
  signed_at: ColumnType<Date, Date, never>
  signature: string
  key_id: string
}

/**
 * Every table. Modules that own tables declare them beside their code
 * (`access/access-tables.ts`, `consent/consent-tables.ts`, …) and are merged here.
 */
export interface Database extends AccessTables, ConsentTables, NotifyTables, RequestsTables, TransfersTables, FulfilmentTables, SystemsTables, EmailTables, PortalTables, MinorsTables, IncidentsTables, RetentionRunTables, RetentionTables, DiscoveryTables {
  operators: OperatorsTable
  policy_versions: PolicyVersionsTable
  subjects: SubjectsTable
  subject_keys: SubjectKeysTable
  subject_identifiers: SubjectIdentifiersTable
  vault_items: VaultItemsTable
  subject_representatives: SubjectRepresentativesTable
  audit_entries: AuditEntriesTable
  audit_heads: AuditHeadsTable
  audit_checkpoints: AuditCheckpointsTable
}
