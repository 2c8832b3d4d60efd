import { useLanguage, useTexts } from '../i18n/language.tsx'
import { fileSha256 } from './file-hash.ts'
import type { PolicyItem } from './published-policy.ts'

/** One item a rectify or supplement request changes: the new value and the documents that back it (TW-9.3, art. 24(1)(2)). */
export interface CorrectionRow { itemId: string; value: string; documents: File[] }

const TEXTS = {
  item: { kk: 'Дерек', ru: 'Данные', en: 'Item' },
  value: { kk: 'Дұрыс мәні', ru: 'Правильное значение', en: 'The correct value' },
  documents: {
    kk: 'Растайтын құжаттар: тек олардың SHA-256 хэші жіберіледі — құжаттарды сақтаңыз, оператор оларды көрсетуді сұрауы мүмкін',
    ru: 'Подтверждающие документы: передаётся только их хэш SHA-256 — сохраните документы, оператор может попросить их предъявить',
    en: 'Supporting documents: only their SHA-256 hash is sent — keep the documents, the operator may ask to see them',
  },
  add: { kk: 'Тағы бір дерек', ru: 'Ещё одно поле', en: 'Another item' },
  remove: { kk: 'Алып тастау', ru: 'Убрать', en: 'Remove' },
}

/** The request's `content.items`: each row's value and the SHA-256 of each document, computed in the browser. */
export async function correctionContent(rows: CorrectionRow[]): Promise<Array<{ itemId: string; value?: string; documents?: Array<{ sha256: string; description: string }> }>> {
  return Promise.all(rows.filter((r) => r.itemId).map(async (r) => {
    const documents = await Promise.all(r.documents.map(async (file) => ({ sha256: await fileSha256(file), description: file.name.slice(0, 200) || 'document' })))
    return { itemId: r.itemId, ...(r.value.trim() ? { value: r.value.trim() } : {}), ...(documents.length ? { documents } : {}) }
  }))
}

/** Rows of item → new value → documents, for rectify and supplement requests (the console's registration and the portal). */
export function CorrectionItems({ items, rows, onChange }: { items: PolicyItem[]; rows: CorrectionRow[]; onChange(rows: CorrectionRow[]): void }) {
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const update = (i: number, patch: Partial<CorrectionRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
    <fieldset>
      {rows.map((row, i) => (
        <div key={i} className="correction-row">
          <label htmlFor={`correction-item-${i}`}>{t.item}</label>
          <select id={`correction-item-${i}`} value={row.itemId} required onChange={(e) => update(i, { itemId: e.target.value })}>
            <option value="" />
            {items.map((item) => <option key={item.id} value={item.id}>{item.name[language]}</option>)}
          </select>
          <label htmlFor={`correction-value-${i}`}>{t.value}</label>
          <input id={`correction-value-${i}`} value={row.value} maxLength={4000} onChange={(e) => update(i, { value: e.target.value })} />
          <label htmlFor={`correction-documents-${i}`}>{t.documents}</label>
          <input id={`correction-documents-${i}`} type="file" multiple onChange={(e) => update(i, { documents: Array.from(e.target.files ?? []).slice(0, 20) })} />
          {rows.length > 1 ? <div className="actions"><button type="button" className="secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t.remove}</button></div> : null}
        </div>
      ))}
      <div className="actions"><button type="button" className="secondary" onClick={() => onChange([...rows, { itemId: '', value: '', documents: [] }])}>{t.add}</button></div>
    </fieldset>
  )
}
