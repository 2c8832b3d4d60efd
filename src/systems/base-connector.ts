import { DerbesError, type FieldProblem } from '../errors/index.ts'
import type { ExportedRecord, SubjectLocator, SystemAction } from './system-task.ts'
import type { SystemKind, SystemMap } from './system-map.ts'

/** One action on one subject's rows, as a connector gets it. */
export interface ConnectorTask {
  operatorId: string
  systemId: string
  map: SystemMap
  subject: SubjectLocator
  /** `rectify`: the items to set, already narrowed to those the system holds. */
  changes: { itemId: string; value: string | null }[]
  /** `anonymise`: the operator's key for `hash` masking (`maskingKey`). */
  maskingKey: Buffer
  requestId?: string
}

export type RowCounts = Record<string, number>

/** What `test` found: `ok` when nothing in `problems`; `warnings` do not stop the system from working. */
export interface SystemTestReport {
  ok: boolean
  /** Pointers into the map (`/tables/0/columns/2/name`) or `/connection`. */
  problems: FieldProblem[]
  warnings: FieldProblem[]
}

/** A connector cannot do this: a typed error the fulfilment runner turns into a manual task, never retried. */
export class ActionNotSupportedError extends DerbesError {
  constructor(kind: SystemKind, action: SystemAction | 'test') {
    super('DERBES_SYSTEM_ACTION_NOT_SUPPORTED', `a ${kind} system cannot ${action} through a connector`)
    this.name = 'ActionNotSupportedError'
  }
}

/**
 * One interface for every kind of system (after Fides' BaseConnector): each
 * connector overrides what it can do, and what it does not override throws
 * `ActionNotSupportedError`. Connectors throw `DerbesError`s only, with a code
 * that says whether trying again may help (`DERBES_SYSTEM_UNREACHABLE`) or
 * not (`DERBES_SYSTEM_MAPPING_INVALID`, `DERBES_SYSTEM_REJECTED`).
 */
export abstract class BaseConnector {
  constructor(readonly kind: SystemKind) {}

  /** How many of the subject's rows each mapped table holds. */
  async locate(_task: ConnectorTask): Promise<RowCounts> {
    throw new ActionNotSupportedError(this.kind, 'locate')
  }

  /** The subject's rows, mapped columns only, one record per row. */
  async export(_task: ConnectorTask): Promise<{ rowsByTable: RowCounts; records: ExportedRecord[] }> {
    throw new ActionNotSupportedError(this.kind, 'export')
  }

  /** Sets the columns holding each changed item; one transaction. */
  async rectify(_task: ConnectorTask): Promise<RowCounts> {
    throw new ActionNotSupportedError(this.kind, 'rectify')
  }

  /** Applies each column's masking strategy to the subject's rows; one transaction. */
  async anonymise(_task: ConnectorTask): Promise<RowCounts> {
    throw new ActionNotSupportedError(this.kind, 'anonymise')
  }

  /** Deletes the subject's rows, children before parents; one transaction. */
  async delete(_task: ConnectorTask): Promise<RowCounts> {
    throw new ActionNotSupportedError(this.kind, 'delete')
  }

  /** Connectivity, and whether the mapped tables and columns exist as the map says. */
  async test(_map: SystemMap): Promise<SystemTestReport> {
    throw new ActionNotSupportedError(this.kind, 'test')
  }

  /** Ends the connector's connections; called when the system changes and on shutdown. */
  async close(): Promise<void> {}
}
