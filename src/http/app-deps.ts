import type { Kysely } from 'kysely'
import type { CheckpointSigner, CheckpointVerifier } from '../audit/index.ts'
import type { Database } from '../db/index.ts'
import type { BusinessCalendar } from '../kz/index.ts'
import type { KeyProvider } from '../subjects/crypto/index.ts'

/**
 * What route modules get from `buildApp`: everything passed in, nothing
 * global, so a test can give a fixed clock, a memory keyring and a throw-away
 * signing key. Each module's logic takes the subset it needs.
 */
export interface AppDeps {
  db: Kysely<Database>
  clock: () => Date
  /** The operators' keyrings: vault data keys are wrapped by them, blind indexes keyed by them. */
  keys: KeyProvider
  /** The installation's Ed25519 key: audit checkpoints and consent receipts are signed with it. */
  signer: CheckpointSigner & CheckpointVerifier & { readonly publicKeyPem: string }
  /** The working-day calendar deadlines and notice periods are counted in. */
  calendar: BusinessCalendar
}
