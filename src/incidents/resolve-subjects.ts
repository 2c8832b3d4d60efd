import { sql } from 'kysely'
import { DerbesError } from '../errors/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { checkPolicyData, checkSystems, throwIfProblems } from './check-incident-content.ts'
import { findIncidentRow } from './find-incident.ts'
import type { IncidentsDeps } from './incidents-deps.ts'
import { recordStep } from './record-step.ts'

/**
 * Which subjects an incident affects. Either explicit `subjectIds`, or a
 * selector whose parts all apply (AND): subjects of the given `kinds` holding
 * in the vault a value of the given `items` or of any item of the given
 * `categories`, of an item the data map places in the given `systems`,
 * collected within `[collectedFrom, collectedTo)`. Both forms may be given;
 * their subjects are added together.
 */
export interface SubjectSelector {
  subjectIds?: string[] | undefined
  kinds?: string[] | undefined
  items?: string[] | undefined
  categories?: string[] | undefined
  systems?: string[] | undefined
  collectedFrom?: string | undefined
  collectedTo?: string | undefined
}

export interface ResolvedSubjects {
  incidentId: string
  /** Subjects this call added. */
  added: number
  /** Every subject the incident now affects. */
  subjectCount: number
}

function instant(value: string | undefined, pointer: string): Date | undefined {
  if (value === undefined) return undefined
  const at = new Date(value)
  if (Number.isNaN(at.getTime())) throw new DerbesError('DERBES_VALIDATION', `${pointer} is not a time`, [{ pointer, detail: 'must be an ISO 8601 date-time' }])
  return at
}

const hasSelector = (s: SubjectSelector) =>
  [s.kinds, s.items, s.categories, s.systems].some((list) => list !== undefined && list.length > 0) || s.collectedFrom !== undefined || s.collectedTo !== undefined

/**
 * Resolves a selector into `incident_subjects`, set-based: one
 * `INSERT … SELECT` over `subjects` and `vault_items` (and `system_columns`
 * for systems), however many subjects match — nothing is decrypted and no
 * subject is read into memory. Anonymised and destroyed subjects are left
 * out: nothing identifies them any more. Re-resolving the same selector adds
 * nobody (idempotent), a wider one adds the difference; the incident's count
 * is kept, and the resolution is on the timeline, in the audit chain
 * (`incident_subjects_resolved`) and an event.
 *
 * @example
 * await resolveIncidentSubjects(deps, 'kzk', incidentId, { categories: ['children'], systems: ['canteen'], collectedFrom: '2026-09-01T00:00:00+05:00' }, 'staff:7')
 * // { added: 412, subjectCount: 412 }
 */
