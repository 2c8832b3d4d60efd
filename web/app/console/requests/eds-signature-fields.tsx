import { useTexts } from '../../i18n/language.tsx'
import { cmsBase64 } from '../../ui/cms-file.ts'
import { fileSha256 } from '../../ui/file-hash.ts'

const TEXTS = {
  cms: {
    kk: 'ЭЦҚ файлы (NCALayer берген .cms, .p7s) — Derbes қолтаңбаны, сертификатты және қол қоюшыны тексереді',
    ru: 'Файл ЭЦП (.cms, .p7s из NCALayer) — Derbes проверит подпись, сертификат и подписанта',
    en: 'EDS file (.cms, .p7s from NCALayer) — Derbes checks the signature, the certificate and the signer',
  },
  document: {
    kk: 'Қол қойылған құжат (қолтаңба бөлек болса); файлдың өзі емес, тек SHA-256 хэші жіберіледі',
    ru: 'Подписанный документ (если подпись отсоединённая); отправляется только его SHA-256, не файл',
    en: 'The signed document (for a detached signature); only its SHA-256 is sent, not the file',
  },
}

export interface EdsFiles {
  cms: File | null
  document: File | null
}

/** What the API takes for an `eds` signature from the files picked: the CMS and, for a detached one, the document's hash. */
export async function edsSignatureBody(files: EdsFiles): Promise<{ cms?: string; documentSha256?: string }> {
  return {
    ...(files.cms ? { cms: await cmsBase64(files.cms) } : {}),
    ...(files.cms && files.document ? { documentSha256: await fileSha256(files.document) } : {}),
  }
}

/**
 * The files of a request received as an electronic document (ESP-9, TW-4.5):
 * its EDS, which Derbes checks on registration, and the document it signs.
 */
export function EdsSignatureFields({ idPrefix, files, onChange }: { idPrefix: string; files: EdsFiles; onChange(files: EdsFiles): void }) {
  const t = useTexts(TEXTS)
  return (
    <>
      <label htmlFor={`${idPrefix}-cms`}>{t.cms}</label>
      <input id={`${idPrefix}-cms`} type="file" accept=".cms,.p7s,.p7m,.sig,.txt" onChange={(e) => onChange({ ...files, cms: e.target.files?.[0] ?? null })} />
      <label htmlFor={`${idPrefix}-document`}>{t.document}</label>
      <input id={`${idPrefix}-document`} type="file" onChange={(e) => onChange({ ...files, document: e.target.files?.[0] ?? null })} />
    </>
  )
}
