import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import type { KeyProvider } from '../subjects/crypto/index.ts'

/** What the systems module needs from outside; passed in, never imported as a singleton. */
export interface SystemsDeps {
  db: Kysely<Database>
  clock: () => Date
  /** Wraps the data key each system's connection secret is sealed with. */
  keys: KeyProvider
}
