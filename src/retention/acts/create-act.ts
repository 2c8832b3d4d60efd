import { randomUUID } from 'node:crypto'
import { appendAudit } from '../../audit/index.ts'
import { enqueueEvent } from '../../notify/index.ts'
import type { RetentionDeps } from '../retention-deps.ts'
import type { SystemOutcome } from '../retention-run-tables.ts'
import { actHash, type ActContent, type ActSubject } from './act-content.ts'

/**
 * Makes the destruction act of a finished run that anonymised or destroyed
 * anything (issue 5 §3), from the run's items: stored as its canonical
 * content and hash, unsigned, audited (`retention_act_created`), with a
 * `retention.act_created` event so the responsible person is asked to sign.
 * Returns the act id.
 */
export async function createAct(deps: Pick<RetentionDeps, 'db' | 'clock'>, operatorId: string, runId: string): Promise<string> {
  const run = await deps.db.selectFrom('retention_runs').selectAll().where('operator_id', '=', operatorId).where('run_id', '=', runId).executeTakeFirstOrThrow()
  const operator = await deps.db.selectFrom('operators').select(['name', 'bin']).where('operator_id', '=', operatorId).executeTakeFirstOrThrow()
  const rows = await deps.db.selectFrom('retention_run_items').select(['subject_id', 'step', 'rule_id', 'item_ids', 'clauses', 'systems', 'status'])
    .where('operator_id', '=', operatorId).where('run_id', '=', runId).orderBy('item_no').execute()
  const subjects: ActSubject[] = []
  const rules = new Map<string, { ruleId: string; step: string; clauses: string[]; subjects: number }>()
  const items = new Map<string, number>()
  const systems = new Map<string, { systemId: string; subjects: number; rows: number }>()
  let failed = 0
  for (const row of rows) {
    if (row.status === 'failed') failed++
    if (row.status !== 'done' || row.step === 'block') continue
    const itemIds = row.item_ids as string[] | null
    subjects.push({ subjectId: row.subject_id, step: row.step, ruleId: row.rule_id, items: itemIds ?? 'all' })
    const ruleKey = `${row.rule_id} ${row.step}`
    const rule = rules.get(ruleKey) ?? { ruleId: row.rule_id, step: row.step, clauses: row.clauses as string[], subjects: 0 }
    rule.subjects++
    rules.set(ruleKey, rule)
    for (const itemId of itemIds ?? []) items.set(itemId, (items.get(itemId) ?? 0) + 1)
    for (const s of row.systems as SystemOutcome[]) {
      const system = systems.get(s.systemId) ?? { systemId: s.systemId, subjects: 0, rows: 0 }
      system.subjects++
      system.rows += Object.values(s.rowsByTable ?? {}).reduce((a, b) => a + b, 0)
      systems.set(s.systemId, system)
    }
  }
  const manual = await deps.db.selectFrom('systems').select('system_id').where('operator_id', '=', operatorId).where('kind', '=', 'manual').orderBy('system_id').execute()
  const made = await deps.db.selectFrom('retention_acts').select((eb) => eb.fn.countAll<string>().as('n')).where('operator_id', '=', operatorId).executeTakeFirstOrThrow()
  const now = deps.clock()
  const actId = randomUUID()
  const content: ActContent = {
    format: 'derbes-destruction-act-v1',
    actId,
    number: Number(made.n) + 1,
    operatorId,
    operatorName: operator.name,
    operatorBin: operator.bin,
    runId,
    asOf: new Date(run.as_of).toISOString(),
    runStartedAt: new Date(run.started_at).toISOString(),
    createdAt: now.toISOString(),
    counts: {
      subjects: new Set(subjects.map((s) => s.subjectId)).size,
      anonymised: subjects.filter((s) => s.step === 'anonymise').length,
      destroyed: subjects.filter((s) => s.step === 'destroy').length,
      failed,
    },
    rules: [...rules.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.step.localeCompare(b.step)),
    items: [...items].map(([itemId, n]) => ({ itemId, subjects: n })).sort((a, b) => a.itemId.localeCompare(b.itemId)),
    systems: [...systems.values()].sort((a, b) => a.systemId.localeCompare(b.systemId)),
    manualSystems: manual.map((m) => m.system_id),
    subjects,
  }
  const contentHash = actHash(content)
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('retention_acts').values({ operator_id: operatorId, act_id: actId, run_id: runId, created_at: now, content: JSON.stringify(content), content_hash: contentHash }).execute()
    const details = { actId, runId, contentHash, ...content.counts }
    await appendAudit(trx, { operatorId, at: now, actor: `retention:${runId}`, action: 'retention_act_created', details })
    await enqueueEvent(trx, { operatorId, type: 'retention.act_created', occurredAt: now, data: details })
  })
  return actId
}
