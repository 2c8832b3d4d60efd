import type { DetectionSink } from './detection.ts'
import * as tokens from './byte-tokens.ts'

const { wordAt, wordBefore } = tokens

/** An e-mail's local part (RFC 5322 dot-atom, the characters people use) and domain. */
const LOCAL = new Uint8Array(256)
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-') LOCAL[c.charCodeAt(0)] = 1
const DOMAIN = new Uint8Array(256)
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-') DOMAIN[c.charCodeAt(0)] = 1

/** An e-mail address around the `@` at `at` (RFC 5322's dot-atom as people write it, a letters-only top-level domain): where the scan goes on. */
export function scanEmail(bytes: Uint8Array, from: number, to: number, at: number, sink: DetectionSink): number {
  let l = at
  while (l > from && LOCAL[bytes[l - 1]!]) l--
  while (l < at && (bytes[l] === 0x2e || bytes[l] === 0x2d)) l++
  if (l === at || at - l > 64 || wordBefore(bytes, from, l)) return at + 1
  let r = at + 1
  let dots = 0
  let lastDot = -1
  while (r < to && DOMAIN[bytes[r]!]) {
    if (bytes[r] === 0x2e) {
      if (r === at + 1 || bytes[r - 1] === 0x2e) break
      dots++
      lastDot = r
    }
    r++
  }
  while (r > at + 1 && (bytes[r - 1] === 0x2e || bytes[r - 1] === 0x2d)) {
    if (bytes[r - 1] === 0x2e) dots--
    r--
  }
  if (lastDot >= r) lastDot = -1
  if (lastDot < 0) for (let i = r - 1; i > at; i--) if (bytes[i] === 0x2e) { lastDot = i; break }
  if (dots < 1 || lastDot < 0 || r - lastDot - 1 < 2 || wordAt(bytes, r, to)) return at + 1
  for (let i = lastDot + 1; i < r; i++) if (!((bytes[i]! | 0x20) >= 0x61 && (bytes[i]! | 0x20) <= 0x7a)) return at + 1
  sink('email', l, r, 0.97)
  return r
}
