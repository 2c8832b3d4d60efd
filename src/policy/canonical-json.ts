import { createHash } from 'node:crypto'

/** JSON with object keys sorted, so equal policies hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
