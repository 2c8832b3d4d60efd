import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { blindIndex, normalizeIdentifier, type IdentifierKind, type KeyProvider } from './crypto/index.ts'

export interface IdentifierInput {
  kind: IdentifierKind
  value: string
}

/** An identifier ready to store: its normalised value stays in memory for the request only. */
export interface IndexedIdentifier {
  kind: IdentifierKind
  normalized: string
  blindIndex: string
}

/**
 * Normalises each identifier (IIN check digit and Kazakhstan phone through
 * `kz/`, e-mail and document spelling) and computes its blind index under the
 * operator's index key. A bad one is refused with its field, never its value;
 * the same identifier twice in one request is refused too.
 *
 * @example
 * await indexIdentifiers(keys, 'ttc', [{ kind: 'phone', value: '8 701 123 45 67' }], '/body/identifiers')
 */
export async function indexIdentifiers(keys: KeyProvider, operatorId: string, inputs: readonly IdentifierInput[], at: string): Promise<IndexedIdentifier[]> {
  const problems: { pointer: string; detail: string }[] = []
  const normalized: { kind: IdentifierKind; normalized: string }[] = []
  inputs.forEach((input, i) => {
    try {
      normalized.push({ kind: input.kind, normalized: normalizeIdentifier(input.kind, input.value) })
    } catch (error) {
      if (!(error instanceof DerbesError)) throw error
      problems.push({ pointer: `${at}/${i}/value`, detail: error.message })
    }
  })
  if (problems.length > 0) throw new DerbesError('DERBES_IDENTIFIER_INVALID', `${problems.length} identifier(s) are not valid`, problems)
  const seen = new Set<string>()
  normalized.forEach((n, i) => {
    const key = `${n.kind}:${n.normalized}`
    if (seen.has(key)) problems.push({ pointer: `${at}/${i}`, detail: `the same ${n.kind} is given twice` })
    seen.add(key)
  })
  if (problems.length > 0) throw new DerbesError('DERBES_VALIDATION', 'an identifier is repeated', problems)
  const indexKey = await keys.indexKey(operatorId)
  try {
    return normalized.map((n) => ({ ...n, blindIndex: blindIndex(indexKey, operatorId, n.kind, n.normalized) }))
  } finally {
    indexKey.fill(0)
  }
}

/**
 * Stores identifiers of a subject. Another subject of the operator with one
 * of them → `DERBES_SUBJECT_IDENTIFIER_TAKEN` (409), checked first for a
 * clear answer and enforced by the primary key against races.
 */
export async function insertIdentifiers(
  trx: Transaction<Database> | Kysely<Database>,
  operatorId: string,
  subjectId: string,
  identifiers: readonly IndexedIdentifier[],
  at: string,
): Promise<void> {
  if (identifiers.length === 0) return
  const taken = await trx
    .selectFrom('subject_identifiers')
    .select(['kind', 'blind_index', 'subject_id'])
    .where('operator_id', '=', operatorId)
    .where((eb) => eb.or(identifiers.map((i) => eb.and([eb('kind', '=', i.kind), eb('blind_index', '=', i.blindIndex)]))))
    .execute()
  const others = taken.filter((t) => t.subject_id !== subjectId)
  if (others.length > 0) {
    const clash = (i: IndexedIdentifier) => others.some((t) => t.kind === i.kind && t.blind_index === i.blindIndex)
    throw new DerbesError(
      'DERBES_SUBJECT_IDENTIFIER_TAKEN',
      `another subject of operator '${operatorId}' has this ${[...new Set(others.map((t) => t.kind))].join(', ')}`,
      identifiers.flatMap((i, n) => (clash(i) ? [{ pointer: `${at}/${n}`, detail: `this ${i.kind} belongs to another subject` }] : [])),
    )
  }
  const fresh = identifiers.filter((i) => !taken.some((t) => t.kind === i.kind && t.blind_index === i.blindIndex))
  if (fresh.length === 0) return
  try {
    await trx
      .insertInto('subject_identifiers')
      .values(fresh.map((i) => ({ operator_id: operatorId, subject_id: subjectId, kind: i.kind, blind_index: i.blindIndex })))
      .execute()
  } catch (error) {
    if (isUniqueViolation(error)) throw new DerbesError('DERBES_SUBJECT_IDENTIFIER_TAKEN', `another subject of operator '${operatorId}' has one of these identifiers`)
    throw error
  }
}

/** PostgreSQL's unique_violation, as both pg and PGlite report it. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
}
