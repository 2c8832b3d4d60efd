import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { giveConsent, readConsentState } from '../../consent/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { getSubject, recordTransfer } from '../../subjects/index.ts'
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

  it('TW-9.6: unlawful processing is stopped within 3 business days — the purpose named is withdrawn, the data blocked, the mailing service told', async () => {
    const subjectId = await member()
    const { requestId } = await fx.submit({
      operatorId: 'tw', kind: 'stop_unlawful_processing', channel: 'electronic_document', subject: { subjectId },
      content: { purposes: ['newsletters'], text: 'Мен таратылымға келісім бермедім' },
    })
    await fx.fulfil()
    expect((await fx.tasks('tw', requestId)).map((t) => `${t.target}:${t.target_id ?? ''}:${t.action}:${t.state}`)).toEqual([
      'ledger:privacy-policy:stop_processing:done',
      'vault::block:done',
      // Not in the transfer log: the policy's routine recipient for the member's purposes (requests.notifyRecipients, TW-9.4).
      'recipients:mailing-service:notify:done',
    ])
    const state = await readConsentState(fx.deps.db, 'tw', subjectId)
    expect(state.filter((r) => r.purposeId === 'newsletters').map((r) => r.status)).toEqual(['withdrawn'])
    expect(state.filter((r) => r.purposeId === 'registration').map((r) => r.status)).toEqual(['given'])
    expect((await getSubject(fx.deps, 'tw', subjectId)).status).toBe('blocked')
    const request = await fx.request('tw', requestId)
    expect(request.state).toBe('answered')
    expect(new Date(request.answered_at!).getTime()).toBeLessThanOrEqual(new Date(request.due_at).getTime())
    const blocked = await fx.deps.db.selectFrom('audit_entries').select('details').where('subject_id', '=', subjectId).where('action', '=', 'block').execute()
    expect(blocked).toEqual([{ details: expect.objectContaining({ reason: 'collection_unlawful' }) }])
  })

  it('TW-9.4: data obtained unlawfully is destroyed within 1 business day, and only then is the recipient told', async () => {
    const subjectId = await member()
    await recordTransfer(fx.deps, { operatorId: 'tw', subjectId, recipientId: 'mailing-service', itemIds: ['email'], purposeId: 'communication' }, 'staff:1')
    const { requestId } = await fx.submit({ operatorId: 'tw', kind: 'destroy_unlawful', channel: 'electronic_document', subject: { subjectId }, requester: { email: 'aigerim@example.kz' } })
    await fx.fulfil()
    const tasks = await fx.tasks('tw', requestId)
    expect(tasks.map((t) => `${t.target}:${t.action}:${t.state}`)).toEqual(['vault:delete:done', 'recipients:notify:done'])
    expect((await getSubject(fx.deps, 'tw', subjectId)).status).toBe('destroyed')
    const destroyedAt = await fx.deps.db.selectFrom('audit_entries').select('seq').where('subject_id', '=', subjectId).where('action', '=', 'destroy').executeTakeFirstOrThrow()
    const toldAt = await fx.deps.db.selectFrom('audit_entries').select(['seq', 'details']).where('subject_id', '=', subjectId).where('action', '=', 'recipients_notified').executeTakeFirstOrThrow()
    expect(Number(toldAt.seq)).toBeGreaterThan(Number(destroyedAt.seq))
    expect(toldAt.details).toMatchObject({ recipientId: 'mailing-service', change: 'destroy_unlawful', itemIds: ['email'], basis: 'transfer_log' })
    const request = await fx.request('tw', requestId)
    expect(request.state).toBe('answered')
    expect(new Date(request.answered_at!).getTime()).toBeLessThanOrEqual(new Date(request.due_at).getTime())
    // The subject's key is shredded; the answer went under a key of its own, to the address the request gave.
    const answer = await fx.deps.db.selectFrom('request_answers').select(['sealed_key_id', 'delivered']).where('request_id', '=', requestId).executeTakeFirstOrThrow()
    expect(answer.sealed_key_id).not.toBeNull()
    expect(answer.delivered).toEqual(['download', 'email'])
  })
})
