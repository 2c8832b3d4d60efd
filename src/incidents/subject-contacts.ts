import type { Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import { normalizeKzPhone } from '../kz/index.ts'
import type { CompiledPolicy, Language } from '../policy/index.ts'
import { subjectDataKey } from '../subjects/index.ts'
import { decryptField, type KeyProvider } from '../subjects/crypto/index.ts'

export interface SubjectContact {
  email: string | null
  /** E.164, when the vault holds a Kazakhstan number. */
  phone: string | null
  language: Language
  /** The vault items opened, for the audit entry (ids, never values). */
  itemsRead: { itemId: string; valueNo: number }[]
}

/**
 * The contacts of a batch of affected subjects, read from the vault: the
 * newest value of the policy's e-mail and phone items, decrypted under each
 * subject's key (as `src/requests/answers` finds an address to e-mail an
 * answer to). The language is the one given for the subject, else the one of
 * its latest request, else Kazakh (the state language). The caller audits
 * what was read in the same transaction.
 */
export async function subjectContacts(
  trx: Transaction<Database>,
  keys: KeyProvider,
  policy: CompiledPolicy,
  operatorId: string,
  subjectIds: readonly string[],
  languages: Readonly<Record<string, Language>>,
): Promise<Map<string, SubjectContact>> {
  const kindOf = new Map<string, 'email' | 'phone'>()
  for (const item of policy.items.values()) if (item.kind === 'email' || item.kind === 'phone') kindOf.set(item.id, item.kind)
  const contacts = new Map<string, SubjectContact>(subjectIds.map((id) => [id, { email: null, phone: null, language: languages[id] ?? 'kk', itemsRead: [] }]))
  if (subjectIds.length === 0) return contacts
  const unstated = subjectIds.filter((id) => !languages[id])
  if (unstated.length > 0) {
    const latest = await trx.selectFrom('requests').select(['subject_id', 'language']).distinctOn('subject_id')
      .where('operator_id', '=', operatorId).where('subject_id', 'in', unstated)
      .orderBy('subject_id').orderBy('received_at', 'desc').execute()
    for (const row of latest) if (row.subject_id) contacts.get(row.subject_id)!.language = row.language
  }
  if (kindOf.size === 0) return contacts
  const rows = await trx.selectFrom('vault_items').select(['subject_id', 'item_id', 'value_no', 'ciphertext'])
    .where('operator_id', '=', operatorId).where('subject_id', 'in', [...subjectIds]).where('item_id', 'in', [...kindOf.keys()])
    // The newest value first: a second phone supplements, the latest is the one in use.
    .orderBy('subject_id').orderBy('value_no', 'desc').execute()
  const bySubject = new Map<string, typeof rows>()
  for (const row of rows) bySubject.set(row.subject_id, [...(bySubject.get(row.subject_id) ?? []), row])
  for (const [subjectId, values] of bySubject) {
    const contact = contacts.get(subjectId)!
    const dataKey = await subjectDataKey(trx, keys, operatorId, subjectId)
    try {
      for (const v of values) {
        const kind = kindOf.get(v.item_id)!
        if (contact[kind] !== null) continue
        const value = decryptField(dataKey, { operatorId, subjectId, itemId: v.item_id }, v.ciphertext)
        contact.itemsRead.push({ itemId: v.item_id, valueNo: v.value_no })
        if (kind === 'email') contact.email = value
        else {
          const phone = normalizeKzPhone(value)
          if (phone.ok) contact.phone = phone.value
        }
      }
    } finally {
      dataKey.fill(0)
    }
  }
  return contacts
}
