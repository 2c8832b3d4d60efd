import { sql } from 'kysely'
import type { MinorsDeps } from './minors-deps.ts'
import type { MinorFlagClearedReason, MinorFlagHandling, MinorFlagReason } from './minor-rules.ts'

/** One flag as the console sees it: ids, dates, reasons — never a personal-data value. */
export interface MinorFlagView {
  subjectId: string
  foundAt: string
  reason: MinorFlagReason
  minimumAge: number
  reachesMinimumAgeOn: string | null
  underAgeAction: 'delete_asap' | 'parental_consent' | 'reject'
  handling: MinorFlagHandling
  blockedByScan: boolean
  clauses: string[]
  policyVersionId: string
  clearedAt: string | null
  clearedReason: MinorFlagClearedReason | null
}

export interface MinorFlagPage {
  flags: MinorFlagView[]
  /** Pass as `after` for the next page; null on the last. */
  next: string | null
}

export interface ListMinorFlagsQuery {
  /** true: standing flags only; false: ended ones only; unset: all. */
  open?: boolean
  limit?: number
  after?: string
}

const cursorOf = (foundAt: string, subjectId: string) => Buffer.from(JSON.stringify([foundAt, subjectId])).toString('base64url')
function parseCursor(after: string): [string, string] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString())
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && !Number.isNaN(Date.parse(value[0])))
      return [value[0], value[1]]
  } catch {
    // An unreadable cursor starts from the beginning, as none would.
  }
  return undefined
}

/**
 * The operator's minor flags, oldest first, a page at a time (keyset on
 * found-at and subject id, so pages stay stable while scans add flags).
 *
 * @example
 * const { flags, next } = await listMinorFlags(deps, 'kzk', { open: true, limit: 50 })
 */
export async function listMinorFlags(deps: Pick<MinorsDeps, 'db'>, operatorId: string, query: ListMinorFlagsQuery = {}): Promise<MinorFlagPage> {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500)
  const cursor = query.after ? parseCursor(query.after) : undefined
  let q = deps.db
    .selectFrom('minor_flags')
    .selectAll()
    .select(sql<string | null>`to_char(reaches_minimum_age_on, 'YYYY-MM-DD')`.as('reaches_on'))
    .where('operator_id', '=', operatorId)
  if (query.open === true) q = q.where('cleared_at', 'is', null)
  if (query.open === false) q = q.where('cleared_at', 'is not', null)
  if (cursor) q = q.where((eb) => eb.or([eb('found_at', '>', new Date(cursor[0])), eb.and([eb('found_at', '=', new Date(cursor[0])), eb('subject_id', '>', cursor[1])])]))
  const rows = await q.orderBy('found_at').orderBy('subject_id').limit(limit + 1).execute()
  const page = rows.slice(0, limit).map((r): MinorFlagView => ({
    subjectId: r.subject_id,
    foundAt: new Date(r.found_at).toISOString(),
    reason: r.reason,
    minimumAge: r.minimum_age,
    reachesMinimumAgeOn: r.reaches_on,
    underAgeAction: r.under_age_action,
    handling: r.handling,
    blockedByScan: r.blocked_by_scan,
    clauses: typeof r.clauses === 'string' ? (JSON.parse(r.clauses) as string[]) : r.clauses,
    policyVersionId: r.policy_version_id,
    clearedAt: r.cleared_at === null ? null : new Date(r.cleared_at).toISOString(),
    clearedReason: r.cleared_reason,
  }))
  const last = page.at(-1)
  return { flags: page, next: rows.length > limit && last ? cursorOf(last.foundAt, last.subjectId) : null }
}
