import { appendAudit } from '../audit/index.ts'
import type { JobLog } from '../jobs/index.ts'
import { almatyDate, type LocalDate } from '../kz/index.ts'
import { enqueueEvent } from '../notify/index.ts'
import { enqueueEmail } from '../notify/email/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { deadlineNoticeEmail, deadlineNoticeRecipient } from './deadline-notice-email.ts'
import { dueBounds } from './list-requests.ts'
import type { RequestState, SubjectRequestKind } from './request-kinds.ts'
import { noticeLanguageOf } from './request-settings.ts'
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

export interface ReminderDeps extends Pick<RequestsDeps, 'db' | 'clock' | 'calendar' | 'settings' | 'keys'> {
  log?: (JobLog & { warn?: JobLog['error'] }) | undefined
}

/** What one pass did: the notices, and the e-mail queued to each operator's responsible person (none where the policy names no address). */
export interface ReminderPass {
  reminded: DeadlineNotice[]
  escalated: DeadlineNotice[]
  emails: { operatorId: string; messageId: string | null; recipient: 'responsible_person' | 'operator_contact' | null; requestIds: string[] }[]
}

const BATCH = 500

type Marked = 'reminded_at' | 'escalated_at'
type Key = { operator_id: string; request_id: string }

/** Open requests not yet marked in `column` whose due time is within the bounds, oldest due first. */
async function candidates(deps: ReminderDeps, column: Marked, from: Date | undefined, to: Date, after: number): Promise<Key[]> {
  let query = deps.db
    .selectFrom('requests')
    .select(['operator_id', 'request_id'])
    .where('state', 'not in', CLOSED_STATES)
    .where(column, 'is', null)
    .where('due_at', column === 'escalated_at' ? '<' : '<=', to)
  if (from) query = query.where('due_at', '>=', from)
  return query.orderBy('due_at').orderBy('operator_id').orderBy('request_id').offset(after).limit(BATCH).execute()
}

/**
 * Marks one operator's requests and, in the same transaction, enqueues their
 * events, the e-mail to the responsible person and its audit entry: the
 * notice exists exactly when the marks committed, so it is never sent twice
 * nor lost. A request another process (or a state change) got to first is
 * left out.
 */
async function notifyOperator(deps: ReminderDeps, operatorId: string, keys: { escalate: string[]; remind: string[] }, now: Date): Promise<{ notices: DeadlineNotice[]; email: ReminderPass['emails'][number] | undefined }> {
  const policy = (await getPublishedVersion(deps, operatorId)).compiled
  return deps.db.transaction().execute(async (trx) => {
    const notices: DeadlineNotice[] = []
    for (const [column, ids] of [['escalated_at', keys.escalate], ['reminded_at', keys.remind]] as const) {
      if (ids.length === 0) continue
      const rows = await trx
        .updateTable('requests')
        .set(column === 'escalated_at' ? { escalated_at: now } : { reminded_at: now })
        .where('operator_id', '=', operatorId)
        .where('request_id', 'in', ids)
        .where(column, 'is', null)
        .where('state', 'not in', CLOSED_STATES)
        .returning(['operator_id', 'request_id', 'reference', 'kind', 'state', 'subject_id', 'due_at', 'waiting_for'])
        .execute()
      for (const row of rows) {
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
        const { type, subjectId, operatorId: _operator, ...data } = notice
        await enqueueEvent(trx, { operatorId, type: type === 'overdue' ? 'request.overdue' : 'request.due_soon', subjectId, occurredAt: now, data })
        notices.push(notice)
      }
    }
    if (notices.length === 0) return { notices, email: undefined }

    const language = noticeLanguageOf(deps.settings, operatorId)
    const recipient = deadlineNoticeRecipient(policy)
    let messageId: string | null = null
    if (recipient) {
      const { subjectLine, text } = deadlineNoticeEmail(policy, notices, language)
      // Sealed and sent by the e-mail dispatcher: retried with back-off, kept as `failed` for a retry by hand, never dropped.
      messageId = await enqueueEmail(trx, { keys: deps.keys, clock: () => now }, { operatorId, to: recipient.to, subjectLine, text, language, purpose: 'request_deadline_notice' })
    } else {
      // Art. 25(2)(10) asks for a responsible person; without an address the events still reach webhooks and NATS.
      ;(deps.log?.warn ?? deps.log?.error)?.({ operatorId, requests: notices.length }, 'the policy names no address for the responsible person (operator.responsiblePerson.email or operator.contacts.email): deadline notices go to webhooks and NATS only')
    }
    const requestIds = notices.map((n) => n.requestId)
    await appendAudit(trx, {
      operatorId,
      at: now,
      actor: 'system:request-reminders',
      action: 'request_deadlines_notified',
      subjectId: null,
      details: {
        recipient: recipient?.recipient ?? null,
        messageId,
        language,
        overdue: notices.filter((n) => n.type === 'overdue').map((n) => ({ requestId: n.requestId, reference: n.reference })),
        dueSoon: notices.filter((n) => n.type === 'due_soon').map((n) => ({ requestId: n.requestId, reference: n.reference })),
      },
    })
    return { notices, email: { operatorId, messageId, recipient: recipient?.recipient ?? null, requestIds } }
  })
}

/**
 * One pass of the reminder and escalation job, across operators (issue 4 §3):
 * each open request due within the reminder lead (`settings.reminderLeadDays`
 * business days, the operator's calendar) gets `request.due_soon` once
 * (`reminded_at`), each open request past its due time `request.overdue` once
 * (`escalated_at`) — a request waiting for identity proof too, since its
 * deadline runs. Per operator, one e-mail to the responsible person — the
 * address the policy names for them (`operator.responsiblePerson.email`), else
 * the operator's contact address — lists the requests overdue and due soon
 * with reference, kind and due date, in the operator's notice language
 * (`settings.noticeLanguage`), no personal data. Marks, events, the e-mail
 * (through the sealed outbox: retried until the SMTP server takes it) and
 * the `request_deadlines_notified` audit entry commit together; several
 * processes may run passes side by side.
 *
 * @example
 * const { reminded, escalated, emails } = await remindAndEscalate(deps)
 */
export async function remindAndEscalate(deps: ReminderDeps, now: Date = deps.clock()): Promise<ReminderPass> {
  const { endOfSoon } = dueBounds(deps, now)
  const byOperator = new Map<string, { escalate: string[]; remind: string[] }>()
  for (const [column, into, from, to] of [['escalated_at', 'escalate', undefined, now], ['reminded_at', 'remind', now, endOfSoon]] as const) {
    for (let after = 0; ; after += BATCH) {
      const batch = await candidates(deps, column, from, to, after)
      for (const key of batch) {
        const keys = byOperator.get(key.operator_id) ?? { escalate: [], remind: [] }
        keys[into].push(key.request_id)
        byOperator.set(key.operator_id, keys)
      }
      if (batch.length < BATCH) break
    }
  }
  const pass: ReminderPass = { reminded: [], escalated: [], emails: [] }
  for (const [operatorId, keys] of byOperator) {
    for (let i = 0; i < Math.max(keys.escalate.length, keys.remind.length); i += BATCH) {
      const { notices, email } = await notifyOperator(deps, operatorId, { escalate: keys.escalate.slice(i, i + BATCH), remind: keys.remind.slice(i, i + BATCH) }, now)
      for (const notice of notices) (notice.type === 'overdue' ? pass.escalated : pass.reminded).push(notice)
      if (email) pass.emails.push(email)
    }
  }
  return pass
}
