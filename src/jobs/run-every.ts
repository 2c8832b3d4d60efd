/** What a periodic job logs through; pino's logger fits. */
export interface JobLog {
  error(details: object, message: string): void
}

/**
 * Runs `work` now and then every `intervalMs`, never two runs at once (a slow
 * run delays the next instead of piling up); an error is logged and the job
 * goes on. `stop()` waits for a run in progress.
 *
 * @example
 * const job = runEvery(60_000, 'consent withdrawals', () => applyDueWithdrawals(deps, new Date()), app.log)
 * await job.stop()
 */
export function runEvery(intervalMs: number, name: string, work: () => Promise<unknown>, log: JobLog): { stop(): Promise<void> } {
  let running: Promise<void> | undefined
  let stopped = false
  const tick = () => {
    if (stopped || running) return
    running = work()
      .then(() => undefined)
      .catch((err: unknown) => log.error({ err, job: name }, 'a periodic job failed; it runs again at its next interval'))
      .finally(() => (running = undefined))
  }
  tick()
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
