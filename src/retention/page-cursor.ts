/** An opaque keyset cursor of a time and an id (newest-first pages of runs and acts). */
export const cursorOf = (at: Date, id: string) => Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url')

/** The time and id of a cursor; undefined for an unreadable one, which starts from the beginning as none would. */
export function parseCursor(after: string | undefined): [Date, string] | undefined {
  if (!after) return undefined
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString())
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && !Number.isNaN(Date.parse(value[0]))) {
      return [new Date(value[0]), value[1]]
    }
  } catch {
    // unreadable: from the beginning
  }
  return undefined
}

/** A JSON column as the driver gives it: parsed by node-postgres, a string from some PGlite paths. */
export const jsonOf = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T))

export const pageLimit = (limit: number | undefined, fallback = 50) => Math.min(Math.max(limit ?? fallback, 1), 500)
