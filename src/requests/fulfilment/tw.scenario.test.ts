import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { giveConsent } from '../../consent/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { recordTransfer } from '../../subjects/index.ts'
import { openFulfilmentFixture, type FulfilmentFixture } from './fulfilment-test-kit.ts'
import { readVaultValues } from './read-vault-values.ts'

const DOCUMENT = 'a'.repeat(64)

// TechnoWomen: rectification within 1 business day of proof (TW-9.3) and the
// third parties that received the data told (TW-9.4); access within 15 days (TW-9.1).
describe.each(TEST_DATABASES)('TW fulfilment scenarios on $name', (target) => {
  let fx: FulfilmentFixture
  beforeAll(async () => {
    fx = await openFulfilmentFixture(target)
    await fx.publishTwWithRecipient()
  })
  afterAll(() => fx.close())

  async function member(): Promise<string> {
    const subjectId = await fx.subject('tw', {
      kind: 'user',
      data: [
        { itemId: 'full-name', value: 'Айгерім Сапарова', source: 'subject', purposes: ['registration', 'communication'] },
        { itemId: 'email', value: 'aigerim@example.kz', source: 'subject', purposes: ['registration', 'communication'] },
        { itemId: 'position', value: 'Junior developer', source: 'subject', purposes: ['registration'] },
      ],
    })
    await giveConsent(fx.deps, { operatorId: 'tw', subjectId, formId: 'privacy-policy', language: 'kk', evidence: { method: 'registration' }, recordedBy: 'test' })
    return subjectId
  }

  it('TW-9.3, TW-9.4: a correction backed by a document is made in the vault within 1 business day, and the recipient that received the data is told', async () => {
    const subjectId = await member()
    await recordTransfer(fx.deps, { operatorId: 'tw', subjectId, recipientId: 'mailing-service', itemIds: ['full-name', 'email'], purposeId: 'communication', reference: 'DPA 3/2026' }, 'staff:1')
    const { requestId, state } = await fx.submit({
      operatorId: 'tw',
      kind: 'rectify',
      channel: 'electronic_document',
      subject: { subjectId },
      requester: { email: 'aigerim@example.kz' },
      content: { items: [{ itemId: 'position', value: 'CTO', documents: [{ sha256: DOCUMENT }] }] },
    })
    expect(state).toBe('in_progress')

    await fx.fulfil()
    const tasks = await fx.tasks('tw', requestId)
    expect(tasks.map((t) => `${t.target}:${t.target_id ?? ''}:${t.action}:${t.state}`)).toEqual(['vault::rectify:done', 'recipients:mailing-service:notify:done'])
    const request = await fx.request('tw', requestId)
    expect(request.state).toBe('answered')
    // Within the deadline: 1 business day of receipt (TW-9.3).
    expect(new Date(request.answered_at!).getTime()).toBeLessThanOrEqual(new Date(request.due_at).getTime())

    const values = await fx.deps.db.transaction().execute((trx) => readVaultValues(trx, fx.deps.keys, 'tw', subjectId, new Set(['position'])))
    expect(values.map((v) => v.value)).toEqual(['CTO'])

    const { audit, events } = await fx.trail('tw', requestId)
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['request_tasks_planned', 'recipients_notified', 'request_answered']))
    expect(audit.find((a) => a.action === 'recipients_notified')?.details).toMatchObject({ recipientId: 'mailing-service', change: 'rectify', itemIds: ['email', 'full-name'], basis: 'transfer_log' })
    expect(events.find((e) => e.type === 'recipient.notified')?.data).toMatchObject({ recipientId: 'mailing-service', change: 'rectify' })
    // The vault's own change entry, made for the request.
    const changes = await fx.deps.db.selectFrom('audit_entries').select(['actor', 'details']).where('operator_id', '=', 'tw').where('subject_id', '=', subjectId).where('action', '=', 'change').execute()
    expect(changes).toHaveLength(1)
    // No personal data left Derbes in an event.
    expect(JSON.stringify(events)).not.toMatch(/CTO|Айгерім|aigerim/)
  })
})
