import type { BusinessCalendar } from '../kz/index.ts'
import type { CompiledPolicy, RetentionRule, RetentionTrigger } from '../policy/index.ts'
import type { SubjectStatus } from '../db/database-schema.ts'
import type { DueRetention, RetentionStep } from './due-retention.ts'
import { rulesFor } from './retention-plan.ts'
import { termEndsAt } from './retention-term.ts'

/** What Derbes knows of one subject that starts retention clocks (issue 5 §1). */
export interface SubjectFacts {
  subjectId: string
  kind: string
  status: SubjectStatus
  relationshipEndedAt: Date | null
  items: { itemId: string; valueNo: number; collectedAt: Date; purposes: string[] }[]
  /** Per purpose: when every consent row of it is withdrawn (or has expired), the latest of those dates. */
  consents: { purposeId: string; withdrawnAt: Date | null; expiresAt: Date | null }[]
  /** purpose_achieved (per purpose), contract_end and account_closed (purpose ''), recorded through the API. */
  recorded: { trigger: RetentionTrigger; purposeId: string; occurredAt: Date }[]
  /** The first destroy request of the subject not refused. */
  deletionRequestedAt: Date | null
}

/** One rule's clock for one purpose (and one item): which trigger started it and when it runs out. */
export interface RuleClock {
  ruleId: string
  trigger: RetentionTrigger
  triggeredAt: Date
  dueAt: Date
}

export interface StatutoryHold {
  ruleId: string
  law: { kk: string; ru: string; en: string }
  unconfirmed: boolean
  /** When the statutory term runs out; null while its start has not happened. */
  until: Date | null
}

export interface ItemRetention {
  itemId: string
  valueNo: number
  /** Per purpose of the item: the earliest clock of the rules that bind it, or null while none has started. */
  purposes: { purposeId: string; clock: RuleClock | null }[]
  /** The item may go when every purpose's clock has run out: the latest of them. */
  decidedBy: RuleClock | null
  statutory: StatutoryHold | null
  mayGo: boolean
}

export interface PurposeRetention {
  purposeId: string
  clock: RuleClock | null
  /** Every trigger of the purpose's rule that has happened, with its due date. */
  clocks: RuleClock[]
  ended: boolean
}

export interface SubjectRetention {
  items: ItemRetention[]
  purposes: PurposeRetention[]
}

function triggerDate(facts: SubjectFacts, trigger: RetentionTrigger, purposeId: string, collectedAt: Date | null): Date | null {
  switch (trigger) {
    case 'collection':
      return collectedAt
    case 'relationship_end':
      return facts.relationshipEndedAt
    case 'deletion_request':
      return facts.deletionRequestedAt
    case 'consent_withdrawn':
      return facts.consents.find((c) => c.purposeId === purposeId)?.withdrawnAt ?? null
    case 'consent_expired':
      return facts.consents.find((c) => c.purposeId === purposeId)?.expiresAt ?? null
    case 'purpose_achieved':
      return facts.recorded.find((r) => r.trigger === trigger && r.purposeId === purposeId)?.occurredAt ?? null
    case 'contract_end':
    case 'account_closed':
      return facts.recorded.find((r) => r.trigger === trigger)?.occurredAt ?? null
  }
}

function clocksOf(facts: SubjectFacts, rules: readonly RetentionRule[], purposeId: string, collectedAt: Date | null, calendar: BusinessCalendar): RuleClock[] {
  const clocks: RuleClock[] = []
  for (const rule of rules) {
    if (rule.keep === 'unlimited') continue // KZK-3.12: never due; the linter's retention-unlimited says why
    for (const trigger of rule.triggers) {
      const triggeredAt = triggerDate(facts, trigger, purposeId, collectedAt)
      if (triggeredAt) clocks.push({ ruleId: rule.id, trigger, triggeredAt, dueAt: termEndsAt(triggeredAt, { keep: rule.keep, unit: rule.keepUnit }, calendar) })
    }
  }
  return clocks.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
}

/**
 * The first of `clocksOf` — the earliest, the first rule's on a tie — without
 * building and sorting the list: an item needs only that one, and a sweep asks
 * for it for every item of every subject it evaluates.
 */
