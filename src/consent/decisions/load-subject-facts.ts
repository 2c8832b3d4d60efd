import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import type { ConsentFact, SubjectFacts } from './decision-types.ts'

/** Shares one string per distinct purpose, channel, form and status, so a million rows hold a handful of strings, and comparisons mostly hit the same pointer. */
export type Intern = (value: string) => string

export function createIntern(): Intern {
  const strings = new Map<string, string>()
  return (value) => {
    const seen = strings.get(value)
    if (seen !== undefined) return seen
    strings.set(value, value)
    return value
  }
}

interface SubjectRow {
  subject_id: string
  kind: string
  status: SubjectFacts['status']
  relationship_ended_at: Date | null
  minor_until: string | null
  legal_capacity: SubjectFacts['legalCapacity']
}

interface ConsentRow {
  subject_id: string
  purpose_id: string
  channel: string
  status: ConsentFact['status']
  form_id: string
  form_version: number
  expires_at: Date | null
  withdrawal_effective_at: Date | null
  by_representative: boolean
  countries: string[]
}

const ms = (date: Date | null) => (date === null ? null : date.getTime())

/** `minor_until` is a date: the subject comes of age at midnight in Almaty (UTC+5) that day. */
const almatyMidnight = (date: string | null) => (date === null ? null : Date.parse(`${date}T00:00:00+05:00`))

export function toConsentFact(row: ConsentRow, intern: Intern): ConsentFact {
  return {
    purposeId: intern(row.purpose_id),
    channel: intern(row.channel),
    status: intern(row.status) as ConsentFact['status'],
    formId: intern(row.form_id),
    formVersion: row.form_version,
    expiresAt: ms(row.expires_at),
    withdrawalEffectiveAt: ms(row.withdrawal_effective_at),
    byRepresentative: row.by_representative,
    countries: row.countries.length === 0 ? NO_COUNTRIES : row.countries.map(intern),
  }
}

const NO_COUNTRIES: readonly string[] = Object.freeze([])

export function toSubjectFacts(row: SubjectRow, consents: readonly ConsentFact[], intern: Intern): SubjectFacts {
  return {
    subjectId: row.subject_id,
    kind: intern(row.kind),
    status: intern(row.status) as SubjectFacts['status'],
    relationshipEndedAt: ms(row.relationship_ended_at),
    minorUntil: almatyMidnight(row.minor_until),
    legalCapacity: intern(row.legal_capacity) as SubjectFacts['legalCapacity'],
    consents,
  }
}

function subjectsOf(db: Kysely<Database>, operatorId: string) {
  return db
    .selectFrom('subjects')
    .select(['subject_id', 'kind', 'status', 'relationship_ended_at', 'legal_capacity', sql<string | null>`minor_until::text`.as('minor_until')])
    .where('operator_id', '=', operatorId)
}

function consentsOf(db: Kysely<Database>, operatorId: string) {
  return db
    .selectFrom('consent_state')
    .select(['subject_id', 'purpose_id', 'channel', 'status', 'form_id', 'form_version', 'expires_at', 'withdrawal_effective_at', 'by_representative', 'countries'])
    .where('operator_id', '=', operatorId)
}

function assemble(subjects: SubjectRow[], consents: ConsentRow[], intern: Intern): SubjectFacts[] {
  const bySubject = new Map<string, ConsentFact[]>()
  for (const row of consents) {
    const list = bySubject.get(row.subject_id)
    if (list) list.push(toConsentFact(row, intern))
    else bySubject.set(row.subject_id, [toConsentFact(row, intern)])
  }
  return subjects.map((row) => toSubjectFacts(row, bySubject.get(row.subject_id) ?? [], intern))
}

/**
 * One keyset page of an operator's subjects after `afterSubjectId`, with all
 * their consent rows (a range on the primary key, no IN list).
 */
export async function loadFactsPage(db: Kysely<Database>, operatorId: string, afterSubjectId: string | null, limit: number, intern: Intern): Promise<SubjectFacts[]> {
  let page = subjectsOf(db, operatorId)
  if (afterSubjectId !== null) page = page.where('subject_id', '>', afterSubjectId)
  const subjects = (await page.orderBy('subject_id').limit(limit).execute()) as SubjectRow[]
  if (subjects.length === 0) return []
  let range = consentsOf(db, operatorId).where('subject_id', '<=', subjects[subjects.length - 1]!.subject_id)
  if (afterSubjectId !== null) range = range.where('subject_id', '>', afterSubjectId)
  const consents = (await range.execute()) as ConsentRow[]
  return assemble(subjects, consents, intern)
}

/** One subject's facts straight from the database; undefined when the operator has no such subject. */
export async function loadSubjectFacts(db: Kysely<Database>, operatorId: string, subjectId: string, intern: Intern): Promise<SubjectFacts | undefined> {
  const subject = (await subjectsOf(db, operatorId).where('subject_id', '=', subjectId).executeTakeFirst()) as SubjectRow | undefined
  if (!subject) return undefined
  const consents = (await consentsOf(db, operatorId).where('subject_id', '=', subjectId).execute()) as ConsentRow[]
  return assemble([subject], consents, intern)[0]
}

/** Rows of both tables changed at or after `since`: the subjects' rows, and consent rows grouped by subject. */
export async function loadChanges(db: Kysely<Database>, operatorId: string, since: Date, intern: Intern) {
  const subjects = (await subjectsOf(db, operatorId).where('updated_at', '>=', since).execute()) as SubjectRow[]
  const consents = (await consentsOf(db, operatorId).where('updated_at', '>=', since).execute()) as ConsentRow[]
  const subjectRows = new Map(subjects.map((row) => [row.subject_id, row]))
  const consentRows = new Map<string, ConsentFact[]>()
  for (const row of consents) {
    const list = consentRows.get(row.subject_id) ?? []
    list.push(toConsentFact(row, intern))
    consentRows.set(row.subject_id, list)
  }
  return { subjectRows, consentRows }
}

export type { SubjectRow }
