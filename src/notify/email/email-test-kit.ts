import type { Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import { MemoryKeyProvider } from '../../subjects/crypto/index.ts'
import { newPdfDocument } from '../pdf/index.ts'
import type { OutgoingEmail } from './enqueue-email.ts'

/** FOR TESTS. The nine Kazakh letters in a subject line and a body, as an answer in Kazakh carries them. */
export const KAZAKH_SUBJECT = '№ ESP-2026-000123 өтінішке жауап: әғқңөұүһі'
export const KAZAKH_TEXT = 'Құрметті Шаһизада Әуезқызы!\nСіздің өтінішіңіз қаралды: ә ғ қ ң ө ұ ү һ і.\nЖауап тегін беріледі.'

export const T0 = new Date('2026-12-03T04:00:00Z')

/** FOR TESTS. An operator row the outbox can point at, and a keyring in memory. */
export async function seedEmailOperator(db: Kysely<Database>, operatorId = 'esp'): Promise<{ keys: MemoryKeyProvider; clock: () => Date }> {
  await db.insertInto('operators').values({ operator_id: operatorId, name: JSON.stringify({ kk: 'ЭСПЕРАНС', ru: 'ЭСПЕРАНС', en: 'Esperance' }), bin: '220240037922' }).execute()
  return { keys: new MemoryKeyProvider(), clock: () => T0 }
}

/** FOR TESTS. A small PDF with Kazakh text, made the way answers and receipts are. */
export async function kazakhPdf(): Promise<Buffer> {
  const { doc, done } = newPdfDocument({ size: 'A4', info: { CreationDate: T0, ModDate: T0 } })
  doc.font('body').text('Дербес деректер субъектісінің өтінішіне жауап — ә ғ қ ң ө ұ ү һ і')
  doc.end()
  return done
}

/** FOR TESTS. An answer e-mail to one subject with its PDF and CSV. */
export function answerEmail(pdf: Buffer, overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    operatorId: 'esp',
    to: 'shahizada@mail.kz',
    subjectLine: KAZAKH_SUBJECT,
    text: KAZAKH_TEXT,
    html: '<!doctype html><html lang="kk"><body><p>Құрметті Шаһизада Әуезқызы!</p></body></html>',
    attachments: [
      { filename: 'ESP-2026-000123.pdf', contentType: 'application/pdf', content: pdf },
      { filename: 'ESP-2026-000123.csv', contentType: 'text/csv; charset=utf-8', content: Buffer.from('\uFEFFsource_system,table,item,value,collected_at\r\nderbes,vault_items,full-name,Шаһизада,\r\n', 'utf8') },
    ],
    language: 'kk',
    subjectId: 'subject-1',
    requestId: 'request-1',
    purpose: 'request_answer',
    ...overrides,
  }
}
