import { DerbesError } from '../errors/index.ts'
import type { AccessBasis, CompiledPolicy } from '../policy/index.ts'

/** The recorded ground on which personal data is opened (TTC-7.1/7.2), written to the audit entry. */
export interface AccessBasisRecord {
  basis: AccessBasis
  /** The memo, order or task that grants it (TTC-7.2(2)–(4)); free text, no personal data. */
  reference?: string
}

/** Bases whose paper trail must be named: a memo, an order, an assigned task, a contract. */
const NEEDS_REFERENCE: ReadonlySet<AccessBasis> = new Set(['covering_by_memo', 'management_order', 'assigned_task', 'contractor'])

/**
 * Checks the basis a reader of personal data gives against the operator's
 * policy (`access.bases`). Reading without one is refused: every access must
 * rest on a ground the policy lists (TTC-7.2), and the ground is recorded.
 *
 * @example
 * parseAccessBasis({ basis: 'management_order', reference: 'Order No. 12 of 01.12.2026' }, policy, '/query')
 */
export function parseAccessBasis(input: { basis?: string | undefined; reference?: string | undefined }, policy: CompiledPolicy, at = ''): AccessBasisRecord {
  const allowed = policy.document.access.bases
  if (!input.basis) {
    throw new DerbesError('DERBES_ACCESS_BASIS_REQUIRED', `reading personal data needs a basis: one of ${allowed.join(', ')} (TTC-7.2)`, [
      { pointer: `${at}/basis`, detail: `required: one of ${allowed.join(', ')}` },
    ])
  }
  if (!(allowed as readonly string[]).includes(input.basis)) {
    throw new DerbesError('DERBES_ACCESS_BASIS_REQUIRED', `'${input.basis}' is not a basis operator '${policy.operatorId}' allows`, [
      { pointer: `${at}/basis`, detail: `must be one of ${allowed.join(', ')}` },
    ])
  }
  const basis = input.basis as AccessBasis
  const reference = input.reference?.trim()
  if (NEEDS_REFERENCE.has(basis) && !reference) {
    throw new DerbesError('DERBES_ACCESS_BASIS_REQUIRED', `the basis '${basis}' must name its memo, order, task or contract`, [
      { pointer: `${at}/reference`, detail: 'required for this basis' },
    ])
  }
  return { basis, ...(reference ? { reference } : {}) }
}
