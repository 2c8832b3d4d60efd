import type { Transaction } from 'kysely'
import { appendAuditBatch, type AuditEntryInput } from '../audit/index.ts'
import { outboxSmsGateway } from '../consent/index.ts'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { enqueueEmail } from '../notify/email/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { BREACH_NOTICE_EXCEPTIONS, type CompiledPolicy, type Language } from '../policy/index.ts'
import { almatyDateTime } from './almaty-time.ts'
import { throwIfProblems } from './check-incident-content.ts'
import { findIncidentRow } from './find-incident.ts'
import { NOTICE_CHANNELS, type NoticeChannel } from './incident-kinds.ts'
import { fill, INCIDENT_KIND_TEXTS, SUBJECT_NOTICE_TEXTS as T } from './incident-texts.ts'
import type { IncidentRow } from './incident-view.ts'
import type { IncidentsDeps } from './incidents-deps.ts'
import { recordStep } from './record-step.ts'
import { subjectContacts, type SubjectContact } from './subject-contacts.ts'

export type BreachException = (typeof BREACH_NOTICE_EXCEPTIONS)[number]

export interface QueueNoticesInput {
  /** KZK-6.2.1–6.2.3: subjects whose data was already public, received before from a third party, or disclosed with consent. */
  exceptions?: { subjectId: string; reason: BreachException }[] | undefined
  /** A subject's language where known (kk by default, or its latest request's). */
  languages?: Record<string, Language> | undefined
  /** Channels in order of preference; e-mail then SMS by default. */
  channels?: NoticeChannel[] | undefined
}

export interface QueuedNotices {
  incidentId: string
  queued: { email: number; sms: number }
  excepted: number
  noContact: number
  notRequired: number
  /** Subjects whose notice was settled earlier (a repeated call changes nothing for them). */
  alreadySettled: number
}

const BATCH = 200
/** How long the SMS outbox keeps an unsent breach notice (it is no one-time code: a week). */
const SMS_VALID_MS = 7 * 24 * 3_600_000

function messageFor(policy: CompiledPolicy, incident: IncidentRow, lang: Language) {
  const operator = policy.document.operator
  const values = {
    operator: operator.name[lang],
    date: almatyDateTime(new Date(incident.discovered_at)),
    kind: INCIDENT_KIND_TEXTS[incident.kind][lang],
    categories: incident.categories.map((id) => policy.categories.get(id)?.name[lang] ?? id).join('; ') || T.none[lang],
    measures: incident.measures.map((m) => m.text).join('; ') || T.none[lang],
    contact: operator.responsiblePerson?.email ?? operator.contacts.email ?? operator.contacts.phone ?? operator.contacts.website ?? operator.address[lang],
    reference: incident.reference,
  }
  return { subjectLine: fill(T.subjectLine[lang], values), text: fill(T.body[lang], values), sms: fill(T.sms[lang], values) }
}

