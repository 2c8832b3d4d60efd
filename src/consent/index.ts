export { consentRoutes } from './consent-routes.ts'
export { CONSENT_EVENT_KINDS, CONSENT_STATUSES, type ConsentEventKind, type ConsentStatus, type ConsentTables } from './consent-tables.ts'
export type { ConsentRecord } from './consent-record.ts'
export * from './ledger/index.ts'
