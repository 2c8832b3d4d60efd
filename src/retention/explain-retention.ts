import { sql } from 'kysely'
import { DerbesError } from '../errors/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import type { RetentionAction, RetentionTrigger, StatutoryMinimum } from '../policy/index.ts'
import type { DueRetention, HoldReason } from './due-retention.ts'
import { listHolds } from './retention-holds.ts'
import type { RetentionDeps } from './retention-deps.ts'
import { HOLDING_REQUEST_KINDS, subjectFactsColumns } from './subject-facts-sql.ts'
import { toSubjectFacts, type SubjectFactsRow } from './subject-facts.ts'
import { dueSteps, subjectRetention, type RuleClock } from './subject-retention.ts'

/** A hold on the subject: placed by staff, or derived from what Derbes holds (an obligation, an open request, a statute). */
export interface ExplainedHold {
  reason: HoldReason
  detail: string
  /** `placed` holds have an id and can be released; derived ones end with their cause. */
  source: 'placed' | 'derived'
  holdId?: string
  since: string | null
  until: string | null
  clauses: string[]
  /** For a statutory hold: the items it keeps. */
  itemIds?: string[]
  /** A statutory term law.md does not confirm: the operator's reading, configurable in the policy ([U]). */
  unconfirmed?: boolean
}

export interface ExplainedClock {
  ruleId: string
  trigger: RetentionTrigger
  triggeredAt: string
  dueAt: string
  due: boolean
}

export interface RetentionExplanation {
  subjectId: string
  status: string
  asOf: string
  /** Every rule that applies to the subject's purposes and data categories. */
  rules: { ruleId: string; keep: string; keepUnit: 'calendar' | 'business'; then: RetentionAction; triggers: RetentionTrigger[]; categories?: string[]; blockIfDelayed?: string; statutoryMinimum?: StatutoryMinimum; clauses: string[] }[]
  /** Every trigger that has happened, where Derbes knows it from. */
  triggers: { trigger: RetentionTrigger; purposeId: string | null; at: string; source: 'subject' | 'consent' | 'recorded' | 'request' | 'vault' }[]
  purposes: { purposeId: string; ruleId: string; ended: boolean; clock: ExplainedClock | null; clocks: ExplainedClock[] }[]
  items: { itemId: string; valueNo: number; mayGo: boolean; dueAt: string | null; decidedBy: ExplainedClock | null; purposes: { purposeId: string; clock: ExplainedClock | null }[]; statutoryUntil?: string | null }[]
  holds: ExplainedHold[]
  /** What a sweep at `asOf` would do; empty while a hold is in force. */
  due: DueRetention[]
}

const iso = (d: Date | null) => d?.toISOString() ?? null

/**
 * Everything retention knows of one subject at `asOf`, as a console shows it:
 * the rules that apply, the triggers and where they come from, each purpose's
 * and each item's clock and due date, every hold with its reason (placed or
 * derived: TTC-9.1 unfulfilled obligation, an open request, TTC-4.1.11
 * statutory term), and the steps a sweep would take.
 *
 * @example
 * const why = await explainRetention(deps, 'ttc', subjectId, deps.clock())
 * why.holds // [{ reason: 'unfulfilled_obligation', detail: 'payment (o-1) open since 2026-01-10', … }]
 */
