/**
 * What a request is limited to, as intake stored it in `requests.scope`
 * (`checkRequestContent`): item ids, purposes, marketing channels per
 * purpose, the consent form of a withdrawal. Ids only — the new values of a
 * correction are sealed.
 */
export interface RequestScope {
  items?: string[]
  purposes?: string[]
  channels?: Record<string, string[]>
  formId?: string
  /** A withdrawal of a whole form (no purposes or channels named). */
  whole?: boolean
}

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...value] : undefined)

/** Reads `requests.scope` defensively: anything not of the expected shape is left out. */
export function readRequestScope(raw: unknown): RequestScope {
  const scope = (raw ?? {}) as Record<string, unknown>
  const result: RequestScope = {}
  const items = strings(scope.items)
  if (items) result.items = items
  const purposes = strings(scope.purposes)
  if (purposes) result.purposes = purposes
  if (scope.channels && typeof scope.channels === 'object') {
    const channels: Record<string, string[]> = {}
    for (const [purpose, list] of Object.entries(scope.channels as Record<string, unknown>)) {
      const parsed = strings(list)
      if (parsed) channels[purpose] = parsed
    }
    result.channels = channels
  }
  if (typeof scope.formId === 'string') result.formId = scope.formId
  if (typeof scope.whole === 'boolean') result.whole = scope.whole
  return result
}