async function settleBatch(
  trx: Transaction<Database>, deps: IncidentsDeps, policy: CompiledPolicy, incident: IncidentRow, subjectIds: string[], input: QueueNoticesInput, actor: string, counts: QueuedNotices,
): Promise<void> {
  const now = deps.clock()
  const operatorId = incident.operator_id
  const contacts = await subjectContacts(trx, deps.keys, policy, operatorId, subjectIds, input.languages ?? {})
  const channels = input.channels && input.channels.length > 0 ? input.channels : (['email', 'sms'] as const)
  const sms = outboxSmsGateway(deps.keys)
  const audits: AuditEntryInput[] = []
  for (const subjectId of subjectIds) {
    const contact: SubjectContact = contacts.get(subjectId)!
    const message = messageFor(policy, incident, contact.language)
    let sent: { channel: NoticeChannel; messageId: string } | undefined
    for (const channel of channels) {
      if (channel === 'email' && contact.email) {
        try {
          const messageId = await enqueueEmail(trx, deps, { operatorId, to: contact.email, subjectLine: message.subjectLine, text: message.text, language: contact.language, subjectId, purpose: 'breach_notice' })
          sent = { channel, messageId }
        } catch (error) {
          // An address the mailer refuses (checked before anything is written): try the next channel.
          if (!(error instanceof DerbesError && error.code === 'DERBES_VALIDATION')) throw error
        }
      } else if (channel === 'sms' && contact.phone) {
        // The SMS outbox is the stand-in gateway (src/consent/evidence/sms-gateway.ts); its challenge id names the notice instead.
        const messageId = `breach:${incident.incident_id}:${subjectId}`
        await sms.send(trx, { operatorId, subjectId, phone: contact.phone, language: contact.language, text: message.sms, createdAt: now, expiresAt: new Date(now.getTime() + SMS_VALID_MS) })
        sent = { channel, messageId }
      }
      if (sent) break
    }
    await trx.updateTable('incident_subjects')
      .set(sent
        ? { notice_status: 'queued', notice_channel: sent.channel, notice_language: contact.language, notice_message_id: sent.messageId, noticed_at: now, notice_reason: null }
        : { notice_status: 'no_contact', notice_reason: 'the vault holds no e-mail or phone of the subject for the channels asked', notice_language: contact.language, noticed_at: now })
      .where('operator_id', '=', operatorId).where('incident_id', '=', incident.incident_id).where('subject_id', '=', subjectId).execute()
    if (sent) counts.queued[sent.channel] += 1
    else counts.noContact += 1
    audits.push({
      operatorId, at: now, actor, action: 'incident_subject_notice', subjectId,
      details: {
        incidentId: incident.incident_id, reference: incident.reference, outcome: sent ? 'queued' : 'no_contact', language: contact.language,
        ...(sent ? { channel: sent.channel, messageId: sent.messageId } : {}), itemsRead: contact.itemsRead, clauses: ['KZK-6.1'],
      },
    })
  }
  await appendAuditBatch(trx, audits)
}

/**
 * Tells the affected subjects of a breach (KZK-6.1), each in its language, by
 * e-mail (the outbox, `enqueueEmail`) or SMS (the SMS outbox) — addresses
 * read from the vault, messages sealed in the outbox. The policy's
 * exceptions (KZK-6.2.1–6.2.3: already public, received from a third party,
 * disclosed with consent) are recorded per subject with their reason and
 * those subjects get nothing; a reason the policy's `breach.exceptions` does
 * not list is refused. A policy that does not provide for telling subjects
 * (`breach.notifySubjects: false`, or no `breach` section) sends nothing and
 * records why, per subject. A subject with no contact is recorded as such.
 * Every subject's outcome is audited (`incident_subject_notice`: channel,
 * language, the vault items opened); subjects already settled are left as
 * they are, so calling again only handles subjects resolved since.
 *
 * @example
 * await queueSubjectNotices(deps, 'kzk', incidentId, { exceptions: [{ subjectId, reason: 'already_public' }] }, 'staff:7')
 * // { queued: { email: 40, sms: 12 }, excepted: 1, noContact: 3, notRequired: 0, alreadySettled: 0 }
 */
