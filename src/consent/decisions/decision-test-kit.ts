import { readFileSync } from 'node:fs'
import { parseDocument } from 'yaml'
import { compilePolicy, loadPolicy, type CompiledPolicy } from '../../policy/index.ts'
import type { ConsentFact, SubjectFacts } from './decision-types.ts'

export type Seed = 'ttc' | 'tw' | 'esp' | 'kzk' | 'ps'

const compiled = new Map<string, CompiledPolicy>()

/** A seed policy from policies/, compiled; `edits` change fields first (path, value) as the operators tests do. */
export function seedPolicy(seed: Seed, edits: [path: (string | number)[], value: unknown][] = []): CompiledPolicy {
  const key = `${seed}:${JSON.stringify(edits)}`
  let policy = compiled.get(key)
  if (!policy) {
    const doc = parseDocument(readFileSync(new URL(`../../../policies/${seed}.yaml`, import.meta.url), 'utf8'))
    for (const [path, value] of edits) doc.setIn(path, value)
    const loaded = loadPolicy(doc.toString(), `${seed}.yaml`)
    if (!loaded.ok) throw new Error(`${seed}.yaml: ${JSON.stringify(loaded.issues)}`)
    policy = compilePolicy(loaded.document)
    compiled.set(key, policy)
  }
  return policy
}

/** A consent row: given, form version 1, no expiry, by the subject, no countries — override what the test is about. */
export function consent(purposeId: string, formId: string, fields: Partial<ConsentFact> = {}): ConsentFact {
  return {
    purposeId,
    channel: '',
    status: 'given',
    formId,
    formVersion: 1,
    expiresAt: null,
    withdrawalEffectiveAt: null,
    byRepresentative: false,
    countries: [],
    ...fields,
  }
}

/** An active adult subject of full capacity. */
export function subject(kind: string, consents: ConsentFact[] = [], fields: Partial<SubjectFacts> = {}): SubjectFacts {
  return { subjectId: 's-1', kind, status: 'active', relationshipEndedAt: null, minorUntil: null, legalCapacity: 'full', consents, ...fields }
}

export const NOW = new Date('2026-12-10T10:00:00+05:00')
