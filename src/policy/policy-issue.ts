/** One problem found in a policy file, placed at the line and column it comes from. */
export interface PolicyIssue {
  /** File name or upload label the policy came from. */
  file: string
  /** 1-based line and column; the document start when the place is unknown. */
  line: number
  column: number
  /** JSON Pointer of the offending value, e.g. `/purposes/3/categories/0`. */
  path: string
  /** Stable machine-readable kind: `yaml`, `schema.required`, `reference.unknown`, … */
  code: string
  message: string
}

/** `ttc.yaml:12:5 /purposes/3/categories/0 — unknown category 'x'` */
export function formatPolicyIssue(issue: PolicyIssue): string {
  return `${issue.file}:${issue.line}:${issue.column} ${issue.path || '/'} — ${issue.message}`
}

/** Escape one segment of a JSON Pointer (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1')
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${pointerSegment(s)}`).join('')
}

export function fromPointer(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}