function earliestClock(facts: SubjectFacts, rules: readonly RetentionRule[], purposeId: string, collectedAt: Date, calendar: BusinessCalendar): RuleClock | null {
  let earliest: RuleClock | null = null
  for (const rule of rules) {
    if (rule.keep === 'unlimited') continue
    for (const trigger of rule.triggers) {
      const triggeredAt = triggerDate(facts, trigger, purposeId, collectedAt)
      if (!triggeredAt) continue
      const dueAt = termEndsAt(triggeredAt, { keep: rule.keep, unit: rule.keepUnit }, calendar)
      if (earliest === null || dueAt.getTime() < earliest.dueAt.getTime()) earliest = { ruleId: rule.id, trigger, triggeredAt, dueAt }
    }
  }
  return earliest
}

/** Of two clocks the one that runs out later; the first on a tie (as `reduce` keeps it). */
const later = (a: RuleClock, b: RuleClock): RuleClock => (b.dueAt.getTime() > a.dueAt.getTime() ? b : a)

/** The purposes a subject's data serves: its items', its consents', its recorded ones; with none, every purpose open to its kind. */
export function subjectPurposes(policy: CompiledPolicy, facts: SubjectFacts): string[] {
  const ids = new Set<string>()
  for (const item of facts.items) for (const p of item.purposes) ids.add(p)
  for (const c of facts.consents) ids.add(c.purposeId)
  for (const r of facts.recorded) if (r.purposeId !== '') ids.add(r.purposeId)
  const known = [...ids].filter((id) => policy.purposes.has(id))
  if (known.length > 0) return known.sort()
  return [...policy.purposes.values()].filter((p) => !p.subjectKinds || p.subjectKinds.includes(facts.kind)).map((p) => p.id)
}

/**
 * Every clock of one subject at `asOf`: per item, per purpose, the rules that
 * bind it (the purpose's and its category's — the earliest wins), the
 * statutory minimum that holds it; an item may go only when every purpose it
 * serves has run out (data another purpose still needs stays).
 */
export function subjectRetention(policy: CompiledPolicy, facts: SubjectFacts, asOf: Date, calendar: BusinessCalendar): SubjectRetention {
  const items: ItemRetention[] = facts.items.map((item) => {
    const categoryId = policy.items.get(item.itemId)?.categoryId
    const purposes = item.purposes
      .filter((p) => policy.purposes.has(p))
      .map((purposeId) => ({ purposeId, clock: earliestClock(facts, rulesFor(policy, purposeId, categoryId), purposeId, item.collectedAt, calendar) }))
    const ended = purposes.length > 0 && purposes.every((p) => p.clock !== null && p.clock.dueAt.getTime() <= asOf.getTime())
    const decidedBy = purposes.length === 0 || purposes.some((p) => p.clock === null)
      ? null
      : purposes.map((p) => p.clock!).reduce(later)
    let statutory: StatutoryHold | null = null
    for (const p of item.purposes) {
      for (const rule of rulesFor(policy, p, categoryId)) {
        const min = rule.statutoryMinimum
        if (!min) continue
        const from = triggerDate(facts, min.from, p, item.collectedAt)
        const until = from ? termEndsAt(from, { keep: min.keep }, calendar) : null
        if (until === null || until.getTime() > asOf.getTime()) {
          if (!statutory || (statutory.until !== null && (until === null || until.getTime() > statutory.until.getTime()))) {
            statutory = { ruleId: rule.id, law: min.law, unconfirmed: min.unconfirmed ?? false, until }
          }
        }
      }
    }
    return { itemId: item.itemId, valueNo: item.valueNo, purposes, decidedBy, statutory, mayGo: ended && statutory === null }
  })
  const purposes: PurposeRetention[] = subjectPurposes(policy, facts).map((purposeId) => {
    const clocks = clocksOf(facts, rulesFor(policy, purposeId, undefined), purposeId, null, calendar)
    const clock = clocks[0] ?? null
    return { purposeId, clock, clocks, ended: clock !== null && clock.dueAt.getTime() <= asOf.getTime() }
  })
  return { items, purposes }
}

interface StepChoice {
  step: RetentionStep
  deadlineAt?: Date
}

