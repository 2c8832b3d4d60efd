import type { JobLog } from '../jobs/index.ts'
import { almatyDate, type LocalDate } from '../kz/index.ts'
import { enqueueEvent } from '../notify/index.ts'
import { dueBounds } from './list-requests.ts'
import type { RequestState, SubjectRequestKind } from './request-kinds.ts'
import { CLOSED_STATES } from './request-states.ts'
import type { RequestsDeps } from './requests-deps.ts'

/** A reminder before a deadline or an escalation after it — ids, kinds and dates, no personal data. */
export interface DeadlineNotice {
  type: 'due_soon' | 'overdue'
  operatorId: string
  requestId: string
  reference: string
  kind: SubjectRequestKind
  state: RequestState
  subjectId: string | null
  dueOn: LocalDate
  dueAt: string
  businessDaysLeft: number
  waitingFor: string[]
}

export interface ReminderDeps extends Pick<RequestsDeps, 'db' | 'clock' | 'calendar' | 'settings'> {
  /**
   * Tells the operator's responsible person (art. 25(3): they control how
   * requests are handled), called once per notice after it is committed. The
   * `request.due_soon` / `request.overdue` events reach the operator's
   * webhooks and NATS either way; the e-mail to the responsible person plugs
   * in here once the SMTP mailer (`src/notify/email/`) lands. Nothing is
   * e-mailed until then.
   */
  notifyResponsiblePerson?: ((notice: DeadlineNotice) => Promise<void>) | undefined
  log?: JobLog | undefined
}

const BATCH = 500

type Marked = 'reminded_at' | 'escalated_at'

/** Finds open requests not yet marked in `column` whose due time is within the bounds, oldest due first. */
async function candidates(deps: ReminderDeps, column: Marked, from: Date | undefined, to: Date): Promise<{ operator_id: string; request_id: string }[]> {
  let query = deps.db
    .selectFrom('requests')
    .select(['operator_id', 'request_id'])
    .where('state', 'not in', CLOSED_STATES)
    .where(column, 'is', null)
    .where('due_at', column === 'escalated_at' ? '<' : '<=', to)
  if (from) query = query.where('due_at', '>=', from)
  return query.orderBy('due_at').orderBy('operator_id').orderBy('request_id').limit(BATCH).execute()
}

/** Marks one request and enqueues its event in one transaction; undefined when another process (or a state change) got there first. */
async function mark(deps: ReminderDeps, column: Marked, key: { operator_id: string; request_id: string }, now: Date): Promise<DeadlineNotice | undefined> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('requests')
      .set(column === 'escalated_at' ? { escalated_at: now } : { reminded_at: now })
      .where('operator_id', '=', key.operator_id)
      .where('request_id', '=', key.request_id)
      .where(column, 'is', null)
      .where('state', 'not in', CLOSED_STATES)
      .returning(['operator_id', 'request_id', 'reference', 'kind', 'state', 'subject_id', 'due_at', 'waiting_for'])
      .executeTakeFirst()
    if (!row) return undefined
    const dueAt = new Date(row.due_at)
    const dueOn = almatyDate(dueAt)
    const notice: DeadlineNotice = {
      type: column === 'escalated_at' ? 'overdue' : 'due_soon',
      operatorId: row.operator_id,
      requestId: row.request_id,
      reference: row.reference,
      kind: row.kind,
      state: row.state,
      subjectId: row.subject_id,
      dueOn,
      dueAt: dueAt.toISOString(),
      businessDaysLeft: deps.calendar.businessDaysBetween(almatyDate(now), dueOn),
      waitingFor: row.waiting_for,
    }
    const { type, operatorId, subjectId, ...data } = notice
    await enqueueEvent(trx, { operatorId, type: type === 'overdue' ? 'request.overdue' : 'request.due_soon', subjectId, occurredAt: now, data })
    return notice
  })
}

/**
 * One pass of the reminder and escalation job, across operators: each open
 * request due within the reminder lead (`settings.reminderLeadDays` business
 * days, the operator's calendar) gets `request.due_soon` once (`reminded_at`),
 * each open request past its due time `request.overdue` once
 * (`escalated_at`) — a request waiting for identity proof too, since its
 * deadline runs. Events go to the operator's webhooks and NATS in the
 * transaction that marks the request, so a notice is never sent twice nor
 * lost; several processes may run passes side by side.
 *
 * @example
 * const { reminded, escalated } = await remindAndEscalate(deps)
 */
export async function remindAndEscalate(deps: ReminderDeps, now: Date = deps.clock()): Promise<{ reminded: DeadlineNotice[]; escalated: DeadlineNotice[] }> {
  const { endOfSoon } = dueBounds(deps, now)
  const escalated: DeadlineNotice[] = []
  const reminded: DeadlineNotice[] = []
  for (const [column, into, from, to] of [['escalated_at', escalated, undefined, now], ['reminded_at', reminded, now, endOfSoon]] as const) {
    for (;;) {
      const batch = await candidates(deps, column, from, to)
      for (const key of batch) {
        const notice = await mark(deps, column, key, now)
        if (notice) into.push(notice)
      }
      if (batch.length < BATCH) break
    }
  }
  if (deps.notifyResponsiblePerson) {
    for (const notice of [...escalated, ...reminded]) {
      try {
        await deps.notifyResponsiblePerson(notice)
      } catch (err) {
        // The event is committed and delivered regardless; one failed notice must not stop the others.
        deps.log?.error({ err, requestId: notice.requestId, notice: notice.type }, 'telling the responsible person failed')
      }
    }
  }
  return { reminded, escalated }
}
