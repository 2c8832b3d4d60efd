import type { Selectable, Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import type { CompiledPolicy } from '../../policy/index.ts'
import type { KeyProvider } from '../../subjects/crypto/index.ts'
import { listSystems } from '../../systems/index.ts'
import type { AnswerInput, AnswerOutcome, FulfilledStep, SubjectRecord } from '../answers/index.ts'
import type { RequestTasksTable } from '../requests-tables.ts'
import { openRequestData } from '../seal-request.ts'
import type { FulfilmentRequest } from './fulfilment-request.ts'
import { readRequestScope } from './request-scope.ts'
import { readVaultValues } from './read-vault-values.ts'
import type { SealedRecord } from './run-vault-task.ts'
import { openTaskResult } from './seal-result.ts'

type TaskRow = Selectable<RequestTasksTable>

/** An answer's input and what else delivering it needs: where to e-mail it, which items addressed it. */
export interface GatheredAnswer {
  input: AnswerInput
  /** The requester's e-mail (given with the request) or the subject's (the vault's e-mail item). */
  email: string | null
  /** The vault items read to address the letter (name, address, e-mail) — for the audit entry. */
  addressedWith: string[]
}

const countOf = (task: TaskRow) => {
  const count = (task.result as { count?: unknown } | null)?.count
  return typeof count === 'number' ? count : 0
}

/** The records an access answer lists: every export task's sealed rows, opened under the subject's key. */
async function exportedRecords(trx: Transaction<Database>, keys: KeyProvider, request: FulfilmentRequest, tasks: readonly TaskRow[], systemNames: ReadonlyMap<string, string>): Promise<SubjectRecord[]> {
  const records: SubjectRecord[] = []
  for (const task of tasks) {
    if (task.action !== 'export' || task.state !== 'done' || task.result_sealed === null || request.subject_id === null) continue
    const rows = await openTaskResult<SealedRecord[]>(trx, keys, request.operator_id, request.subject_id, task.task_id, task.result_sealed)
    for (const row of rows) {
      const name = systemNames.get(row.system)
      records.push({ ...row, ...(name ? { systemName: name } : {}), collectedAt: row.collectedAt === null ? null : new Date(row.collectedAt) })
    }
  }
  return records
}

/**
 * Gathers everything the answer to a request says (`AnswerInput` of the
 * answers module) from what fulfilment did: the outcome — refused with its
 * ground and clauses, "no data held" for a requester the operator does not
 * hold (art. 24(1)), or the steps done with their counts —, for an access
 * request every record exported (vault, consents, connected systems), for
 * information the items held, and the addressee: the requester's name and
 * address as given, else the vault's. Reads happen in the caller's
 * transaction; the caller audits them with the answer.
 */
export async function gatherAnswerInput(
  trx: Transaction<Database>,
  keys: KeyProvider,
  policy: CompiledPolicy,
  request: FulfilmentRequest,
  tasks: readonly TaskRow[],
  issuedAt: Date,
): Promise<GatheredAnswer> {
  const operatorId = request.operator_id
  const subjectId = request.subject_id
  const scope = readRequestScope(request.scope)
  const sealed = await openRequestData(trx, keys, request)
  const systems = tasks.some((t) => t.target === 'system' || t.target === 'manual') ? await listSystems(trx, operatorId) : []
  const systemNames = new Map(systems.map((s) => [s.systemId, s.name]))
  const held = subjectId === null ? undefined : await trx.selectFrom('subject_keys').select('subject_id').where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).executeTakeFirst()

  // The addressee: as the request gave it, else from the vault (items of kind full name, address, e-mail).
  const contactKinds = new Map<string, 'full_name' | 'address' | 'email'>()
  for (const item of policy.items.values()) if (item.kind === 'full_name' || item.kind === 'address' || item.kind === 'email') contactKinds.set(item.id, item.kind)
  const contacts = held && subjectId !== null ? await readVaultValues(trx, keys, operatorId, subjectId, new Set(contactKinds.keys())) : []
  const firstOf = (kind: 'full_name' | 'address' | 'email') => contacts.find((v) => contactKinds.get(v.itemId) === kind)
  const name = sealed.requester?.name ?? firstOf('full_name')?.value
  const address = sealed.requester?.postalAddress ?? firstOf('address')?.value
  const email = sealed.requester?.email ?? firstOf('email')?.value ?? null
  const addressedWith = [
    ...(sealed.requester?.name ? [] : [firstOf('full_name')?.itemId]),
    ...(sealed.requester?.postalAddress ? [] : [firstOf('address')?.itemId]),
    ...(sealed.requester?.email ? [] : [firstOf('email')?.itemId]),
  ].filter((id): id is string => id !== undefined)

  let outcome: AnswerOutcome
  if (request.state === 'refused' && request.refusal) outcome = { kind: 'refused', ground: request.refusal.ground, clauses: request.refusal.clauses, ...(request.refusal.detail ? { detail: request.refusal.detail } : {}) }
  else if (subjectId === null) outcome = { kind: 'no_data_held' }
  else {
    const steps: FulfilledStep[] = tasks
      .filter((t) => t.state === 'done')
      .map((t) => ({
        target: t.target,
        ...(t.target_id !== null ? { targetId: t.target_id } : {}),
        ...(t.target_id !== null && systemNames.has(t.target_id) ? { targetName: systemNames.get(t.target_id)! } : {}),
        action: t.action,
        count: countOf(t),
      }))
    outcome = { kind: 'fulfilled', steps }
  }

  const subject = subjectId === null ? undefined : await trx.selectFrom('subjects').select('kind').where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).executeTakeFirst()
  const input: AnswerInput = {
    policy,
    request: {
      reference: request.reference,
      kind: request.kind,
      receivedAt: new Date(request.received_at),
      dueAt: new Date(request.due_at),
      language: request.language,
      ...(scope.purposes ? { purposes: scope.purposes } : {}),
    },
    subject: { id: subjectId ?? `request:${request.request_id}`, ...(subject ? { kind: subject.kind } : {}), ...(name ? { name } : {}), ...(address ? { address } : {}) },
    outcome,
    issuedAt,
  }
  if (outcome.kind === 'fulfilled' && (request.kind === 'access' || request.kind === 'information')) {
    if (request.kind === 'access') input.records = await exportedRecords(trx, keys, request, tasks, systemNames)
    const vaultItems = subjectId === null ? [] : await trx.selectFrom('vault_items').select('item_id').distinct().where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).execute()
    input.heldItems = [...new Set([...vaultItems.map((v) => v.item_id), ...(input.records ?? []).filter((r) => policy.items.has(r.item)).map((r) => r.item)])].sort()
  }
  return { input, email, addressedWith }
}
