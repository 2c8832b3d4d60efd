import { isIPv6 } from 'node:net'
import type { DetectionSink } from './detection.ts'
import * as tokens from './byte-tokens.ts'

const { HEX, gluedAfter, wordBefore } = tokens

/*
 * Machines' addresses (issue 7: IP and MAC addresses): MAC as six hex pairs or Cisco's three dotted quads, IPv6
 * full or compressed. Each scanner returns where the scan goes on and reports through the sink.
 */

/** A MAC address whose second pair the `:` or `-` at `i` follows, or an IPv6 address around a `:`. */
export function scanColonOrDash(bytes: Uint8Array, from: number, to: number, i: number, sink: DetectionSink): number {
  if (i - 2 >= from && HEX[bytes[i - 1]!] && HEX[bytes[i - 2]!] && !wordBefore(bytes, from, i - 2)) {
    const mac = scanMac(bytes, to, i - 2, sink)
    if (mac > i) return mac
  }
  if (bytes[i] === 0x3a) return scanIpv6(bytes, from, to, i, sink)
  return i + 1
}

/** Six hex pairs joined by `:` or `-` throughout. */
export function scanMac(bytes: Uint8Array, to: number, s: number, sink: DetectionSink): number {
  const sep = bytes[s + 2]
  for (let k = 0; k < 6; k++) {
    const p = s + k * 3
    if (p + 1 >= to || !HEX[bytes[p]!] || !HEX[bytes[p + 1]!]) return s
    if (k < 5 && bytes[p + 2] !== sep) return s
  }
  const end = s + 17
  if (gluedAfter(bytes, end, to) || bytes[end] === sep) return s
  sink('mac_address', s, end, 0.9)
  return end
}

/** IPv6, full or compressed: the token of hex digits and colons around `i`, checked by Node's parser. */
function scanIpv6(bytes: Uint8Array, from: number, to: number, i: number, sink: DetectionSink): number {
  let s = i
  while (s > from && (HEX[bytes[s - 1]!] || bytes[s - 1] === 0x3a)) s--
  let e = i
  let colons = 0
  while (e < to && (HEX[bytes[e]!] || bytes[e] === 0x3a || bytes[e] === 0x2e)) {
    if (bytes[e] === 0x3a) colons++
    e++
  }
  while (e > i && (bytes[e - 1] === 0x2e || bytes[e - 1] === 0x3a) && !(bytes[e - 1] === 0x3a && bytes[e - 2] === 0x3a)) e--
  if (colons < 2 || wordBefore(bytes, from, s) || gluedAfter(bytes, e, to)) return i + 1
  // Fewer than 7 colons is IPv6 only with a '::': asked first, so times (11:00:00) never reach Node's parser.
  if (colons < 7 && !hasDoubleColon(bytes, s, e)) return i + 1
  let text = ''
  for (let k = s; k < e; k++) text += String.fromCharCode(bytes[k]!)
  if (!isIPv6(text)) return i + 1
  sink('ip_address', s, e, 0.85)
  return e
}

function hasDoubleColon(bytes: Uint8Array, s: number, e: number): boolean {
  for (let k = s + 1; k < e; k++) if (bytes[k] === 0x3a && bytes[k - 1] === 0x3a) return true
  return false
}

/**
 * Cisco's form of a MAC address around the digit at `i`: three groups of four hex digits joined by dots, a hex
 * letter among them (`ab08.0903.e234`, `fbef.a164.fc9d`). Where it ends, or `i`.
 */
export function scanCiscoMac(bytes: Uint8Array, from: number, to: number, i: number, sink: DetectionSink): number {
  let s = i
  while (s > from && i - s <= 14 && (HEX[bytes[s - 1]!] || bytes[s - 1] === 0x2e)) s--
  if (i - s > 14 || s + 14 > to || wordBefore(bytes, from, s)) return i
  let letters = 0
  for (let k = 0; k < 14; k++) {
    const b = bytes[s + k]!
    if (k === 4 || k === 9) {
      if (b !== 0x2e) return i
    } else if (!HEX[b]) return i
    else if (b > 0x39) letters++
  }
  const end = s + 14
  if (letters === 0 || gluedAfter(bytes, end, to) || (bytes[end] === 0x2e && end + 1 < to && HEX[bytes[end + 1]!])) return i
  sink('mac_address', s, end, 0.85)
  return end
}
