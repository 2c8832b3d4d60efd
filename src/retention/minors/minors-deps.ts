import type { AppDeps } from '../../http/app-deps.ts'

/** The minors scan needs the database and the clock only: it flags, blocks and unblocks; destruction is a retention run's. */
export type MinorsDeps = Pick<AppDeps, 'db' | 'clock'>
