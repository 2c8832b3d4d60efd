/** Runs `fn` for about `ms` milliseconds and returns operations per second. */
function rate(fn: () => unknown, ms: number): number {
  let runs = 0
  const start = performance.now()
  let now = start
  while (now - start < ms) {
    fn()
    runs++
    now = performance.now()
  }
  return (runs * 1000) / (now - start)
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/**
 * Measures a subject and its baseline in alternating rounds after a warm-up
 * and reports the median of each, so drift of the machine (GC, JIT, another
 * process) falls on both alike.
 */
export function compare(subject: () => unknown, baseline: () => unknown, options: { rounds?: number; roundMs?: number } = {}) {
  const rounds = options.rounds ?? 7
  const roundMs = options.roundMs ?? 300
  rate(subject, roundMs)
  rate(baseline, roundMs)
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < rounds; i++) {
    a.push(rate(subject, roundMs))
    b.push(rate(baseline, roundMs))
  }
  return { opsPerSec: median(a), baselineOpsPerSec: median(b) }
}

/**
 * For work that takes a whole round (a database pass): one warm-up of each,
 * then `rounds` alternating rounds of subject and baseline, each doing `ops`
 * operations; the medians of each, in operations per second.
 */
export async function alternateRounds(ops: number, rounds: number, subject: () => unknown, baseline: () => unknown) {
  await subject()
  await baseline()
  const a: number[] = []
  const b: number[] = []
  for (let round = 0; round < rounds; round++) {
    let t = performance.now()
    await subject()
    a.push((ops * 1000) / (performance.now() - t))
    t = performance.now()
    await baseline()
    b.push((ops * 1000) / (performance.now() - t))
  }
  return { opsPerSec: median(a), baselineOpsPerSec: median(b) }
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
  const ms = (n: number) => (1000 / n < 0.01 ? `${((1e6 / n)).toFixed(3)} µs/op` : `${(1000 / n).toFixed(3)} ms/op`)
  const ratio = r.opsPerSec / r.baselineOpsPerSec
  return [
    `${r.name}`,
    `  ${r.subject.padEnd(52)} ${fmt(r.opsPerSec).padStart(14)} ops/s  (${ms(r.opsPerSec)})`,
    `  ${`baseline: ${r.baseline}`.padEnd(52)} ${fmt(r.baselineOpsPerSec).padStart(14)} ops/s  (${ms(r.baselineOpsPerSec)})`,
    `  ratio: ${ratio >= 1 ? `${ratio.toFixed(2)}× the baseline's speed` : `${(1 / ratio).toFixed(2)}× the baseline's time`}`,
  ].join('\n')
}
