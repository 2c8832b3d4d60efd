import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'

/** What the operators module needs from the outside; passed in, never imported as a singleton. */
export interface OperatorsDeps {
  db: Kysely<Database>
  clock: () => Date
}
