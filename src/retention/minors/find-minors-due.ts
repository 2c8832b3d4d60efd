import type { DueRetention } from '../due-retention.ts'
import type { MinorsDeps } from './minors-deps.ts'

/** The rule id minors' destruction carries in a run's record and the destruction act. */
export const AGE_RULES_RULE_ID = 'age-rules'

/**
 * The subjects a retention run must destroy because they were found under the
 * minimum age of a policy that deletes minors' data as soon as possible
 * (TTC-10.4, `ageRules.underAge: delete_asap`): every open flag found by
 * `asOf` whose subject is still active or blocked, due the moment it was
 * found. One statement; the scan (`scanMinors`) does the finding.
 *
 * @example
 * const due = await findMinorsDue(deps, 'ttc', new Date())
 * due[0] // { subjectId, ruleId: 'age-rules', step: 'destroy', trigger: 'collection', dueAt: <found at>, clauses: ['TTC-2(2)', 'TTC-10.4'] }
 */
export async function findMinorsDue(deps: Pick<MinorsDeps, 'db'>, operatorId: string, asOf: Date): Promise<DueRetention[]> {
  const rows = await deps.db
    .selectFrom('minor_flags as f')
    .innerJoin('subjects as s', (join) => join.onRef('s.operator_id', '=', 'f.operator_id').onRef('s.subject_id', '=', 'f.subject_id'))
    .select(['f.subject_id', 'f.found_at', 'f.clauses'])
    .where('f.operator_id', '=', operatorId)
    .where('f.cleared_at', 'is', null)
    .where('f.handling', '=', 'destroy_due')
    .where('f.found_at', '<=', asOf)
    .where('s.status', 'in', ['active', 'blocked'])
    .orderBy('f.found_at')
    .orderBy('f.subject_id')
    .execute()
  return rows.map((r) => {
    const foundAt = new Date(r.found_at)
    const clauses = typeof r.clauses === 'string' ? (JSON.parse(r.clauses) as string[]) : r.clauses
    // Collecting a minor's data is what the rule answers: destroyed as soon as possible, so due when found.
    return { subjectId: r.subject_id, ruleId: AGE_RULES_RULE_ID, step: 'destroy', trigger: 'collection', triggeredAt: foundAt, dueAt: foundAt, clauses }
  })
}
