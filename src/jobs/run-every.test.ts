import { describe, expect, it } from 'vitest'
import { runEvery } from './run-every.ts'

describe('runEvery', () => {
  it('runs at once and again each interval, never overlapping, and goes on after an error', async () => {
    let runs = 0
    let concurrent = 0
    let maxConcurrent = 0
    const errors: string[] = []
    const job = runEvery(
      5,
      'test',
      async () => {
        runs++
        concurrent++
        maxConcurrent = Math.max(maxConcurrent, concurrent)
        await new Promise((r) => setTimeout(r, 20))
        concurrent--
        if (runs === 1) throw new Error('first run fails')
      },
      { error: (_details, message) => errors.push(message) },
    )
    await new Promise((r) => setTimeout(r, 150))
    await job.stop()
    const after = runs
    await new Promise((r) => setTimeout(r, 50))
    expect(runs).toBeGreaterThanOrEqual(3)
    expect(runs).toBe(after)
    expect(maxConcurrent).toBe(1)
    expect(errors).toHaveLength(1)
  })
})
