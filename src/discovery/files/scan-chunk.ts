import { DETECTED_KINDS, type DetectedKind } from '../detectors/detection.ts'
import { scanStructured } from '../detectors/scan-structured.ts'
import { scanNamesAndAddresses } from '../names/scan-names.ts'
import { maskExample } from '../report/mask-example.ts'

/** What one chunk of a file holds: detections per kind (in `DETECTED_KINDS` order) and a few masked examples. */
export interface ChunkSummary {
  counts: number[]
  examples: string[][]
}

export interface ChunkOptions {
  /** Names and addresses too (slower: they need decoded words). */
  names: boolean
  /** Detections below this confidence are not counted (a date with no birth context, a lone first name). */
  minConfidence: number
  /** Only identifiers, phones, e-mails, cards and IBANs (no dates, IP/MAC, postcodes; names as `names` says). */
  identifiersOnly?: boolean
}

const INDEX = new Map<DetectedKind, number>(DETECTED_KINDS.map((kind, i) => [kind, i]))
const EXAMPLES = 3
const BLOCK = 256 << 10

/**
 * Scans one chunk of a file's bytes. The structured detectors read bytes and
 * decode nothing; only an example kept for the report is decoded.
 */
export function scanChunk(bytes: Uint8Array, options: ChunkOptions): ChunkSummary {
  const counts = new Array<number>(DETECTED_KINDS.length).fill(0)
  const examples = DETECTED_KINDS.map((): string[] => [])
  const decoder = new TextDecoder()
  const sink = (kind: DetectedKind, start: number, end: number, confidence: number) => {
    if (confidence < options.minConfidence) return
    const i = INDEX.get(kind)!
    counts[i]!++
    if (examples[i]!.length < EXAMPLES) examples[i]!.push(maskExample(kind, decoder.decode(bytes.subarray(start, end))))
  }
  const structured = { identifiersOnly: options.identifiersOnly ?? false }
  // Both passes over a block of about 256 KiB (cut at a line break) before the next: the second pass finds
  // the bytes still in the processor's cache.
  for (let from = 0; from < bytes.length; ) {
    let to = Math.min(bytes.length, from + BLOCK)
    if (to < bytes.length) {
      const newline = bytes.lastIndexOf(0x0a, to - 1)
      to = newline > from ? newline + 1 : bytes.length
    }
    scanStructured(bytes, from, to, sink, structured)
    if (options.names) scanNamesAndAddresses(bytes, from, to, sink)
    from = to
  }
  return { counts, examples }
}

/** Adds `next` into `total`, keeping the first examples seen. */
export function mergeSummary(total: ChunkSummary, next: ChunkSummary): void {
  for (let i = 0; i < total.counts.length; i++) {
    total.counts[i]! += next.counts[i]!
    for (const example of next.examples[i]!) if (total.examples[i]!.length < EXAMPLES) total.examples[i]!.push(example)
  }
}

export function emptySummary(): ChunkSummary {
  return { counts: new Array<number>(DETECTED_KINDS.length).fill(0), examples: DETECTED_KINDS.map(() => []) }
}
