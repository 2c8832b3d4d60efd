import type { Selectable } from 'kysely'
import { almatyDate, type BusinessCalendar, type LocalDate } from '../kz/index.ts'
import type { AuthorityNoticeRecord, IncidentMeasure, IncidentsTable, IncidentSystem, ResponsiblePersonContacts } from './incidents-tables.ts'
import type { IncidentKind, IncidentStatus } from './incident-kinds.ts'

export type IncidentRow = Selectable<IncidentsTable>

/** An incident as the API shows it: no personal-data value, the deadline's state computed at `now`. */
export interface IncidentView {
  incidentId: string
  reference: string
  kind: IncidentKind
  description: string
  discoveredAt: string
  reportedBy: string
  systems: IncidentSystem[]
  categories: string[]
  items: string[]
  policyVersionId: string
  status: IncidentStatus
  measures: IncidentMeasure[]
  responsiblePerson: ResponsiblePersonContacts | null
  subjectCount: number
  /** The art. 25(2)(8) deadline to notify the authorised body. */
  dueOn: LocalDate
  dueAt: string
  dueBasis: Record<string, unknown>
  /** Not yet notified and past the due time. */
  overdue: boolean
  /** Business days until the due date (0 on the day, negative once late); null once notified. */
  businessDaysLeft: number | null
  authorityNotice: AuthorityNoticeRecord | null
  remindedAt: string | null
  escalatedAt: string | null
  createdAt: string
  updatedAt: string
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())

export function toIncidentView(row: IncidentRow, now: Date, calendar: BusinessCalendar): IncidentView {
  const dueAt = new Date(row.due_at)
  const dueOn = almatyDate(dueAt)
  const notified = row.authority_notified_at !== null
  return {
    incidentId: row.incident_id,
    reference: row.reference,
    kind: row.kind,
    description: row.description,
    discoveredAt: new Date(row.discovered_at).toISOString(),
    reportedBy: row.reported_by,
    systems: row.systems,
    categories: row.categories,
    items: row.items,
    policyVersionId: row.policy_version_id,
    status: row.status,
    measures: row.measures,
    responsiblePerson: row.responsible_person,
    subjectCount: row.subject_count,
    dueOn,
    dueAt: dueAt.toISOString(),
    dueBasis: row.due_basis,
    overdue: !notified && now > dueAt,
    businessDaysLeft: notified ? null : calendar.businessDaysBetween(almatyDate(now), dueOn),
    authorityNotice: row.authority_notice,
    remindedAt: iso(row.reminded_at),
    escalatedAt: iso(row.escalated_at),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}
