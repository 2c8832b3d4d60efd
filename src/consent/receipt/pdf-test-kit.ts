// Moved to src/notify/pdf/ so every PDF Derbes writes (receipts, request answers) is read back the same way.
export { readPdf } from '../../notify/pdf/index.ts'
