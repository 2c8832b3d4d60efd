import type { ColumnType, Generated } from 'kysely'
import type { AuthorityChannel, IncidentKind, IncidentStatus, NoticeChannel, NoticeStatus, TimelineAction } from './incident-kinds.ts'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T = unknown> = ColumnType<T, string, string>

/** A system the incident touched: one of the data map (`src/systems/`) by id, or a name where it is not mapped. */
export type IncidentSystem = { systemId: string } | { name: string }

/** A measure taken, as the notice to the authorised body lists it. */
export interface IncidentMeasure {
  at: string
  by: string
  text: string
}

/** The responsible person's contacts for the notice (Order 481/НҚ) when the policy lacks them. */
export interface ResponsiblePersonContacts {
  name?: string
  position?: string
  email?: string
  phone?: string
}

/** The notice to the authorised body as recorded sent: it stops the clock. */
export interface AuthorityNoticeRecord {
  sentAt: string
  channel: AuthorityChannel
  reference: string | null
  recordedBy: string
  recordedAt: string
  /** Sent after the due time (art. 25(2)(8)): kept as a fact, never hidden. */
  late: boolean
}

/**
 * One breach (art. 1(15-1)). `description` is the operator's own account of
 * what happened; subjects are linked by id in `incident_subjects`, never by
 * a value. The deadline (`due_at`, `due_basis`) is fixed at registration from
 * the discovery time in the operator's calendar.
 */
export interface IncidentsTable {
  operator_id: string
  incident_id: string
  /** `KZK-INC-2026-0001`, printed on the notice. */
  reference: string
  kind: IncidentKind
  description: string
  discovered_at: Timestamp
  reported_by: string
  systems: Json<IncidentSystem[]>
  categories: Json<string[]>
  items: Json<string[]>
  /** The published policy the categories and items were checked against. */
  policy_version_id: string
  status: IncidentStatus
  measures: Json<IncidentMeasure[]>
  responsible_person: Json<ResponsiblePersonContacts | null>
  due_at: Timestamp
  due_basis: Json<Record<string, unknown>>
  authority_notice: Json<AuthorityNoticeRecord | null>
  authority_notified_at: Timestamp | null
  subject_count: ColumnType<number, number | undefined, number>
  reminded_at: Timestamp | null
  escalated_at: Timestamp | null
  created_by: string
  created_at: Timestamp
  updated_at: Timestamp
}

/** A subject the incident affects, and what became of its notice (KZK-6.1, KZK-6.2). */
export interface IncidentSubjectsTable {
  operator_id: string
  incident_id: string
  subject_id: string
  resolved_at: Timestamp
  notice_status: NoticeStatus | null
  /** The KZK-6.2 exception, or why no notice went: no contact held, the policy does not provide for one. */
  notice_reason: string | null
  notice_channel: NoticeChannel | null
  notice_language: 'kk' | 'ru' | 'en' | null
  /** The e-mail or SMS outbox message. */
  notice_message_id: string | null
  noticed_at: Timestamp | null
}

/** Everything done on an incident, in order. */
export interface IncidentTimelineTable {
  operator_id: string
  incident_id: string
  seq: Generated<number>
  at: Timestamp
  actor: string
  action: TimelineAction
  details: Json<Record<string, unknown>>
}

export interface IncidentsTables {
  incidents: IncidentsTable
  incident_subjects: IncidentSubjectsTable
  incident_timeline: IncidentTimelineTable
}
