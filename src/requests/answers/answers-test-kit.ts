import { readFileSync } from 'node:fs'
import { compilePolicy, formatPolicyIssue, loadPolicy, type CompiledPolicy } from '../../policy/index.ts'
import type { AnswerInput, SubjectRecord } from './answer-input.ts'

const cache = new Map<string, CompiledPolicy>()

/** FOR TESTS. A seed policy (`policies/<id>.yaml`) loaded and compiled the way production does. */
export function seedPolicy(operatorId: 'ttc' | 'tw' | 'esp' | 'kzk' | 'ps'): CompiledPolicy {
  const cached = cache.get(operatorId)
  if (cached) return cached
  const file = `policies/${operatorId}.yaml`
  const loaded = loadPolicy(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8'), file)
  if (!loaded.ok) throw new Error(loaded.issues.map(formatPolicyIssue).join('\n'))
  const policy = compilePolicy(loaded.document)
  cache.set(operatorId, policy)
  return policy
}

/** FOR TESTS. Two ESP clients' records: the vault and one connected system each, values that tell whose they are. */
export function recordsOf(who: 'aliya' | 'boris'): SubjectRecord[] {
  const values = who === 'aliya'
    ? { name: 'Әлия Серікқызы Жұмабаева', phone: '+77011234567', email: 'aliya@mail.kz', card: 'LC-0001-ҚӨҢ' }
    : { name: 'Борис Петрович Иванов', phone: '+77027654321', email: 'boris@mail.ru', card: 'LC-0002-XYZ' }
  const at = new Date('2026-03-20T06:00:00Z')
  return [
    { system: 'derbes', table: 'vault_items', item: 'full-name', value: values.name, collectedAt: at },
    { system: 'derbes', table: 'vault_items', item: 'phone', value: values.phone, collectedAt: at },
    { system: 'loyalty-db', systemName: 'Loyalty DB', table: 'cards', item: 'loyalty-card', value: values.card, collectedAt: null },
    { system: 'loyalty-db', systemName: 'Loyalty DB', table: 'customers', item: 'email', value: values.email, collectedAt: new Date('2026-04-01T10:00:00Z') },
  ]
}

/** FOR TESTS. An answer input for ESP with the request received on a Friday before Nauryz. */
export function espInput(overrides: Partial<AnswerInput> & { language?: 'kk' | 'ru' | 'en' } = {}): AnswerInput {
  const { language = 'kk', ...rest } = overrides
  return {
    policy: seedPolicy('esp'),
    request: { reference: 'ESP-2026-000123', kind: 'information', receivedAt: new Date('2026-03-20T05:00:00Z'), dueAt: new Date('2026-03-27T18:59:59Z'), language },
    subject: { id: 'subject-aliya', kind: 'client', name: 'Әлия Серікқызы Жұмабаева' },
    outcome: { kind: 'fulfilled', steps: [] },
    issuedAt: new Date('2026-03-25T09:30:00Z'),
    ...rest,
  }
}
