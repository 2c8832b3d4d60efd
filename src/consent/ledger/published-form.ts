import { DerbesError } from '../../errors/index.ts'
import { getPublishedVersion } from '../../operators/index.ts'
import type { CompiledPolicy, ConsentForm } from '../../policy/index.ts'
import type { ConsentRecord } from '../consent-record.ts'
import type { LedgerDeps } from './ledger-deps.ts'

export interface PublishedForm {
  policy: CompiledPolicy
  form: ConsentForm
}

/**
 * The operator's published policy and the current version of one of its
 * consent forms — what a consent is checked against (TTC-1.8: each consent is
 * tied to the version shown).
 *
 * @example
 * const { policy, form } = await publishedForm(deps, 'ttc', 'app-2')
 */
export async function publishedForm(deps: Pick<LedgerDeps, 'db' | 'clock'>, operatorId: string, formId: string, pointer = '/body/formId'): Promise<PublishedForm> {
  const { compiled: policy } = await getPublishedVersion({ db: deps.db, clock: deps.clock }, operatorId)
  const form = policy.consentForms.get(formId)
  if (!form) {
    const known = [...policy.consentForms.keys()].join(', ')
    throw new DerbesError('DERBES_CONSENT_FORM_NOT_FOUND', `operator '${operatorId}' publishes no consent form '${formId}'`, [
      { pointer, detail: `not a consent form of policy version '${policy.versionId}' (forms: ${known || 'none'})` },
    ])
  }
  return { policy, form }
}

/** The operator's name and BIN (or an individual entrepreneur's IIN) for the record (art. 8(4)(1)). */
export function operatorOf(policy: CompiledPolicy): ConsentRecord['operator'] {
  let found = OPERATORS.get(policy)
  if (!found) {
    const operator = policy.document.operator
    found = Object.freeze({ id: policy.operatorId, bin: operator.bin ?? operator.iin ?? null, name: operator.name })
    OPERATORS.set(policy, found)
  }
  return found
}

/** One frozen value per compiled policy, so a batch of records shares it. */
const OPERATORS = new WeakMap<CompiledPolicy, ConsentRecord['operator']>()
