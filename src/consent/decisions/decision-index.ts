import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import { getPublishedVersion } from '../../operators/index.ts'
import { decisionRulesFor, type CompiledDecisionRules } from './compile-decision-rules.ts'
import { decideWith } from './decide.ts'
import type { ConsentFact, Decision, DecisionRequest, SubjectFacts } from './decision-types.ts'
import { createIntern, loadChanges, loadFactsPage, loadSubjectFacts, toSubjectFacts } from './load-subject-facts.ts'

export interface DecisionIndexOptions {
  /** A decision never uses a projection whose last refresh began longer ago than this. Default 1 s. */
  maxStalenessMs?: number
  /** Reload everything this often: catches deleted rows and rows written with a clock far behind. Default 5 min. */
  fullReloadMs?: number
  /** Re-read rows whose `updated_at` is up to this far before the previous refresh began (database clock): writers' clocks differ and transactions commit late. Default 5 s. */
  overlapMs?: number
  /** Subjects per keyset page of a full load. Default 10,000. */
  pageSize?: number
  /** A monotonic clock in ms for the bounds above (tests pass their own). Default `performance.now`. */
  monotonic?: () => number
}

/**
 * The warm projection decisions answer from: one operator's subjects and
 * their consent rows in memory, plus the published policy's compiled rules.
 *
 * Staleness bound: every decision uses a projection refreshed at most
 * `maxStalenessMs` earlier (a refresh that is due is awaited, once for all
 * waiting decisions). A refresh reads the published policy version and the
 * rows of `subjects` and `consent_state` whose `updated_at` is at or after
 * the database's clock at the start of the previous refresh minus
 * `overlapMs` — so a write shows within `maxStalenessMs` when its
 * `updated_at` lags its commit by less than `overlapMs` (writers' clock skew,
 * transaction length). Anything else — an older `updated_at`, a deleted row —
 * shows within `fullReloadMs`. A process that writes can call
 * `forget(subjectId)` to have the next decision read that subject from the
 * database. A subject not in memory (new since the last refresh) costs one
 * query, then stays.
 *
 * @example
 * const index = new DecisionIndex(db, 'esp')
 * await index.sync()
 * const facts = index.facts('s-1') ?? (await index.fetch('s-1'))
 * index.decide(facts, { subjectId: 's-1', purpose: 'advertising', channel: 'sms' }, Date.now())
 */
export class DecisionIndex {
  readonly operatorId: string
  readonly #db: Kysely<Database>
  readonly #options: Required<DecisionIndexOptions>
  readonly #intern = createIntern()
  #subjects = new Map<string, SubjectFacts>()
  #rules: CompiledDecisionRules | undefined
  #loaded = false
  /** The database's clock when the last refresh began; the next one reads rows updated since then, less the overlap. */
  #cursor: Date | null = null
  #syncStartedAt = -Infinity
  #fullLoadStartedAt = -Infinity
  #syncing: Promise<void> | null = null

