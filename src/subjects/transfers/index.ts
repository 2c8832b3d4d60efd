/**
 * The transfer log: what of a subject's data went to which recipient, for
 * which purpose, where and when (TW-9.4, ESP-8, art. 16, art. 22(1)(5)).
 */
export { recordTransfer, type TransferInput, type TransfersDeps } from './record-transfer.ts'
export { listTransfers } from './list-transfers.ts'
export { transferRoutes } from './transfer-routes.ts'
export type { TransferView } from './transfer-view.ts'
export type { TransfersTables } from './transfers-tables.ts'
