import { randomUUID } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { almatyDate } from '../kz/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { checkPolicyData, checkSystems, throwIfProblems } from './check-incident-content.ts'
import { findIncidentRow } from './find-incident.ts'
import { incidentDueDate } from './incident-due-date.ts'
import { isIncidentKind, type IncidentKind } from './incident-kinds.ts'
import { toIncidentView, type IncidentView } from './incident-view.ts'
import type { IncidentsDeps } from './incidents-deps.ts'
import type { IncidentSystem, ResponsiblePersonContacts } from './incidents-tables.ts'
import { recordStep } from './record-step.ts'

export interface RegisterIncidentInput {
  operatorId: string
  kind: IncidentKind
  description: string
  /** When the breach was discovered; the deadline counts from here. Now when absent. */
  discoveredAt?: Date | string | undefined
  /** Who found or reported it (a member of staff, a processor, a subject). */
  reportedBy: string
  systems?: IncidentSystem[] | undefined
  categories?: string[] | undefined
  items?: string[] | undefined
  /** Measures already taken, as free text. */
  measures?: string[] | undefined
  /** The responsible person's contacts for the notice, where the policy lacks them (Order 481/НҚ). */
  responsiblePerson?: ResponsiblePersonContacts | undefined
}

function discoveredAtOf(input: RegisterIncidentInput, now: Date): Date {
  if (input.discoveredAt === undefined) return now
  const at = new Date(input.discoveredAt)
  if (Number.isNaN(at.getTime())) throw new DerbesError('DERBES_VALIDATION', 'discoveredAt is not a time', [{ pointer: '/body/discoveredAt', detail: 'must be an ISO 8601 date-time' }])
  if (at > now) throw new DerbesError('DERBES_VALIDATION', 'a breach cannot be discovered in the future', [{ pointer: '/body/discoveredAt', detail: 'is after now' }])
  return at
}

/** The next reference of the operator this year, `KZK-INC-2026-0001`; the caller holds the operator's register lock. */
async function nextReference(trx: Transaction<Database>, operatorId: string, discoveredAt: Date): Promise<string> {
  const prefix = `${operatorId.toUpperCase()}-INC-${almatyDate(discoveredAt).slice(0, 4)}-`
  const last = await trx.selectFrom('incidents').select((eb) => eb.fn.max('reference').as('reference'))
    .where('operator_id', '=', operatorId).where('reference', 'like', `${prefix}%`).executeTakeFirst()
  const n = last?.reference ? Number(last.reference.slice(prefix.length)) + 1 : 1
  return `${prefix}${String(n).padStart(4, '0')}`
}

/**
 * Registers a breach (art. 1(15-1): unlawful distribution, change,
 * destruction or unauthorised access) in the operator's register: when it
 * was discovered, who reported it, what happened, the systems (by data-map
 * id, or by name where unmapped), the categories and items of the published
 * policy it touched, measures already taken. The deadline to notify the
 * authorised body (art. 25(2)(8), the stricter of policy and law, in the
 * operator's calendar) is fixed here. Row, timeline, audit entry
 * (`incident_recorded`) and event (`incident.registered`) commit together;
 * bad input writes nothing.
 *
 * @example
 * const incident = await registerIncident(deps, {
 *   operatorId: 'kzk', kind: 'unauthorised_access', description: 'canteen terminal exposed parents’ phone numbers',
 *   discoveredAt: '2026-12-04T20:00:00+05:00', reportedBy: 'staff:it-duty', categories: ['parent-contacts'],
 * }, 'staff:7')
 * incident.dueOn // '2026-12-07' — the Monday after
 */
export async function registerIncident(deps: IncidentsDeps, input: RegisterIncidentInput, actor: string): Promise<IncidentView> {
  const { operatorId } = input
  if (!isIncidentKind(input.kind)) throw new DerbesError('DERBES_VALIDATION', `'${String(input.kind)}' is not a kind of breach`, [{ pointer: '/body/kind', detail: 'unlawful_distribution, change, destruction or unauthorised_access (art. 1(15-1))' }])
  const now = deps.clock()
  const discoveredAt = discoveredAtOf(input, now)
  const policy = (await getPublishedVersion(deps, operatorId)).compiled
  const categories = [...new Set(input.categories ?? [])]
  const items = [...new Set(input.items ?? [])]
  const systems = input.systems ?? []
  throwIfProblems([...checkPolicyData(policy, categories, items, '/body'), ...(await checkSystems(deps.db, operatorId, systems, '/body/systems'))], 'the incident')
  const due = incidentDueDate(policy, discoveredAt, deps.calendar)
  const incidentId = randomUUID()
  const measures = (input.measures ?? []).map((text) => ({ at: now.toISOString(), by: actor, text }))

  await deps.db.transaction().execute(async (trx) => {
    // One registration at a time per operator, so references are consecutive and unique.
    await sql`select pg_advisory_xact_lock(hashtext(${`derbes.incidents.${operatorId}`}))`.execute(trx)
    const reference = await nextReference(trx, operatorId, discoveredAt)
    await trx.insertInto('incidents').values({
      operator_id: operatorId,
      incident_id: incidentId,
      reference,
      kind: input.kind,
      description: input.description,
      discovered_at: discoveredAt,
      reported_by: input.reportedBy,
      systems: JSON.stringify(systems),
      categories: JSON.stringify(categories),
      items: JSON.stringify(items),
      policy_version_id: policy.versionId,
      status: 'open',
      measures: JSON.stringify(measures),
      responsible_person: JSON.stringify(input.responsiblePerson ?? null),
      due_at: due.dueAt,
      due_basis: JSON.stringify(due.basis),
      authority_notice: JSON.stringify(null),
      authority_notified_at: null,
      reminded_at: null,
      escalated_at: null,
      created_by: actor,
      created_at: now,
      updated_at: now,
    }).execute()
    await recordStep(trx, {
      operatorId, incidentId, reference, at: now, actor, action: 'registered', audit: 'incident_recorded', event: 'incident.registered',
      details: {
        kind: input.kind,
        discoveredAt: discoveredAt.toISOString(),
        dueOn: due.dueOn,
        dueRule: due.basis.rule,
        ...(due.basis.article ? { article: due.basis.article } : {}),
        categories,
        items,
        systems: systems.map((s) => ('systemId' in s ? s.systemId : s.name)),
        measures: measures.length,
      },
    })
  })
  return toIncidentView(await findIncidentRow(deps.db, operatorId, incidentId), deps.clock(), deps.calendar)
}