export async function resolveIncidentSubjects(deps: IncidentsDeps, operatorId: string, incidentId: string, selector: SubjectSelector, actor: string): Promise<ResolvedSubjects> {
  const explicit = [...new Set(selector.subjectIds ?? [])]
  if (explicit.length === 0 && !hasSelector(selector)) {
    throw new DerbesError('DERBES_VALIDATION', 'name the affected subjects or a selector', [{ pointer: '/body', detail: 'subjectIds, kinds, items, categories, systems or a collection window' }])
  }
  const from = instant(selector.collectedFrom, '/body/collectedFrom')
  const to = instant(selector.collectedTo, '/body/collectedTo')
  if (from && to && from >= to) throw new DerbesError('DERBES_VALIDATION', 'collectedFrom must be before collectedTo', [{ pointer: '/body/collectedTo', detail: 'is not after collectedFrom' }])
  await findIncidentRow(deps.db, operatorId, incidentId)
  const policy = (await getPublishedVersion(deps, operatorId)).compiled
  const kinds = [...new Set(selector.kinds ?? [])]
  const systems = [...new Set(selector.systems ?? [])]
  const problems = [
    ...checkPolicyData(policy, selector.categories ?? [], selector.items ?? [], '/body'),
    ...(await checkSystems(deps.db, operatorId, systems.map((systemId) => ({ systemId })), '/body/systems')),
  ]
  kinds.forEach((kind, i) => {
    if (!policy.subjectKinds.has(kind)) problems.push({ pointer: `/body/kinds/${i}`, detail: `'${kind}' is not a subject kind of policy version ${policy.versionId}` })
  })
  if (explicit.length > 0) {
    const held = new Set((await deps.db.selectFrom('subjects').select('subject_id').where('operator_id', '=', operatorId).where('subject_id', 'in', explicit).execute()).map((r) => r.subject_id))
    explicit.forEach((id, i) => {
      if (!held.has(id)) problems.push({ pointer: `/body/subjectIds/${i}`, detail: 'not a subject of this operator' })
    })
  }
  throwIfProblems(problems, 'the subject selector')
  // Items of the breach: those named, and every item of the categories named.
  const itemIds = new Set(selector.items ?? [])
  for (const category of selector.categories ?? []) for (const item of policy.categories.get(category)!.items) itemIds.add(item.id)
  const selecting = hasSelector(selector)
  const now = deps.clock()

  return deps.db.transaction().execute(async (trx) => {
    const incident = await findIncidentRow(trx, operatorId, incidentId, { forUpdate: true })
    let added = 0
    if (explicit.length > 0) {
      const result = await trx.insertInto('incident_subjects')
        .columns(['operator_id', 'incident_id', 'subject_id', 'resolved_at'])
        .expression((eb) => eb.selectFrom('subjects').select([
          'operator_id', eb.val(incidentId).as('incident_id'), 'subject_id', eb.val(now).as('resolved_at'),
        ]).where('operator_id', '=', operatorId).where('subject_id', 'in', explicit).where('status', 'not in', ['anonymised', 'destroyed']))
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
      added += Number(result.numInsertedOrUpdatedRows ?? 0n)
    }
    if (selecting) {
      const result = await trx.insertInto('incident_subjects')
        .columns(['operator_id', 'incident_id', 'subject_id', 'resolved_at'])
        .expression((eb) => {
          let query = eb.selectFrom('subjects as s').select([
            's.operator_id', eb.val(incidentId).as('incident_id'), 's.subject_id', eb.val(now).as('resolved_at'),
          ]).where('s.operator_id', '=', operatorId).where('s.status', 'not in', ['anonymised', 'destroyed'])
          if (kinds.length > 0) query = query.where('s.kind', 'in', kinds)
          const vaultFilter = itemIds.size > 0 || systems.length > 0 || from !== undefined || to !== undefined
          if (vaultFilter) {
            query = query.where((w) => w.exists(() => {
              let v = w.selectFrom('vault_items as v').select(sql<number>`1`.as('one'))
                .whereRef('v.operator_id', '=', 's.operator_id').whereRef('v.subject_id', '=', 's.subject_id')
              if (itemIds.size > 0) v = v.where('v.item_id', 'in', [...itemIds])
              // The data map says which items each system holds (src/systems/): data of the subject in that system.
              if (systems.length > 0) {
                v = v.where('v.item_id', 'in', (c) => c.selectFrom('system_columns').select('item_id')
                  .where('operator_id', '=', operatorId).where('system_id', 'in', systems).where('item_id', 'is not', null) as never)
              }
              if (from) v = v.where('v.collected_at', '>=', from)
              if (to) v = v.where('v.collected_at', '<', to)
              return v
            }))
          }
          return query
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
      added += Number(result.numInsertedOrUpdatedRows ?? 0n)
    }
    const counted = await trx.selectFrom('incident_subjects').select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('operator_id', '=', operatorId).where('incident_id', '=', incidentId).executeTakeFirstOrThrow()
    const subjectCount = Number(counted.n)
    await trx.updateTable('incidents').set({ subject_count: subjectCount, updated_at: now }).where('operator_id', '=', operatorId).where('incident_id', '=', incidentId).execute()
    await recordStep(trx, {
      operatorId, incidentId, reference: incident.reference, at: now, actor, action: 'subjects_resolved', audit: 'incident_subjects_resolved', event: 'incident.subjects_resolved',
      details: {
        selector: {
          ...(explicit.length > 0 ? { subjectIds: explicit.length } : {}),
          ...(kinds.length > 0 ? { kinds } : {}),
          ...(itemIds.size > 0 ? { items: [...itemIds] } : {}),
          ...(systems.length > 0 ? { systems } : {}),
          ...(from ? { collectedFrom: from.toISOString() } : {}),
          ...(to ? { collectedTo: to.toISOString() } : {}),
        },
        added,
        subjectCount,
      },
    })
    return { incidentId, added, subjectCount }
  })
}
