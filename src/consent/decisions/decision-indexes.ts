import type { Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DecisionIndex, type DecisionIndexOptions } from './decision-index.ts'

/**
 * The warm projections of a process, one per operator, created on first use.
 * The decision routes hang theirs on the app as `app.decisionIndexes`, so a
 * module that changes a subject or a consent in this process can call
 * `forget(operatorId, subjectId)` for read-your-writes.
 *
 * @example
 * const indexes = new DecisionIndexes(db)
 * const index = indexes.get('esp')
 * await index.ensureFresh()
 */
export class DecisionIndexes {
  readonly #db: Kysely<Database>
  readonly #options: DecisionIndexOptions
  readonly #byOperator = new Map<string, DecisionIndex>()

  constructor(db: Kysely<Database>, options: DecisionIndexOptions = {}) {
    this.#db = db
    this.#options = options
  }

  get(operatorId: string): DecisionIndex {
    let index = this.#byOperator.get(operatorId)
    if (!index) {
      index = new DecisionIndex(this.#db, operatorId, this.#options)
      this.#byOperator.set(operatorId, index)
    }
    return index
  }

  /** The next decision about this subject reads it from the database. */
  forget(operatorId: string, subjectId: string): void {
    this.#byOperator.get(operatorId)?.forget(subjectId)
  }

  /** Refresh one operator's projection now (`sync`), e.g. after a bulk import. */
  refresh(operatorId: string): Promise<void> {
    return this.get(operatorId).sync()
  }
}