  constructor(db: Kysely<Database>, operatorId: string, options: DecisionIndexOptions = {}) {
    this.#db = db
    this.operatorId = operatorId
    this.#options = {
      maxStalenessMs: options.maxStalenessMs ?? 1_000,
      fullReloadMs: options.fullReloadMs ?? 300_000,
      overlapMs: options.overlapMs ?? 5_000,
      pageSize: options.pageSize ?? 10_000,
      monotonic: options.monotonic ?? (() => performance.now()),
    }
  }

  /** The published policy's rules; call `sync()` first. */
  get rules(): CompiledDecisionRules {
    if (!this.#rules) throw new Error(`the decision index of '${this.operatorId}' has not been synced yet`)
    return this.#rules
  }

  /** Subjects held in memory. */
  get size(): number {
    return this.#subjects.size
  }

  /** True when a decision may answer from memory without waiting for a refresh. */
  isFresh(): boolean {
    return this.#loaded && this.#options.monotonic() - this.#syncStartedAt <= this.#options.maxStalenessMs
  }

  /** Refreshes when the bound requires it; resolves at once otherwise. */
  ensureFresh(): Promise<void> {
    return this.isFresh() ? Promise.resolve() : this.sync()
  }

  /** A subject's facts in memory, or undefined (unknown, or new since the last refresh: ask `fetch`). */
  facts(subjectId: string): SubjectFacts | undefined {
    return this.#subjects.get(subjectId)
  }

  /** One subject from the database, kept in memory afterwards. */
  async fetch(subjectId: string): Promise<SubjectFacts | undefined> {
    const facts = await loadSubjectFacts(this.#db, this.operatorId, subjectId, this.#intern)
    if (facts) this.#subjects.set(subjectId, facts)
    return facts
  }

  /** Drops a subject from memory: its next decision reads the database (read-your-writes for a process that just changed it). */
  forget(subjectId: string): void {
    this.#subjects.delete(subjectId)
  }

  decide(facts: SubjectFacts | undefined, request: DecisionRequest, nowMs: number): Decision {
    return decideWith(this.rules, facts, request, nowMs)
  }

  /** Refresh now: the policy, then everything (first time, or when a full reload is due) or the rows changed since the last refresh. Concurrent calls share one refresh. */
  sync(): Promise<void> {
    this.#syncing ??= this.#sync().finally(() => {
      this.#syncing = null
    })
    return this.#syncing
  }

  async #sync(): Promise<void> {
    const startedAt = this.#options.monotonic()
    const databaseNow = await this.#syncPolicy()
    if (!this.#loaded || this.#cursor === null || startedAt - this.#fullLoadStartedAt >= this.#options.fullReloadMs) await this.#loadAll(startedAt)
    else await this.#loadChanges(this.#cursor)
    this.#cursor = databaseNow
    this.#syncStartedAt = startedAt
  }

  /** Brings the policy up to date; returns the database's clock, read in the same statement. */
  async #syncPolicy(): Promise<Date> {
    const operator = await this.#db
      .selectFrom('operators')
      .select(['published_version_id', sql<Date>`now()`.as('database_now')])
      .where('operator_id', '=', this.operatorId)
      .executeTakeFirst()
    const databaseNow = operator ? new Date(operator.database_now) : new Date()
    if (this.#rules && operator?.published_version_id === this.#rules.versionId) return databaseNow
    // getPublishedVersion names what is missing (no operator, nothing published) and shares compiled policies by hash.
    const { compiled } = await getPublishedVersion({ db: this.#db, clock: () => new Date() }, this.operatorId)
    this.#rules = decisionRulesFor(compiled)
    return databaseNow
  }

  async #loadAll(startedAt: number): Promise<void> {
    const subjects = new Map<string, SubjectFacts>()
    let after: string | null = null
    for (;;) {
      const page = await loadFactsPage(this.#db, this.operatorId, after, this.#options.pageSize, this.#intern)
      for (const facts of page) subjects.set(facts.subjectId, facts)
      if (page.length < this.#options.pageSize) break
      after = page[page.length - 1]!.subjectId
    }
    // Swapped in whole: decisions during the load keep answering from the previous map.
    this.#subjects = subjects
    this.#fullLoadStartedAt = startedAt
    this.#loaded = true
  }

  async #loadChanges(cursor: Date): Promise<void> {
    const since = new Date(cursor.getTime() - this.#options.overlapMs)
    const { subjectRows, consentRows } = await loadChanges(this.#db, this.operatorId, since, this.#intern)
    // Only subjects already in memory are patched: one that is not (new, or forgotten) is read whole by `fetch`.
    for (const [subjectId, row] of subjectRows) {
      const known = this.#subjects.get(subjectId)
      if (known) this.#subjects.set(subjectId, toSubjectFacts(row, known.consents, this.#intern))
    }
    for (const [subjectId, rows] of consentRows) {
      const known = this.#subjects.get(subjectId)
      if (known) this.#subjects.set(subjectId, { ...known, consents: merge(known.consents, rows) })
    }
  }
}

/** The consent rows with each changed row replacing the one of the same purpose and channel. */
function merge(current: readonly ConsentFact[], changed: readonly ConsentFact[]): ConsentFact[] {
  const kept = current.filter((row) => !changed.some((c) => c.purposeId === row.purposeId && c.channel === row.channel))
  return [...kept, ...changed]
}
