import { isMap, isScalar, isSeq, LineCounter, type Document, type Node, type Pair } from 'yaml'
import { fromPointer } from './policy-issue.ts'

export interface Place {
  line: number
  column: number
}

/**
 * Finds where a JSON Pointer lands in a parsed YAML (or JSON) document.
 * When the exact value is missing (a required field), it answers with the
 * nearest existing parent, so every issue still has a line to point at.
 */
export class SourceMap {
  readonly #doc: Document
  readonly #lines: LineCounter

  constructor(doc: Document, lines: LineCounter) {
    this.#doc = doc
    this.#lines = lines
  }

  /** Place of the value at `pointer`; with `key`, the place of its key instead. */
  locate(pointer: string, options: { key?: boolean } = {}): Place {
    let node: unknown = this.#doc.contents
    let place = this.#at(node) ?? { line: 1, column: 1 }
    for (const segment of fromPointer(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === segment)
        if (!pair) return place
        const keyPlace = this.#at(pair.key) ?? place
        node = pair.value
        place = options.key ? keyPlace : (this.#at(node) ?? keyPlace)
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)]
        if (item === undefined) return place
        node = item
        place = this.#at(node) ?? place
      } else {
        return place
      }
    }
    return place
  }

  #at(node: unknown): Place | undefined {
    const range = (node as Node | null | undefined)?.range
    if (!range) return undefined
    const { line, col } = this.#lines.linePos(range[0])
    return { line, column: col }
  }
}
