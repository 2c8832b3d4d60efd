import { appendAudit, type AuditAction } from '../audit/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { ConnectorTask } from './base-connector.ts'
import { maskingKey } from './masking.ts'
import { openConnector } from './open-connector.ts'
import { SYSTEM_ACTIONS, type SystemAction, type SystemTaskInput, type SystemTaskResult } from './system-task.ts'
import { readSystem } from './system-rows.ts'
import type { SystemsDeps } from './systems-deps.ts'

/** How each action is named in the audit chain (art. 1 of Law 94-V: use, distribution, change, depersonalisation, destruction). */
const AUDITED_AS: Record<SystemAction, AuditAction> = { locate: 'use', export: 'export', rectify: 'change', anonymise: 'anonymise', delete: 'destroy' }
const ACTIONS: ReadonlySet<string> = new Set(SYSTEM_ACTIONS)
const NO_KEY = Buffer.alloc(0)

/**
 * Does one action on one subject's rows in one of the operator's systems —
 * the call request fulfilment makes for each system task — and records it in
 * the audit chain with the row counts (never a value).
 *
 * Errors are `DerbesError`s whose code tells the runner what to do:
 * `DERBES_SYSTEM_UNREACHABLE` — try again later (nothing was committed
 * there); `DERBES_SYSTEM_MAPPING_INVALID`, `DERBES_SYSTEM_REJECTED`,
 * `DERBES_SYSTEM_NOT_FOUND` — report, retrying will not help;
 * `DERBES_SYSTEM_ACTION_NOT_SUPPORTED` — a staff task instead (a `manual` system).
 * `isRetryableSystemError` says which.
 *
 * @example
 * const { rowsByTable, records } = await runSystemTask(deps, {
 *   operatorId: 'esp', systemId: 'loyalty-db', action: 'export', requestId,
 *   subject: { subjectId, identifiers: { phone: '+77015550001', email: 'aidos@mail.kz' } },
 * })
 */
export async function runSystemTask(deps: SystemsDeps, input: SystemTaskInput): Promise<SystemTaskResult> {
  checkInput(input)
  const { operatorId, systemId, action } = input
  const system = await readSystem(deps.db, operatorId, systemId)
  const held = new Set(system.view.items)
  const changes = (input.changes ?? []).filter((c) => held.has(c.itemId))
  const task: ConnectorTask = {
    operatorId,
    systemId,
    map: system.view,
    subject: input.subject,
    changes,
    maskingKey: action === 'anonymise' ? await maskingKey(deps.keys, operatorId) : NO_KEY,
    ...(input.requestId ? { requestId: input.requestId } : {}),
  }
  let result: SystemTaskResult
  if (action === 'rectify' && changes.length === 0) {
    // The system holds none of the items being corrected: nothing to do there, and nothing is sent.
    result = { systemId, action, rowsByTable: {} }
  } else {
    const connector = await openConnector(deps, operatorId, system, action)
    if (action === 'export') result = { systemId, action, ...(await connector.export(task)) }
    else result = { systemId, action, rowsByTable: await connector[action](task) }
  }
  // The work was done and committed in the operator's system, which no Derbes transaction spans; so the
  // entry is appended right after that commit. Should Derbes stop in between, the task was not marked done
  // and runs again: every action is idempotent (a second delete or anonymise finds no rows, a second rectify
  // sets the same values), and that run's entry records what was done.
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, {
      operatorId,
      at: deps.clock(),
      actor: input.actor ?? 'system',
      action: AUDITED_AS[action],
      subjectId: input.subject.subjectId,
      details: {
        systemId,
        systemKind: system.view.kind,
        operation: action,
        requestId: input.requestId ?? null,
        rowsByTable: result.rowsByTable,
        ...(action === 'rectify' ? { itemIds: changes.map((c) => c.itemId) } : {}),
        ...(action === 'export' ? { itemIds: [...new Set((result.records ?? []).flatMap((r) => r.values.map((v) => v.itemId)))].sort() } : {}),
      },
    }),
  )
  return result
}

/** Whether the fulfilment runner should try a failed task again later. */
export function isRetryableSystemError(error: unknown): boolean {
  return error instanceof DerbesError && error.code === 'DERBES_SYSTEM_UNREACHABLE'
}

function checkInput(input: SystemTaskInput): void {
  const problems = []
  if (!ACTIONS.has(input.action)) problems.push({ pointer: '/action', detail: `'${String(input.action)}' is not one of ${SYSTEM_ACTIONS.join(', ')}` })
  if (!input.subject?.subjectId) problems.push({ pointer: '/subject/subjectId', detail: 'is required' })
  if (input.action === 'rectify' && !(input.changes?.length)) problems.push({ pointer: '/changes', detail: 'rectify needs at least one change' })
  for (const [i, change] of (input.changes ?? []).entries()) {
    if (change.value !== null && typeof change.value !== 'string') problems.push({ pointer: `/changes/${i}/value`, detail: 'must be a string or null' })
  }
  if (problems.length > 0) throw new DerbesError('DERBES_VALIDATION', 'the system task is not valid', problems)
}
