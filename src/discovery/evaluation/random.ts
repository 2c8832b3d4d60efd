import { seededRandom } from '../databases/sample-crm.ts'

/**
 * The evaluation set's randomness: one mulberry32 stream per seed (the same
 * generator the sample CRM uses), so a run of the benchmark and a test see the
 * same documents and tables — never `Math.random`.
 */
export type Random = () => number

export const randomFrom = (seed: number): Random => seededRandom(seed)
export const int = (r: Random, from: number, to: number) => from + Math.floor(r() * (to - from + 1))
export const chance = (r: Random, p: number) => r() < p
export const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!
export const digits = (r: Random, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('')
export const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Picks by weight: `[[3, a], [1, b]]` gives `a` three times as often as `b`. */
export function weighted<T>(r: Random, options: readonly (readonly [number, T])[]): T {
  let total = 0
  for (const [w] of options) total += w
  let x = r() * total
  for (const [w, value] of options) {
    x -= w
    if (x < 0) return value
  }
  return options[options.length - 1]![1]
}
