import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import type { KeyProvider } from './crypto/index.ts'

/** What the subjects module needs from outside; passed in, never imported as a singleton. */
export interface SubjectsDeps {
  db: Kysely<Database>
  clock: () => Date
  /** Wraps each subject's data key and keys the blind indexes. */
  keys: KeyProvider
}
