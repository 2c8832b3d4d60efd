/**
 * The operator's own information systems (DESIGN `systems/`): the data map
 * (system → tables → columns → policy items, identifiers, masking, foreign
 * keys), connectors to PostgreSQL, MySQL/MariaDB and HTTP systems, and the one
 * function request fulfilment calls, `runSystemTask`. Other modules use it
 * through this file.
 */
export { SYSTEM_ACTIONS, type SystemAction, type SubjectLocator, type SystemTaskInput, type SystemTaskResult, type ExportedRecord } from './system-task.ts'
export type { SystemsDeps } from './systems-deps.ts'
export {
  SYSTEM_KINDS, LOCATOR_KINDS, MASKING_STRATEGIES,
  type SystemKind, type LocatorKind, type Masking, type MaskingStrategy, type MappedColumn, type MappedTable, type Relation,
  type SystemMap, type SystemInput, type SystemView, type ConnectionInput, type ConnectionView,
} from './system-map.ts'
export { runSystemTask, isRetryableSystemError } from './run-system-task.ts'
export { listSystems, getSystem } from './list-systems.ts'
export { closeSystemConnections } from './connection-cache.ts'
export { createSystem, updateSystem, deleteSystem } from './save-system.ts'
export { testSystem } from './test-system.ts'
export { openSystemUrl } from './system-url.ts'
export { redactUrl } from './connection-settings.ts'
export { ActionNotSupportedError, type SystemTestReport } from './base-connector.ts'
export { systemRoutes } from './system-routes.ts'
export type { SystemsTables } from './systems-tables.ts'
