/** Runs `fn` repeatedly for about `ms` milliseconds (after a warm-up) and returns operations per second. */
export function opsPerSecond(fn: () => unknown, ms = 1000): number {
  const warmUntil = performance.now() + ms / 5
  while (performance.now() < warmUntil) fn()
  let runs = 0
  const start = performance.now()
  let now = start
  while (now - start < ms) {
    fn()
    runs++
    if ((runs & 7) === 0) now = performance.now()
  }
  now = performance.now()
  return (runs * 1000) / (now - start)
}

export interface BenchResult {
  name: string
  /** What was measured and what it is compared with. */
  subject: string
  baseline: string
  opsPerSec: number
  baselineOpsPerSec: number
}

export function formatResult(r: BenchResult): string {
  const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1))
  const ratio = r.opsPerSec / r.baselineOpsPerSec
  return [
    `${r.name}`,
    `  ${r.subject.padEnd(52)} ${fmt(r.opsPerSec).padStart(14)} ops/s  (${(1000 / r.opsPerSec).toFixed(3)} ms/op)`,
    `  ${`baseline: ${r.baseline}`.padEnd(52)} ${fmt(r.baselineOpsPerSec).padStart(14)} ops/s  (${(1000 / r.baselineOpsPerSec).toFixed(3)} ms/op)`,
    `  ratio: ${ratio >= 1 ? `${ratio.toFixed(2)}× the baseline's speed` : `${(1 / ratio).toFixed(2)}× slower than the baseline`}`,
  ].join('\n')
}
