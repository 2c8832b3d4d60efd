import { hash } from 'node:crypto'

/** One subject in an act: its id only, what was done and by which rule. */
export interface ActSubject {
  subjectId: string
  step: 'anonymise' | 'destroy'
  ruleId: string
  /** `all` for the whole subject, or the items destroyed. */
  items: 'all' | string[]
}

/**
 * The canonical content of a destruction act (issue 5 §3): what, whose, by
 * which rule, when, which systems. Whose is subject ids ONLY: the act is made
 * after crypto-shredding, whose point is that no name, identifier or value of
 * the subject remains anywhere (issue 5 §2; TW-2, art. 18) — an act that
 * listed names would itself be the copy destruction forbids. The id still
 * ties the act to the audit chain and the consent ledger.
 */
export interface ActContent {
  format: 'derbes-destruction-act-v1'
  actId: string
  /** The act's number within the operator: 1, 2, … in the order acts are made (one run at a time makes them). */
  number: number
  operatorId: string
  operatorName: { kk: string; ru: string; en: string }
  operatorBin: string | null
  runId: string
  asOf: string
  runStartedAt: string
  createdAt: string
  counts: { subjects: number; anonymised: number; destroyed: number; failed: number }
  rules: { ruleId: string; step: string; clauses: string[]; subjects: number }[]
  /** Items destroyed per item id for item-level steps; whole subjects lose every item the policy lists. */
  items: { itemId: string; subjects: number }[]
  systems: { systemId: string; subjects: number; rows: number }[]
  /** Systems with no connector (a paper archive): for the responsible person to destroy by hand and confirm by signing. */
  manualSystems: string[]
  subjects: ActSubject[]
}

/** JSON with object keys sorted at every level: equal content, equal text, equal hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** Lower-case hex SHA-256 of the canonical content: what the signer confirms. */
export function actHash(content: ActContent): string {
  return hash('sha256', canonicalJson(content), 'hex')
}
