import { defineRule } from '../lint-rule.ts'
import { itemPath } from '../policy-facts.ts'

/** PS-2.3 collects a copy of the ID document; art. 7(10) allows paper copies only without integration and without another way to identify. */
export const idDocumentCopy = defineRule(
  {
    id: 'id-document-copy',
    article: 'art. 7(10)',
    severity: 'warning',
    title: 'Copy of an identity document collected',
    hint: "Identify the person through the state systems (or EDS) and record the document's number instead; keep a copy only where no integration and no technical means of identification exist, and say so in a note.",
  },
  ({ policy, report }) => {
    for (const item of policy.items.values())
      if (item.kind === 'id_document_copy')
        report(itemPath(policy, item.id), `data item '${item.id}' is a copy of an identity document`)
  },
)
