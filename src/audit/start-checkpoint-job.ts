import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { checkpointOperators, type CheckpointOutcome } from './checkpoint-operators.ts'
import type { CheckpointSigner, CheckpointVerifier } from './checkpoint-signer.ts'

export interface CheckpointJobDeps {
  db: Kysely<Database>
  signer: CheckpointSigner & CheckpointVerifier
  clock?: () => Date
  /** A Fastify or pino logger fits. */
  log?: { info(details: object, message: string): void; error(details: object, message: string): void }
}

/**
 * Signs checkpoints of every operator's audit chain at start and then every
 * `intervalMs` (config `auditCheckpointIntervalMs`, hourly by default; 0 turns
 * it off). Only chains that grew since their last checkpoint are verified and
 * signed. A broken chain is logged as an error and not signed — a checkpoint
 * must never vouch for tampering. Several processes may run it: signing the
 * same head twice keeps the first signature.
 *
 * @example
 * const checkpoints = startCheckpointJob({ db, signer, log: app.log }, { intervalMs: config.auditCheckpointIntervalMs })
 * // on shutdown:
 * await checkpoints.stop()
 */
export function startCheckpointJob(deps: CheckpointJobDeps, options: { intervalMs: number; onPass?: (outcomes: CheckpointOutcome[]) => void }): { stop(): Promise<void> } {
  if (options.intervalMs <= 0) return { stop: async () => undefined }
  const clock = deps.clock ?? (() => new Date())
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()

  const pass = async () => {
    try {
      const outcomes = await checkpointOperators(deps.db, deps.signer, clock, { onlyIfAdvanced: true })
      for (const o of outcomes) {
        if (o.status === 'signed') deps.log?.info({ operator: o.operatorId, seq: o.checkpoint.seq, keyId: o.checkpoint.keyId }, 'audit checkpoint signed')
        if (o.status === 'refused') deps.log?.error({ operator: o.operatorId, error: o.error }, 'audit chain is broken; no checkpoint signed — run derbes audit verify')
      }
      options.onPass?.(outcomes)
    } catch (error) {
      deps.log?.error({ err: error }, 'audit checkpoint pass failed')
    }
    if (!stopped) timer = setTimeout(() => (running = pass()), options.intervalMs)
  }
  timer = setTimeout(() => (running = pass()), 0)

  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
