/**
 * Destruction acts (issue 5 §3): made from a run's items (`createAct`),
 * read (`listActs`, `getAct`), rendered in kk/ru/en (`actPdf`) and signed by
 * the responsible person (`signAct`). Subject ids only, never a value.
 */
export { createAct } from './create-act.ts'
export { actHash, canonicalJson, type ActContent, type ActSubject } from './act-content.ts'
export { listActs, getAct, type ActView, type ActDetail } from './act-view.ts'
export { signAct, type SignActInput } from './sign-act.ts'
export { actPdf } from './act-pdf.ts'
export { renderActPdf, type ActPdfInput } from './render-act-pdf.ts'
export { ACT_TEXTS } from './act-texts.ts'
