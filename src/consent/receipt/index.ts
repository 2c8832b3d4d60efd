/**
 * Consent receipts (issue 3 item 4): for every consent event, a receipt
 * signed with the installation's Ed25519 key — JSON, and a PDF in Kazakh,
 * Russian or English with the Kazakh letters embedded.
 */
export { buildReceipt, type ReceiptDeps } from './build-receipt.ts'
export { verifyReceipt, verifyReceiptWithPublicKey, receiptPayload } from './verify-receipt.ts'
export { renderReceiptPdf } from './render-receipt-pdf.ts'
export { RECEIPT_SCHEMA, type ConsentReceipt, type SignedConsentReceipt, type ReceiptLabels } from './consent-receipt.ts'
export { receiptRoutes } from './receipt-routes.ts'
