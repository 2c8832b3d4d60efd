/**
 * The acknowledgement that a request was received (issue 6 §2: "download
 * answers and receipts"): reference, kind, how and when it came in, the due
 * date and what set it, what is still awaited — in kk, ru or en, as a PDF.
 */
export { composeAcknowledgement, type AcknowledgedRequest } from './compose-acknowledgement.ts'
export { requestAcknowledgementPdf } from './acknowledgement-pdf.ts'
export { acknowledgementRoutes, AcknowledgementQuery } from './acknowledgement-routes.ts'
