/**
 * Exactly what `canonicalJson` (src/policy) returns — JSON with every
 * object's keys sorted by UTF-16 code unit, no whitespace — written as one
 * recursive pass instead of `JSON.stringify` with a replacer that copies every
 * object. The ledger hashes and stores every record with it, so a bulk import
 * serialises each record once, not twice (the stored jsonb does not care
 * about key order). A property test pins it to `canonicalJson`.

 *
 * @example
 * canonicalRecordJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalRecordJson(value: unknown): string {
  return write(value) ?? 'null'
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/

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

function write(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON()
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + (write(value[i]) ?? 'null')
    return `${out}]`
  }
  // Sorted, except that JavaScript lists array-index keys ("0", "17") first in numeric order — as canonicalJson's objects do.
  const keys = Object.keys(value)
  const firstNamed = keys.findIndex((key) => !ARRAY_INDEX.test(key) || Number(key) >= 4_294_967_295)
  if (firstNamed >= 0) keys.splice(firstNamed, keys.length - firstNamed, ...keys.slice(firstNamed).sort())
  let out = '{'
  let first = true
  for (const key of keys) {
    const text = write((value as Record<string, unknown>)[key])
    if (text === undefined) continue
    out += `${first ? '' : ','}${quoted(key)}:${text}`
    first = false
  }
  return `${out}}`
}
