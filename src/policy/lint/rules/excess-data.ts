import type { ItemKind } from '../../schema/index.ts'
import { defineRule } from '../lint-rule.ts'
import { BIOMETRIC_KINDS, itemPath } from '../policy-facts.ts'

/** Art. 7(9) forbids excess data; art. 25(2)(1) approves a list of data "necessary and sufficient" for the purposes. */
export const unusedData = defineRule(
  {
    id: 'unused-data',
    article: 'art. 7(9), art. 25(2)(1)',
    severity: 'warning',
    title: 'Data no purpose uses',
    hint: 'Name a purpose that needs the data (in its `categories` or `items`), or stop collecting it and remove it from the list.',
  },
  ({ policy, report }) => {
    const used = new Set([...policy.purposes.values()].flatMap((p) => p.itemIds))
    policy.document.categories.forEach((category, c) => {
      const unused = category.items.filter((item) => !used.has(item.id))
      if (unused.length === category.items.length) report(['categories', c], `no purpose uses category '${category.id}'`)
      else for (const item of unused) report(itemPath(policy, item.id), `no purpose uses data item '${item.id}' of category '${category.id}'`)
    })
  },
)

/** Kinds Derbes treats as restricted-access data unless the author says otherwise. */
const RESTRICTED_KINDS: readonly ItemKind[] = ['iin', 'id_document', 'id_document_copy', 'bank_card', 'bank_account']

/** Order 179/НҚ splits data into public and restricted (art. 6); rules on confidentiality and consent methods read that mark. */
export const sensitivityUnmarked = defineRule(
  {
    id: 'sensitivity-unmarked',
    article: 'art. 6',
    severity: 'info',
    title: 'Sensitive kind of data not marked restricted',
    hint: "Mark identity-document, IIN and bank data `sensitivity: restricted`, and face images, fingerprints and palm images `sensitivity: biometric`.",
  },
  ({ policy, report }) => {
    for (const item of policy.items.values()) {
      const expected = BIOMETRIC_KINDS.includes(item.kind) ? 'biometric' : RESTRICTED_KINDS.includes(item.kind) ? 'restricted' : undefined
      // Biometric data is restricted too, so 'biometric' satisfies either expectation.
      if (expected && item.sensitivity !== expected && item.sensitivity !== 'biometric')
        report([...itemPath(policy, item.id), 'kind'], `data item '${item.id}' (${item.kind}) is not marked ${expected}`)
    }
  },
)
