import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { BODY_AFTER_TIME_AT, BODY_PREV_HASH_AT, BODY_START, GENESIS_HASH, headString } from './audit-entry.ts'

/** Where the database's pass stopped: every entry up to `seq` is intact and entry `seq` has `hash`. */
export interface VerifiedPrefix {
  seq: number
  hash: string
}

export interface InDatabaseOptions {
  /** Entries checked per query. */
  pageRows: number
  /** Queries run at once; 1 on a single-connection database. */
  concurrency: number
}

interface PageCheck {
  /** Entries in (lo, hi] found. */
  n: number
  /** The first entry in (lo, hi] that fails a check, if any. */
  bad: string | number | null
  /** The stored hash of entry hi. */
  last: string | null
}

/**
 * The fast pass of verification: the database hashes each stored body with
 * its built-in sha256() and checks, beside the hash, every link and position
 * that {@link verifyChainRows} checks — without sending a single body to this
 * process. Reading 300-byte rows out of the database costs several times
 * their hashing (measured on the bench's chain: PGlite hands 100,000 rows over
 * in ~750 ms, hashes them in itself in ~200 ms), so checking where the rows
 * are is what makes `derbes audit verify` fast.
 *
 * What the database reports is only "intact up to here": at the first page
 * where any check fails (or a row is missing), the caller reads the rows
 * from that page on and lets {@link verifyChainRows} name the broken entry
 * and why. Trusting the database's sha256() is no weaker than trusting the
 * rows it returns: the trust anchor either way is the signed checkpoint,
 * compared outside the database.
 *
 * Pages overlap by one entry — page (lo, hi] also reads entry lo, the link's
 * other end — so they are independent and run `concurrency` at a time on a
 * server. Returns the verified prefix: up to `upTo` when all is intact.
 */
export async function verifyInDatabase(db: Kysely<Database>, operatorId: string, upTo: number, options: InDatabaseOptions): Promise<VerifiedPrefix> {
  const los: number[] = []
  for (let lo = 0; lo < upTo; lo += options.pageRows) los.push(lo)
  const results: (PageCheck | undefined)[] = new Array(los.length)
  let next = 0
  let failedAt = Infinity
  const work = async () => {
    for (;;) {
      const index = next++
      // A page past one that failed is never needed: verification stops at the first break.
      if (index >= los.length || index > failedAt) return
      const lo = los[index]!
      const hi = Math.min(lo + options.pageRows, upTo)
      const check = await checkPage(db, operatorId, lo, hi)
      results[index] = check
      if (!intact(check, lo, hi)) failedAt = Math.min(failedAt, index)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, work))

  let verified: VerifiedPrefix = { seq: 0, hash: GENESIS_HASH }
  for (let index = 0; index < los.length; index++) {
    const check = results[index]!
    const lo = los[index]!
    const hi = Math.min(lo + options.pageRows, upTo)
    if (!intact(check, lo, hi)) break
    verified = { seq: hi, hash: check.last! }
  }
  return verified
}

const intact = (check: PageCheck | undefined, lo: number, hi: number) => check !== undefined && check.bad === null && check.n === hi - lo && check.last !== null

/**
 * One page's checks, in one statement: each entry in (lo, hi] is the SHA-256
 * of its body; its body starts with the format and the previous entry's hash
 * (entry lo's, or the genesis hash for the first), names this operator and
 * its own seq; and the seqs run without a gap — (operator, seq) is the
 * primary key, so hi − lo rows in (lo, hi] are every seq once. Comparing text
 * at the body's fixed offsets needs no JSON parsing.
 */
async function checkPage(db: Kysely<Database>, operatorId: string, lo: number, hi: number): Promise<PageCheck> {
  const operatorPart = `",${headString(operatorId)},`
  // The first entry of the chain has no row before it: its link is to the genesis hash, and its row number is its seq.
  const firstPrev = lo === 0 ? GENESIS_HASH : null
  // Each row's own checks are made before the window, so the window carries a few short columns instead of every body.
  const { rows } = await sql<PageCheck>`
    select count(*)::int as n,
      min(seq) filter (where not coalesce(own and links_to = coalesce(prev, ${firstPrev}), false)) as bad,
      max(hash) filter (where seq = ${hi}) as last
    from (
      select seq, hash, own, links_to, lag(hash) over (order by seq) as prev
      from (
        select seq, hash, substr(body, ${BODY_PREV_HASH_AT + 1}, 64) as links_to,
          encode(sha256(convert_to(body, 'UTF8')), 'hex') = hash
            and starts_with(body, ${BODY_START})
            and substr(body, ${BODY_AFTER_TIME_AT + 1}, length(${operatorPart}) + length(seq::text) + 1) = ${operatorPart} || seq::text || ',' as own
        from audit_entries
        where operator_id = ${operatorId} and seq >= ${lo} and seq <= ${hi}
      ) entry
    ) page
    where seq > ${lo}`.execute(db)
  return rows[0]!
}
