import type { Kysely, Transaction } from 'kysely'
import { listObligations } from '../consent/index.ts'
import type { Database } from '../db/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import type { SubjectRequestKind } from './request-kinds.ts'
import type { Refusal } from './transition-request.ts'

/**
 * Kinds an open obligation may suspend: withdrawing consent (art. 8(2),
 * TTC-9.1, KZK-2.3.5) and deleting data — TTC-9.1 names deletion among the
 * rights suspended while the subject owes the operator. A marketing opt-out is
 * never suspended: direct marketing stops on demand (ESP-6, TTC-9.4).
 */
const SUSPENDABLE: readonly SubjectRequestKind[] = ['withdraw_consent', 'destroy_unlawful']

/**
 * The refusal a request must get because the subject has an unfulfilled
 * obligation, when the policy's consent form says that blocks withdrawal
 * (`withdrawal.blockedBy: [unfulfilled_obligation]`) — the form the request
 * names, or any of the policy's when it names none. Undefined when nothing
 * blocks it. The refusal cites the form's withdrawal clauses and art. 8(2);
 * its detail names the obligations by id and kind only.
 *
 * @example
 * const refusal = await obligationRefusal(trx, ttc, 'ttc', subjectId, 'withdraw_consent', { formId: 'app-2' })
 * // { ground: 'obligation_unfulfilled', clauses: ['TTC-9.1', …, 'art. 8(2)'], detail: "open obligations: inv-2026-11 (unpaid_invoice)" }
 */
export async function obligationRefusal(
  db: Kysely<Database> | Transaction<Database>,
  policy: CompiledPolicy,
  operatorId: string,
  subjectId: string,
  kind: SubjectRequestKind,
  scope: { formId?: unknown },
): Promise<Refusal | undefined> {
  if (!SUSPENDABLE.includes(kind)) return undefined
  const forms = typeof scope.formId === 'string' ? [policy.consentForms.get(scope.formId)].filter((f) => f !== undefined) : [...policy.consentForms.values()]
  const blocking = forms.filter((f) => f.withdrawal.blockedBy?.includes('unfulfilled_obligation'))
  if (blocking.length === 0) return undefined
  const open = await listObligations(db, operatorId, subjectId, { open: true })
  if (open.length === 0) return undefined
  const clauses = [...new Set([...blocking.flatMap((f) => f.withdrawal.clauses ?? f.clauses ?? []), 'art. 8(2)'])]
  return { ground: 'obligation_unfulfilled', clauses, detail: `open obligations: ${open.map((o) => `${o.obligationId} (${o.kind})`).join(', ')}` }
}
