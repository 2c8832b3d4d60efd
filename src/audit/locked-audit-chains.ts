import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { isAuditAction } from './audit-actions.ts'
import { bodyWithDetails, GENESIS_HASH, hashAuditBody, type AuditEntry, type AuditEntryInput } from './audit-entry.ts'
import { canonicalEntryJson } from './canonical-entry-json.ts'

/**
 * Rows per INSERT (~0.5 MB). Rows as parameters, not arrays (`unnest`): a
 * body is full of quotes, which an array literal escapes and the server
 * unescapes — measured 1.6× slower. And not more: node-postgres grows its
 * message buffer by copying, which costs disproportionately past ~1 MB.
 */
const INSERT_CHUNK = 1000

type Db = Transaction<Database> | Kysely<Database>

/**
 * The chains of some operators, their heads locked until the transaction
 * ends. {@link chain} numbers and hashes entries in memory; {@link write}
 * stores them; {@link finish} moves the heads. Split so bulk work can chain
 * one chunk while the database writes the one before (src/consent/ledger/import-consents.ts);
 * `appendAuditBatch` does all three in a row.
 */
export interface LockedAuditChains {
  /**
   * Checks and chains entries, in input order: each gets the next seq of its
   * operator's chain, its body and hash. Throws `DERBES_AUDIT_ENTRY_INVALID`
   * (every problem, pointers `/<index>/<field>`) and chains none of them
   * when any is invalid. Every operator must be one of those locked.
   */
  chain(entries: readonly AuditEntryInput[]): AuditEntry[]
  /** Inserts chained entries (any order of calls; each entry once). */
  write(entries: readonly AuditEntry[]): Promise<void>
  /** Sets each chain's head to its last chained entry. Call once, after the last chain(). */
  finish(): Promise<void>
}

/**
 * Creates each operator's head at the genesis if it has none and, in the
 * same statement, row-locks it until the transaction ends, so concurrent
 * appends queue and the chain never forks; under READ COMMITTED a waiting
 * append then reads the head its predecessor committed. Heads are locked in
 * operator order so two batches spanning the same operators cannot deadlock.
 *
 * @example
 * const chains = await lockAuditChains(trx, ['esp'])
 * const entries = chains.chain([{ operatorId: 'esp', at, actor: 'import:crm', action: 'consent_given', subjectId }])
 * await chains.write(entries)
 * await chains.finish()
 */
export async function lockAuditChains(trx: Db, operatorIds: Iterable<string>): Promise<LockedAuditChains> {
  const heads = new Map<string, { seq: number; hash: string; moved: boolean }>()
  for (const operatorId of [...new Set(operatorIds)].sort()) {
    const head = await trx
      .insertInto('audit_heads')
      .values({ operator_id: operatorId, seq: 0, hash: GENESIS_HASH })
      .onConflict((oc) => oc.column('operator_id').doUpdateSet((eb) => ({ seq: eb.ref('audit_heads.seq') })))
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow()
    heads.set(operatorId, { seq: Number(head.seq), hash: head.hash, moved: false })
  }

  return {
    chain(entries) {
      checkAuditInputs(entries, (operatorId) => heads.has(operatorId))
      return entries.map((input) => {
        const head = heads.get(input.operatorId)!
        const detailsText = canonicalEntryJson(input.details ?? {})
        const fields = {
          operatorId: input.operatorId,
          seq: head.seq + 1,
          at: new Date(input.at.getTime()),
          actor: input.actor,
          action: input.action,
          subjectId: input.subjectId ?? null,
          basis: input.basis ?? null,
          purpose: input.purpose ?? null,
          prevHash: head.hash,
        }
        const body = bodyWithDetails(fields, detailsText)
        const hash = hashAuditBody(body)
        head.seq = fields.seq
        head.hash = hash
        head.moved = true
        return { ...fields, details: (input.details ?? {}) as Record<string, unknown>, body, hash }
      })
    },

    async write(chained) {
      for (let start = 0; start < chained.length; start += INSERT_CHUNK) {
        const chunk = chained.slice(start, start + INSERT_CHUNK)
        await trx.insertInto('audit_entries').values(chunk.map((e) => ({ operator_id: e.operatorId, seq: e.seq, body: e.body, hash: e.hash }))).execute()
      }
    },

    async finish() {
      for (const [operatorId, head] of heads) {
        if (head.moved) await trx.updateTable('audit_heads').set({ seq: head.seq, hash: head.hash }).where('operator_id', '=', operatorId).execute()
      }
    },
  }
}

/**
 * Throws `DERBES_AUDIT_ENTRY_INVALID` naming every problem of every entry
 * (pointers `/<index>/<field>`); with `isLocked`, an entry whose operator's
 * chain is not locked is one.
 */
export function checkAuditInputs(entries: readonly AuditEntryInput[], isLocked?: (operatorId: string) => boolean): void {
  const problems = entries.flatMap((entry, index) => inputProblems(entry, index, isLocked))
  if (problems.length > 0) throw new DerbesError('DERBES_AUDIT_ENTRY_INVALID', `${problems.length} problem(s) in ${entries.length} audit entr${entries.length === 1 ? 'y' : 'ies'}`, problems)
}

function inputProblems(entry: AuditEntryInput, index: number, isLocked?: (operatorId: string) => boolean): { pointer: string; detail: string }[] {
  const problems: { pointer: string; detail: string }[] = []
  if (!entry.operatorId) problems.push({ pointer: `/${index}/operatorId`, detail: 'is empty' })
  else if (isLocked && !isLocked(entry.operatorId)) problems.push({ pointer: `/${index}/operatorId`, detail: `the chain of '${entry.operatorId}' is not locked in this batch` })
  if (!entry.actor || entry.actor.length > 300) problems.push({ pointer: `/${index}/actor`, detail: 'must be 1–300 characters' })
  if (!isAuditAction(entry.action)) problems.push({ pointer: `/${index}/action`, detail: `'${String(entry.action)}' is not an audit action` })
  // The body holds the time at a fixed width (24 characters): a four-digit year. PostgreSQL has no year 0.
  if (!(entry.at instanceof Date) || Number.isNaN(entry.at.getTime())) problems.push({ pointer: `/${index}/at`, detail: 'is not a valid date' })
  else if (entry.at.getUTCFullYear() < 1 || entry.at.getUTCFullYear() > 9999) problems.push({ pointer: `/${index}/at`, detail: 'must be within the years 0001–9999' })
  const details = entry.details
  if (details !== undefined && (details === null || typeof details !== 'object' || Array.isArray(details))) {
    problems.push({ pointer: `/${index}/details`, detail: 'must be an object' })
  }
  return problems
}