export async function explainRetention(deps: Pick<RetentionDeps, 'db' | 'clock' | 'calendar'>, operatorId: string, subjectId: string, asOf: Date): Promise<RetentionExplanation> {
  const policy = (await getPublishedVersion(deps, operatorId)).compiled
  const { rows } = await sql<SubjectFactsRow>`
    select s.subject_id, s.kind, s.status, s.relationship_ended_at, ${subjectFactsColumns(operatorId)}
    from subjects s where s.operator_id = ${operatorId} and s.subject_id = ${subjectId}`.execute(deps.db)
  const row = rows[0]
  if (!row) throw new DerbesError('DERBES_SUBJECT_NOT_FOUND', `operator '${operatorId}' has no subject '${subjectId}'`)
  const facts = toSubjectFacts(row)
  const evaluation = subjectRetention(policy, facts, asOf, deps.calendar)
  const clock = (c: RuleClock | null): ExplainedClock | null => (c ? { ruleId: c.ruleId, trigger: c.trigger, triggeredAt: c.triggeredAt.toISOString(), dueAt: c.dueAt.toISOString(), due: c.dueAt <= asOf } : null)

  const ruleIds = new Set<string>()
  for (const p of evaluation.purposes) ruleIds.add(policy.purposes.get(p.purposeId)!.retention)
  for (const i of evaluation.items) for (const p of i.purposes) if (p.clock) ruleIds.add(p.clock.ruleId)
  for (const i of facts.items) {
    const category = policy.items.get(i.itemId)?.categoryId
    for (const r of policy.retention.values()) if (category && r.categories?.includes(category)) ruleIds.add(r.id)
  }
  const rules = [...ruleIds].sort().map((id) => {
    const r = policy.retention.get(id)!
    return {
      ruleId: r.id, keep: r.keep, keepUnit: r.keepUnit ?? 'calendar', then: r.then, triggers: [...r.triggers], clauses: [...(r.clauses ?? [])],
      ...(r.categories ? { categories: [...r.categories] } : {}), ...(r.blockIfDelayed ? { blockIfDelayed: r.blockIfDelayed } : {}),
      ...(r.statutoryMinimum ? { statutoryMinimum: r.statutoryMinimum } : {}),
    }
  })

  const triggers: RetentionExplanation['triggers'] = []
  if (facts.relationshipEndedAt) triggers.push({ trigger: 'relationship_end', purposeId: null, at: facts.relationshipEndedAt.toISOString(), source: 'subject' })
  for (const c of facts.consents) {
    if (c.withdrawnAt) triggers.push({ trigger: 'consent_withdrawn', purposeId: c.purposeId, at: c.withdrawnAt.toISOString(), source: 'consent' })
    if (c.expiresAt) triggers.push({ trigger: 'consent_expired', purposeId: c.purposeId, at: c.expiresAt.toISOString(), source: 'consent' })
  }
  for (const r of facts.recorded) triggers.push({ trigger: r.trigger, purposeId: r.purposeId || null, at: r.occurredAt.toISOString(), source: 'recorded' })
  if (facts.deletionRequestedAt) triggers.push({ trigger: 'deletion_request', purposeId: null, at: facts.deletionRequestedAt.toISOString(), source: 'request' })
  const firstCollected = facts.items.map((i) => i.collectedAt).sort((a, b) => a.getTime() - b.getTime())[0]
  if (firstCollected) triggers.push({ trigger: 'collection', purposeId: null, at: firstCollected.toISOString(), source: 'vault' })

  const holds: ExplainedHold[] = (await listHolds(deps, operatorId, { subjectId })).filter((h) => h.active).map((h) => ({
    reason: h.reason, detail: h.detail, source: 'placed', holdId: h.holdId, since: h.placedAt, until: h.until, clauses: [],
  }))
  const obligations = await deps.db.selectFrom('subject_obligations').select(['obligation_id', 'kind', 'opened_at'])
    .where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).where('opened_at', '<=', asOf)
    .where((eb) => eb.or([eb('fulfilled_at', 'is', null), eb('fulfilled_at', '>', asOf)])).execute()
  for (const o of obligations) {
    holds.push({ reason: 'unfulfilled_obligation', detail: `${o.kind} (${o.obligation_id}) open since ${o.opened_at.toISOString()}`, source: 'derived', since: o.opened_at.toISOString(), until: null, clauses: ['TTC-9.1', 'KZK-2.3.5', 'art. 8(2)'] })
  }
  const requests = await deps.db.selectFrom('requests').select(['reference', 'kind', 'received_at', 'due_at'])
    .where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).where('received_at', '<=', asOf)
    .where('state', 'not in', ['answered', 'refused']).where('kind', 'in', [...HOLDING_REQUEST_KINDS]).execute()
  for (const q of requests) {
    holds.push({ reason: 'open_request', detail: `${q.kind} request ${q.reference}, due ${q.due_at.toISOString()}`, source: 'derived', since: q.received_at.toISOString(), until: null, clauses: [] })
  }
  const statutory = new Map<string, ExplainedHold>()
  for (const i of evaluation.items) {
    if (!i.statutory) continue
    const key = `${i.statutory.ruleId}|${iso(i.statutory.until)}`
    const hold = statutory.get(key) ?? {
      reason: 'statutory' as const, detail: i.statutory.law.en, source: 'derived' as const, since: null, until: iso(i.statutory.until),
      clauses: [...(policy.retention.get(i.statutory.ruleId)?.clauses ?? [])], itemIds: [], ...(i.statutory.unconfirmed ? { unconfirmed: true } : {}),
    }
    if (!hold.itemIds!.includes(i.itemId)) hold.itemIds!.push(i.itemId)
    statutory.set(key, hold)
  }
  holds.push(...statutory.values())

  // Statutory holds keep their items only; the others keep the whole subject.
  const held = holds.some((h) => h.reason !== 'statutory' || h.source === 'placed')
  const due = held || facts.status === 'destroyed' ? [] : dueSteps(policy, facts, evaluation, asOf, deps.calendar)
  return {
    subjectId,
    status: facts.status,
    asOf: asOf.toISOString(),
    rules,
    triggers,
    purposes: evaluation.purposes.map((p) => ({ purposeId: p.purposeId, ruleId: policy.purposes.get(p.purposeId)!.retention, ended: p.ended, clock: clock(p.clock), clocks: p.clocks.map((c) => clock(c)!) })),
    items: evaluation.items.map((i) => ({
      itemId: i.itemId, valueNo: i.valueNo, mayGo: i.mayGo, dueAt: iso(i.decidedBy?.dueAt ?? null), decidedBy: clock(i.decidedBy),
      purposes: i.purposes.map((p) => ({ purposeId: p.purposeId, clock: clock(p.clock) })),
      ...(i.statutory ? { statutoryUntil: iso(i.statutory.until) } : {}),
    })),
    holds,
    due,
  }
}
