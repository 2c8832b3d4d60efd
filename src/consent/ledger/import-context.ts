import { sql } from 'kysely'
import { getPublishedVersion } from '../../operators/index.ts'
import type { CompiledPolicy } from '../../policy/index.ts'
import type { ConsentSubject, RepresentativeRow } from './consenting-party.ts'
import type { LedgerDeps } from './ledger-deps.ts'

/** Subjects per query, passed as one array parameter (`= any`), not a list of 5,000 parameters to bind and parse. */
const CHUNK = 5000

export interface ImportContext {
  policies: Map<string, CompiledPolicy>
  /** `operator\0subject` → the subject. */
  subjects: Map<string, ConsentSubject>
  representatives: Map<string, RepresentativeRow[]>
}

/** Everything an import checks against, read in a few queries per 5,000 subjects rather than one per consent. */
export async function loadImportContext(deps: LedgerDeps, inputs: readonly { operatorId: string; subjectId: string; givenBy?: unknown }[]): Promise<ImportContext> {
  const byOperator = new Map<string, { all: Set<string>; represented: Set<string> }>()
  for (const input of inputs) {
    const entry = byOperator.get(input.operatorId) ?? { all: new Set(), represented: new Set() }
    entry.all.add(input.subjectId)
    if (input.givenBy) entry.represented.add(input.subjectId)
    byOperator.set(input.operatorId, entry)
  }
  const context: ImportContext = { policies: new Map(), subjects: new Map(), representatives: new Map() }
  for (const [operatorId, { all, represented }] of byOperator) {
    context.policies.set(operatorId, (await getPublishedVersion(deps, operatorId)).compiled)
    const ids = [...all]
    for (let start = 0; start < ids.length; start += CHUNK) {
      const rows = await deps.db
        .selectFrom('subjects')
        .select(['subject_id', 'kind', 'status', 'legal_capacity', sql<string | null>`to_char(minor_until, 'YYYY-MM-DD')`.as('minor_until')])
        .where('operator_id', '=', operatorId)
        .where('subject_id', '=', sql<string>`any(${ids.slice(start, start + CHUNK)}::text[])`)
        .execute()
      for (const r of rows) {
        context.subjects.set(`${operatorId}\u0000${r.subject_id}`, { subjectId: r.subject_id, kind: r.kind, status: r.status, minorUntil: r.minor_until, legalCapacity: r.legal_capacity })
      }
    }
    const withRepresentative = [...represented]
    for (let start = 0; start < withRepresentative.length; start += CHUNK) {
      const rows = await deps.db
        .selectFrom('subject_representatives as r')
        .innerJoin('subjects as rep', (join) => join.onRef('rep.operator_id', '=', 'r.operator_id').onRef('rep.subject_id', '=', 'r.representative_id'))
        .select([
          'r.subject_id', 'r.representative_id', 'r.relation', 'rep.status',
          sql<string | null>`to_char(r.valid_from, 'YYYY-MM-DD')`.as('valid_from'),
          sql<string | null>`to_char(r.valid_until, 'YYYY-MM-DD')`.as('valid_until'),
        ])
        .where('r.operator_id', '=', operatorId)
        .where('r.subject_id', '=', sql<string>`any(${withRepresentative.slice(start, start + CHUNK)}::text[])`)
        .execute()
      for (const r of rows) {
        const key = `${operatorId}\u0000${r.subject_id}`
        const list = context.representatives.get(key) ?? []
        list.push({ representativeId: r.representative_id, relation: r.relation, validFrom: r.valid_from, validUntil: r.valid_until, representativeStatus: r.status })
        context.representatives.set(key, list)
      }
    }
  }
  return context
}
