import { canonicalJson, sha256Hex } from './canonical-json.ts'
import type { CompiledItem, CompiledPolicy, CompiledPurpose, EffectiveDeadline } from './compiled-policy.ts'
import { deepFreeze } from './deep-freeze.ts'
import { LAW_94V, type LawProfile } from './law-profile.ts'
import { REQUEST_KINDS, type Deadline, type PolicyDocument, type RequestKind } from './schema/index.ts'

/**
 * Turns a loaded (valid, cross-checked) policy document into an immutable,
 * indexed model. The document is copied, so later edits to the input cannot
 * leak into a compiled policy in use.
 *
 * @example
 * const loaded = loadPolicy(yamlText, 'ttc.yaml')
 * if (loaded.ok) compilePolicy(loaded.document).purposes.get('marketing')?.itemIds
 */
export function compilePolicy(input: PolicyDocument, law: LawProfile = LAW_94V): CompiledPolicy {
  const document = deepFreeze(structuredClone(input))
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((entry) => [entry.id, entry]))

  const items = new Map<string, CompiledItem>()
  for (const category of document.categories)
    for (const item of category.items) items.set(item.id, deepFreeze({ ...item, categoryId: category.id }))

  const retention = byId(document.retention)
  const purposes = new Map<string, CompiledPurpose>()
  for (const purpose of document.purposes) {
    const itemIds =
      purpose.items ?? document.categories.filter((c) => purpose.categories.includes(c.id)).flatMap((c) => c.items.map((i) => i.id))
    const retentionRule = retention.get(purpose.retention)
    if (!retentionRule) throw new Error(`compilePolicy: purpose '${purpose.id}' names unknown retention rule; load the policy with loadPolicy first`)
    const recipientIds = document.recipients.filter((r) => r.purposes.includes(purpose.id)).map((r) => r.id)
    purposes.set(purpose.id, deepFreeze({ ...purpose, itemIds, retentionRule, recipientIds }))
  }

  const consentForms = new Map<string, PolicyDocument['consentForms'][number]>()
  for (const form of document.consentForms) {
    const seen = consentForms.get(form.id)
    if (!seen || seen.version < form.version) consentForms.set(form.id, form)
  }

  const deadlines = new Map<RequestKind, EffectiveDeadline>()
  for (const kind of REQUEST_KINDS) {
    const effective = effectiveDeadline(kind, law.deadlines[kind], document.deadlines[kind])
    if (effective) deadlines.set(kind, effective)
  }

  return Object.freeze({
    document,
    operatorId: document.operator.id,
    versionId: document.version.id,
    hash: sha256Hex(canonicalJson(document)),
    subjectKinds: byId(document.subjectKinds),
    categories: byId(document.categories),
    items,
    purposes,
    retention,
    consentForms,
    recipients: byId(document.recipients),
    deadlines,
  })
}

function effectiveDeadline(kind: RequestKind, law: EffectiveDeadline['law'], policy: Deadline | undefined): EffectiveDeadline | undefined {
  if (!law && !policy) return undefined
  let binding: Deadline[]
  if (law && policy) binding = law.unit === policy.unit ? [policy.days <= law.days ? policy : law] : [law, policy]
  else binding = [(law ?? policy) as Deadline]
  return deepFreeze({ kind, ...(law ? { law } : {}), ...(policy ? { policy } : {}), binding })
}
