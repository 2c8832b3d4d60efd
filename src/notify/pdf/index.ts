/**
 * PDF documents a subject receives (consent receipts, answers to requests):
 * A4 with DejaVu Sans embedded for the Kazakh letters, and — for tests — a
 * reader that gets their text back without a PDF library.
 */
export { newPdfDocument, DEJAVU_SANS, DEJAVU_SANS_BOLD } from './new-pdf-document.ts'
export { readPdf, KAZAKH_LETTERS } from './pdf-test-kit.ts'
