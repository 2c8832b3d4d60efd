import type { CompiledPolicy } from '../../policy/index.ts'
import type { ConsentRecord } from '../consent-record.ts'
import type { ReceiptLabels } from './consent-receipt.ts'

/**
 * The policy's names of the form, purposes, categories, items and recipients
 * a record names, in all three languages. An id the policy version does not
 * know (it should not happen: records are built from it) is left out, and
 * the PDF shows the id itself.
 */
export function receiptLabels(policy: CompiledPolicy | undefined, record: Pick<ConsentRecord, 'form' | 'purposes' | 'categories' | 'items' | 'recipients'>): ReceiptLabels {
  const labels: ReceiptLabels = { formTitle: null, purposes: {}, categories: {}, items: {}, recipients: {} }
  if (!policy) return labels
  const form = policy.document.consentForms.find((f) => f.id === record.form.id && f.version === record.form.version)
  labels.formTitle = form?.title ?? null
  for (const { id } of record.purposes) {
    const purpose = policy.purposes.get(id)
    if (purpose) labels.purposes[id] = purpose.name
  }
  for (const id of record.categories) {
    const category = policy.categories.get(id)
    if (category) labels.categories[id] = category.name
  }
  for (const id of record.items) {
    const item = policy.items.get(id)
    if (item) labels.items[id] = item.name
  }
  for (const { id } of record.recipients) {
    const recipient = policy.recipients.get(id)
    if (recipient) labels.recipients[id] = recipient.name
  }
  return labels
}
