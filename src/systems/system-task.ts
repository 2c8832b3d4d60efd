/**
 * What the fulfilment of a data subject request asks of one of the
 * operator's own systems (issue 4 item 5), and what it gets back. The
 * fulfilment runner (`src/requests/fulfilment/`) calls `runSystemTask` with
 * these; counts come back always, values only for `export`.
 */

/** The five things a connector can do to a subject's rows. */
export const SYSTEM_ACTIONS = ['locate', 'export', 'rectify', 'anonymise', 'delete'] as const
export type SystemAction = (typeof SYSTEM_ACTIONS)[number]

/**
 * Who the rows belong to: Derbes' own subject id and the identifiers Derbes
 * knows in plain text for this task (the requester's verified ones). A system
 * finds its rows through the columns its map says hold one of these.
 */
export interface SubjectLocator {
  subjectId: string
  identifiers: Partial<Record<'iin' | 'phone' | 'email' | 'id_document', string>>
}

export interface SystemTaskInput {
  operatorId: string
  systemId: string
  action: SystemAction
  subject: SubjectLocator
  /** For `rectify`: the items to set (null clears). Items the system does not hold are skipped. */
  changes?: { itemId: string; value: string | null }[]
  /** The data subject request this task fulfils; recorded in the audit entry. */
  requestId?: string
  /** Who the audit entry names; `request:<requestId>` (or `derbes:systems`) when absent. */
  actor?: string
}

/** One row of a system, as exported: only the columns the map says hold a policy item. */
export interface ExportedRecord {
  table: string
  values: { itemId: string; column: string; value: unknown }[]
}

export interface SystemTaskResult {
  systemId: string
  action: SystemAction
  /** Rows found (locate, export) or changed (rectify, anonymise, delete), per mapped table. */
  rowsByTable: Record<string, number>
  /** `export` only. */
  records?: ExportedRecord[]
}
