import type { SystemsDeps } from '../../systems/index.ts'

/** What discovery needs: the database, the clock, and the keyrings that open a system's sealed connection URL. */
export type DiscoveryDeps = SystemsDeps
