import type { CompiledPolicy } from '../compiled-policy.ts'
import type { Inline } from './document-model.ts'

/** The HTML id of a purpose's subsection in the notice, which the list (Тізбе) links to. */
export function purposeAnchor(id: string): string {
  return `purpose-${id}`
}

/** Each purpose's number in the notice: 1, 2, 3 … in the order the policy lists them, as the purposes section shows them. */
export function purposeNumbers(policy: CompiledPolicy): ReadonlyMap<string, number> {
  return new Map([...policy.purposes.keys()].map((id, index) => [id, index + 1]))
}

/**
 * Numbers as runs, the way TTC's Appendix 1 cites purposes: [1, 2, 3, 4, 5, 7, 9] →
 * [[1, 5], [7, 7], [9, 9]]. Two neighbours stay apart ("1, 2"): a range is worth it from three on.
 */
export function numberRuns(numbers: readonly number[]): (readonly [number, number])[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b)
  const runs: [number, number][] = []
  for (const n of sorted) {
    const last = runs[runs.length - 1]
    if (last && n === last[1] + 1) last[1] = n
    else runs.push([n, n])
  }
  return runs.flatMap(([from, to]): (readonly [number, number])[] => (to === from + 1 ? [[from, from], [to, to]] : [[from, to]]))
}

/**
 * Purposes cited by their numbers: "1–5, 7, 9", each number a link to the
 * purpose's subsection (HTML keeps it, Markdown shows the number).
 *
 * @example
 * purposeRefs(purposeNumbers(policy), ['contract', 'marketing', 'accounting']) // 1–3, each number linking to #purpose-…
 */
export function purposeRefs(numbers: ReadonlyMap<string, number>, ids: readonly string[]): Inline[] {
  const idOf = new Map([...numbers].map(([id, n]) => [n, id]))
  const ref = (n: number): Inline => {
    const id = idOf.get(n)
    return id === undefined ? String(n) : { href: `#${purposeAnchor(id)}`, text: String(n) }
  }
  const known = ids.flatMap((id) => {
    const n = numbers.get(id)
    return n === undefined ? [] : [n]
  })
  return numberRuns(known).flatMap(([from, to], index): Inline[] => [
    ...(index > 0 ? [', '] : []),
    ref(from),
    ...(to > from ? ['–', ref(to)] : []),
  ])
}