export async function queueSubjectNotices(deps: IncidentsDeps, operatorId: string, incidentId: string, input: QueueNoticesInput, actor: string): Promise<QueuedNotices> {
  const policy = (await getPublishedVersion(deps, operatorId)).compiled
  const incident = await findIncidentRow(deps.db, operatorId, incidentId)
  const breach = policy.document.breach
  const allowed = new Set<string>(breach?.exceptions ?? [])
  const exceptions = input.exceptions ?? []
  for (const channel of input.channels ?? []) {
    if (!(NOTICE_CHANNELS as readonly string[]).includes(channel)) throw new DerbesError('DERBES_VALIDATION', `'${String(channel)}' is not a channel`, [{ pointer: '/body/channels', detail: 'email or sms' }])
  }
  const affected = new Set(exceptions.length === 0 ? [] : (await deps.db.selectFrom('incident_subjects').select('subject_id')
    .where('operator_id', '=', operatorId).where('incident_id', '=', incidentId).where('subject_id', 'in', exceptions.map((e) => e.subjectId)).execute()).map((r) => r.subject_id))
  const problems: { pointer: string; detail: string }[] = []
  exceptions.forEach((e, i) => {
    if (!allowed.has(e.reason)) problems.push({ pointer: `/body/exceptions/${i}/reason`, detail: `the policy's breach.exceptions do not list '${e.reason}'${allowed.size > 0 ? ` (it lists ${[...allowed].join(', ')})` : ''}` })
    if (!affected.has(e.subjectId)) problems.push({ pointer: `/body/exceptions/${i}/subjectId`, detail: 'not a subject of this incident' })
  })
  throwIfProblems(problems, 'the notice exceptions')

  const counts: QueuedNotices = { incidentId, queued: { email: 0, sms: 0 }, excepted: 0, noContact: 0, notRequired: 0, alreadySettled: 0 }
  const now = deps.clock()
  const pendingQuery = () => deps.db.selectFrom('incident_subjects').select('subject_id')
    .where('operator_id', '=', operatorId).where('incident_id', '=', incidentId).where('notice_status', 'is', null)
  const settledBefore = await deps.db.selectFrom('incident_subjects').select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('operator_id', '=', operatorId).where('incident_id', '=', incidentId).where('notice_status', 'is not', null).executeTakeFirstOrThrow()
  counts.alreadySettled = Number(settledBefore.n)

  await deps.db.transaction().execute(async (trx) => {
    const locked = await findIncidentRow(trx, operatorId, incidentId, { forUpdate: true })
    const audits: AuditEntryInput[] = []
    for (const e of exceptions) {
      const done = await trx.updateTable('incident_subjects').set({ notice_status: 'excepted', notice_reason: e.reason, noticed_at: now })
        .where('operator_id', '=', operatorId).where('incident_id', '=', incidentId).where('subject_id', '=', e.subjectId).where('notice_status', 'is', null).executeTakeFirst()
      if (Number(done.numUpdatedRows) === 0) continue
      counts.excepted += 1
      audits.push({ operatorId, at: now, actor, action: 'incident_subject_notice', subjectId: e.subjectId, details: { incidentId, reference: locked.reference, outcome: 'excepted', reason: e.reason, clauses: ['KZK-6.2'] } })
    }
    if (!breach?.notifySubjects) {
      // The policy does not provide for telling subjects individually: nothing is sent, and each subject says why.
      const reason = breach ? 'the policy does not provide for notifying subjects (breach.notifySubjects: false)' : 'the policy has no breach section: it does not provide for notifying subjects'
      const rows = await trx.updateTable('incident_subjects').set({ notice_status: 'not_required', notice_reason: reason, noticed_at: now })
        .where('operator_id', '=', operatorId).where('incident_id', '=', incidentId).where('notice_status', 'is', null).returning('subject_id').execute()
      counts.notRequired = rows.length
      for (const r of rows) audits.push({ operatorId, at: now, actor, action: 'incident_subject_notice', subjectId: r.subject_id, details: { incidentId, reference: locked.reference, outcome: 'not_required', reason } })
    }
    if (audits.length > 0) await appendAuditBatch(trx, audits)
  })

  if (breach?.notifySubjects) {
    for (;;) {
      const batch = (await pendingQuery().orderBy('subject_id').limit(BATCH).execute()).map((r) => r.subject_id)
      if (batch.length === 0) break
      await deps.db.transaction().execute(async (trx) => {
        const locked = await findIncidentRow(trx, operatorId, incidentId, { forUpdate: true })
        await settleBatch(trx, deps, policy, locked, batch, input, actor, counts)
      })
      if (batch.length < BATCH) break
    }
  }

  await deps.db.transaction().execute(async (trx) => {
    await recordStep(trx, {
      operatorId, incidentId, reference: incident.reference, at: now, actor, action: 'subject_notices_queued', audit: 'incident_updated', event: 'incident.subject_notices_queued',
      details: { change: 'subject_notices', queued: counts.queued, excepted: counts.excepted, noContact: counts.noContact, notRequired: counts.notRequired, notifySubjects: breach?.notifySubjects ?? false },
    })
  })
  return counts
}
