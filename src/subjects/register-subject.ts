import { randomUUID } from 'node:crypto'
import { appendAudit } from '../audit/index.ts'
import type { LegalCapacity } from '../db/database-schema.ts'
import { DerbesError } from '../errors/index.ts'
import { almatyDate } from '../kz/index.ts'
import { enqueueEvent } from '../notify/index.ts'
import { ageBand, ageFacts } from './age.ts'
import { checkDataValues, type DataValueInput } from './check-data-values.ts'
import { createSubjectKey } from './data-keys.ts'
import { getSubject, type SubjectView } from './find-subject.ts'
import { indexIdentifiers, insertIdentifiers, type IdentifierInput } from './identifiers.ts'
import { relationshipDates } from './relationship-dates.ts'
import { publishedPolicy } from './subject-policy.ts'
import type { SubjectsDeps } from './subjects-deps.ts'
import { insertValues, numberValues, recordValues, valueInfo, type StoredValueInfo } from './vault-values.ts'

export interface RegisterSubjectInput {
  operatorId: string
  /** A subject kind of the operator's published policy. */
  kind: string
  /** IIN, phone, e-mail, ID document: stored only as blind indexes. */
  identifiers?: readonly IdentifierInput[] | undefined
  /** A stated birth date (YYYY-MM-DD); wins over the IIN's best guess. Never stored: only `minor_until` is. */
  birthDate?: string | undefined
  relationshipStartedAt?: Date | string | undefined
  relationshipEndedAt?: Date | string | undefined
  /** Civil Code art. 26–27; `full` when absent. */
  legalCapacity?: LegalCapacity | undefined
  /** Values to put in the vault at once. */
  data?: readonly DataValueInput[] | undefined
}

export interface RegisteredSubject extends SubjectView {
  /** The values stored with the registration, without their values. */
  collected: StoredValueInfo[]
}

/**
 * Registers a subject of an operator: a kind of its published policy, its
 * identifiers as blind indexes (one per identifier per operator: a taken one
 * is 409), relationship dates, legal capacity, the age band — `minor_until`
 * from a stated birth date or the IIN (the day of the policy's
 * `ageRules.adultAge`; never an adult's birth date) — and a fresh data key
 * wrapped by the operator's key. Initial values go to the vault under it.
 * Everything is checked first and written in one transaction with its audit
 * entries and events, so bad input stores nothing.
 *
 * @example
 * const subject = await registerSubject(deps, {
 *   operatorId: 'ttc', kind: 'subscriber',
 *   identifiers: [{ kind: 'iin', value: '791028302728' }, { kind: 'phone', value: '8 701 123 45 67' }],
 *   relationshipStartedAt: '2026-12-01T09:00:00+05:00',
 * }, 'staff:17')
 */
export async function registerSubject(deps: SubjectsDeps, input: RegisterSubjectInput, actor: string): Promise<RegisteredSubject> {
  const now = deps.clock()
  const today = almatyDate(now)
  const policy = await publishedPolicy(deps, input.operatorId)
  const kind = policy.subjectKinds.get(input.kind)
  if (!kind) {
    throw new DerbesError('DERBES_SUBJECT_KIND_UNKNOWN', `'${input.kind}' is not a subject kind of operator '${input.operatorId}' (it has ${[...policy.subjectKinds.keys()].join(', ')})`, [
      { pointer: '/body/kind', detail: `must be one of ${[...policy.subjectKinds.keys()].join(', ')}` },
    ])
  }
  const identifiers = await indexIdentifiers(deps.keys, input.operatorId, input.identifiers ?? [], '/body/identifiers')
  const iin = identifiers.find((i) => i.kind === 'iin')?.normalized
  const age = ageFacts({ iin, birthDate: input.birthDate }, policy.document.ageRules.adultAge, today)
  if (kind.minAge !== undefined && age.age !== null && age.age < kind.minAge) {
    // TTC-2(2): users of web resources must be capable adults; TTC-10.4: data of someone under age is not kept.
    throw new DerbesError('DERBES_SUBJECT_UNDER_AGE', `subjects of kind '${kind.id}' must be at least ${kind.minAge} (${(kind.clauses ?? []).join(', ') || 'the policy'})`, [
      { pointer: age.ageSource === 'birth_date' ? '/body/birthDate' : '/body/identifiers', detail: `younger than ${kind.minAge}` },
    ])
  }
  const dates = relationshipDates(input.relationshipStartedAt, input.relationshipEndedAt)
  const values = checkDataValues(policy, kind.id, input.data ?? [], (i) => `/body/data/${i}`, now, today)
  const subjectId = randomUUID()
  const where = { operatorId: input.operatorId, subjectId, actor, at: now }

  const collected = await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('subjects')
      .values({
        operator_id: input.operatorId,
        subject_id: subjectId,
        kind: kind.id,
        relationship_started_at: dates.startedAt,
        relationship_ended_at: dates.endedAt,
        legal_capacity: input.legalCapacity ?? 'full',
        minor_until: age.minorUntil,
        age_source: age.ageSource,
        created_at: now,
        updated_at: now,
      })
      .execute()
    await insertIdentifiers(trx, input.operatorId, subjectId, identifiers, '/body/identifiers')
    const dataKey = await createSubjectKey(trx, deps.keys, input.operatorId, subjectId)
    try {
      const numbered = await numberValues(trx, input.operatorId, subjectId, values)
      await insertValues(trx, dataKey, input.operatorId, subjectId, numbered, now)
      const band = ageBand(age, today, kind.minor === true)
      await appendAudit(trx, {
        ...where,
        action: 'collect',
        details: { registered: true, subjectKind: kind.id, identifierKinds: identifiers.map((i) => i.kind), legalCapacity: input.legalCapacity ?? 'full', ageBand: band },
      })
      await enqueueEvent(trx, { operatorId: input.operatorId, type: 'subject.registered', subjectId, occurredAt: now, data: { kind: kind.id, ageBand: band } })
      const infos = numbered.map(valueInfo)
      await recordValues(trx, where, infos)
      return infos
    } finally {
      dataKey.fill(0)
    }
  })
  return { ...(await getSubject(deps, input.operatorId, subjectId)), collected }
}