/**
 * The next step for data whose term has run out, from the rule's action and
 * where the subject already is: TW-9.8 destroy, or block when that is late and
 * destroy within `blockIfDelayed`; PS-6.2 anonymise, then destroy; TTC-6.5
 * destroy or anonymise (destroy unless the run chooses otherwise, art. 18).
 * Null when the subject is already where the rule leaves it.
 */
export function nextStep(policy: CompiledPolicy, rule: RetentionRule, status: SubjectStatus, dueAt: Date, asOf: Date, calendar: BusinessCalendar): StepChoice | null {
  if (status === 'destroyed') return null
  const destroyWithin = policy.deadlines.get('destroy_purpose_achieved')?.binding[0] // TW-9.7: within 15 days of the purpose
  const destroyBy = destroyWithin ? termEndsAt(dueAt, { keep: `P${destroyWithin.days}D`, unit: destroyWithin.unit }, calendar) : undefined
  const blockLimit = rule.blockIfDelayed && destroyBy ? termEndsAt(destroyBy, { keep: rule.blockIfDelayed }, calendar) : undefined
  switch (rule.then) {
    case 'anonymise':
      return status === 'anonymised' ? null : { step: 'anonymise' }
    case 'anonymise_then_destroy':
      return status === 'anonymised' ? { step: 'destroy' } : { step: 'anonymise' }
    case 'destroy_or_anonymise':
      return status === 'anonymised' ? null : { step: 'destroy' }
    case 'destroy':
      if (status === 'blocked') return blockLimit ? { step: 'destroy', deadlineAt: blockLimit } : { step: 'destroy' }
      if (destroyBy && blockLimit && destroyBy <= asOf) return { step: 'block', deadlineAt: blockLimit }
      return destroyBy ? { step: 'destroy', deadlineAt: destroyBy } : { step: 'destroy' }
  }
}

/** The due steps of one subject that no hold keeps: the whole subject, or the items that may go. */
export function dueSteps(policy: CompiledPolicy, facts: SubjectFacts, evaluation: SubjectRetention, asOf: Date, calendar: BusinessCalendar): DueRetention[] {
  const going = evaluation.items.filter((i) => i.mayGo)
  const whole = evaluation.items.every((i) => i.mayGo) && evaluation.purposes.every((p) => p.ended) && (going.length > 0 || evaluation.purposes.length > 0)
  const clocks = whole
    ? [...going.map((i) => i.decidedBy!), ...evaluation.purposes.map((p) => p.clock!)]
    : going.map((i) => i.decidedBy!)
  if (clocks.length === 0) return []
  // Items that keep a value not going stay whole: itemIds name items every value of which may go.
  const staying = new Set(evaluation.items.filter((i) => !i.mayGo).map((i) => i.itemId))
  const groups = new Map<string, { clock: RuleClock; itemIds: Set<string> }>()
  const add = (clock: RuleClock, itemId?: string) => {
    const group = groups.get(clock.ruleId) ?? { clock, itemIds: new Set<string>() }
    if (clock.dueAt.getTime() > group.clock.dueAt.getTime()) group.clock = clock
    if (itemId !== undefined && !staying.has(itemId)) group.itemIds.add(itemId)
    groups.set(clock.ruleId, group)
  }
  // The whole subject goes at once, under the rule whose clock ran out last: the one that kept it longest.
  if (whole) add(clocks.reduce(later))
  else for (const i of going) add(i.decidedBy!, i.itemId)
  const due: DueRetention[] = []
  for (const { clock, itemIds } of groups.values()) {
    if (!whole && itemIds.size === 0) continue
    const rule = policy.retention.get(clock.ruleId)!
    const choice = nextStep(policy, rule, facts.status, clock.dueAt, asOf, calendar)
    if (!choice) continue
    due.push({
      subjectId: facts.subjectId,
      ruleId: rule.id,
      step: choice.step,
      trigger: clock.trigger,
      triggeredAt: clock.triggeredAt,
      dueAt: clock.dueAt,
      ...(whole ? {} : { itemIds: [...itemIds].sort() }),
      ...(choice.deadlineAt ? { deadlineAt: choice.deadlineAt } : {}),
      clauses: [...(rule.clauses ?? [])],
    })
  }
  return due
}
