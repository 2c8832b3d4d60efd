/**
 * Exactly what `canonicalJson` (src/policy) returns — JSON with every
 * object's keys sorted by UTF-16 code unit, no whitespace — written as one
 * recursive pass instead of `JSON.stringify` with a replacer that copies every
 * object. The ledger hashes and stores every record with it, so each record
 * is serialised once, not twice (jsonb does not care about key order). A
 * property test pins it to `canonicalJson`.
 *
 * The text of a deeply frozen object (every object in it frozen: the
 * compiled policy's parts, a consent scope) is remembered by identity — it can
 * never change — so a batch of records sharing their purposes, recipients and
 * operator writes those once.
 *
 * @example
 * canonicalRecordJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalRecordJson(value: unknown): string {
  return write(value) ?? 'null'
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/

/** Texts of deeply frozen objects. */
const FROZEN_TEXT = new WeakMap<object, string>()

/** Records repeat the same few dozen keys: quote each once. */
const QUOTED = new Map<string, string>()
function quoted(key: string): string {
  let text = QUOTED.get(key)
  if (text === undefined) {
    text = JSON.stringify(key)
    if (QUOTED.size < 10_000) QUOTED.set(key, text)
  }
  return text
}

/** True when `value` is a primitive or a deeply frozen object whose text is remembered. */
const settled = (value: unknown) => value === null || typeof value !== 'object' || FROZEN_TEXT.has(value)

function write(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON()
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const remembered = FROZEN_TEXT.get(value)
  if (remembered !== undefined) return remembered
  let deep = Object.isFrozen(value)
  let out: string
  if (Array.isArray(value)) {
    out = '['
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      out += (i > 0 ? ',' : '') + (write(item) ?? 'null')
      deep &&= settled(item) && typeof item !== 'function'
    }
    out += ']'
  } else {
    // Sorted, except that JavaScript lists array-index keys ("0", "17") first in numeric order — as canonicalJson's objects do.
    const keys = Object.keys(value)
    const firstNamed = keys.findIndex((key) => !ARRAY_INDEX.test(key) || Number(key) >= 4_294_967_295)
    if (firstNamed >= 0) keys.splice(firstNamed, keys.length - firstNamed, ...keys.slice(firstNamed).sort())
    out = '{'
    let first = true
    for (const key of keys) {
      const member = (value as Record<string, unknown>)[key]
      const text = write(member)
      deep &&= settled(member)
      if (text === undefined) continue
      out += `${first ? '' : ','}${quoted(key)}:${text}`
      first = false
    }
    out += '}'
  }
  // Only now is every member known to be frozen all the way down: then the text can never go stale.
  if (deep) FROZEN_TEXT.set(value, out)
  return out
}
