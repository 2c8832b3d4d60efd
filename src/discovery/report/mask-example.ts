import type { DetectedKind } from '../detectors/detection.ts'

const ALNUM = /[\p{L}\p{N}]/u

/**
 * An example a report may keep (issue 7: "findings never store the personal
 * data values themselves — only counts, kinds and masked examples"): enough
 * to recognise the shape — separators, length, the last two characters of an
 * identifier, the first letter of a word, an e-mail's top-level domain — and
 * never enough to recover the value.
 */
export function maskExample(kind: DetectedKind, value: string): string {
  if (kind === 'email') {
    const at = value.lastIndexOf('@')
    const dot = value.lastIndexOf('.')
    if (at > 0 && dot > at) return `${value[0]}${'*'.repeat(at - 1)}@${'*'.repeat(dot - at - 1)}${value.slice(dot)}`
  }
  if (kind === 'person_name' || kind === 'address') return maskWords(value)
  return maskAllButLast(value, 2)
}

function maskAllButLast(value: string, keep: number): string {
  const chars = [...value]
  let kept = 0
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!ALNUM.test(chars[i]!)) continue
    if (kept < keep) kept++
    else chars[i] = '*'
  }
  return chars.join('')
}

/** Each word keeps its first letter; digits (house, flat) are hidden too. */
function maskWords(value: string): string {
  return value.replace(/[\p{L}\p{N}]+/gu, (word) => (/\p{L}/u.test(word[0]!) ? word[0] + '*'.repeat([...word].length - 1) : '*'.repeat(word.length)))
}
