import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { giveConsent } from '../../consent/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { getSubject, recordTransfer } from '../../subjects/index.ts'
import { makeIin } from '../../subjects/subjects-test-helpers.ts'
import { openFulfilmentFixture, type FulfilmentFixture } from './fulfilment-test-kit.ts'
import { completeManualTask } from './staff-task-actions.ts'

// PS: anonymisation on the client's demand (PS-7.1), the third party it went to told.
// Kezekshi: a complaint settled within 7 business days (KZK-7.1) — staff write the reply.
describe.each(TEST_DATABASES)('PS and KZK fulfilment scenarios on $name', (target) => {
  let fx: FulfilmentFixture
  beforeAll(async () => {
    fx = await openFulfilmentFixture(target)
  })
  afterAll(() => fx.close())

  it('PS-7.1: a client’s data is anonymised — identifiers, key and values gone, the row kept for statistics — and the third party that received it is told', async () => {
    const subjectId = await fx.subject('ps', {
      kind: 'client',
      identifiers: [{ kind: 'iin', value: '791028302728' }],
      data: [
        { itemId: 'full-name', value: 'Самат Жақыпов', source: 'subject', purposes: ['services'] },
        { itemId: 'iin', value: '791028302728', source: 'subject', purposes: ['services'] },
      ],
    })
    await giveConsent(fx.deps, { operatorId: 'ps', subjectId, formId: 'personal-data-consent', language: 'ru', evidence: { method: 'application', reference: 'PS form 2026-11' }, recordedBy: 'test' })
    await recordTransfer(fx.deps, { operatorId: 'ps', subjectId, recipientId: 'third-party-services', itemIds: ['full-name'], purposeId: 'services' }, 'staff:1')
    const { requestId, state } = await fx.submit({ operatorId: 'ps', kind: 'anonymise', channel: 'written', language: 'ru', subject: { identifier: { kind: 'iin', value: '791028302728' } } })
    expect(state).toBe('in_progress')

    await fx.fulfil()
    expect((await fx.tasks('ps', requestId)).map((t) => `${t.target}:${t.target_id ?? ''}:${t.action}:${t.state}`)).toEqual([
      'vault::anonymise:done',
      'recipients:third-party-services:notify:done',
    ])
    expect((await getSubject(fx.deps, 'ps', subjectId)).status).toBe('anonymised')
    const left = await fx.deps.db.selectFrom('vault_items').select('item_id').where('operator_id', '=', 'ps').where('subject_id', '=', subjectId).execute()
    expect(left).toEqual([])
    const request = await fx.request('ps', requestId)
    expect(request.state).toBe('answered')
    const { audit } = await fx.trail('ps', requestId)
    expect(audit.find((a) => a.action === 'recipients_notified')?.details).toMatchObject({ recipientId: 'third-party-services', change: 'anonymise', actions: ['anonymise'] })
    const anonymised = await fx.deps.db.selectFrom('audit_entries').select('details').where('subject_id', '=', subjectId).where('action', '=', 'anonymise').execute()
    expect(anonymised).toEqual([{ details: expect.objectContaining({ reason: 'subject_request' }) }])
  })

  it('KZK-7.1: a complaint is answered within 7 business days once staff have written the reply; until then it is visibly waiting on a staff task', async () => {
    const parent = await fx.subject('kzk', { kind: 'parent', data: [{ itemId: 'user-name', value: 'Әлия Нұрова', source: 'subject', purposes: ['identification'] }] })
    const { requestId, dueAt } = await fx.submit({ operatorId: 'kzk', kind: 'complaint', channel: 'email', subject: { subjectId: parent }, content: { text: 'Асхана картасы жұмыс істемейді' } })
    await fx.fulfil()
    const [task] = await fx.tasks('kzk', requestId)
    expect(task).toMatchObject({ target: 'manual', action: 'notify', state: 'pending' })
    expect((await fx.request('kzk', requestId)).state).toBe('in_progress')

    fx.setNow('2026-12-08T12:00:00+05:00')
    await completeManualTask(fx.fulfilment, { operatorId: 'kzk', requestId, taskId: task!.task_id, note: 'Картаны ауыстырдық', evidenceSha256: 'c'.repeat(64) }, 'staff:5')
    await fx.fulfil()
    const request = await fx.request('kzk', requestId)
    expect(request.state).toBe('answered')
    expect(new Date(request.answered_at!).getTime()).toBeLessThanOrEqual(new Date(dueAt).getTime())
    const completed = (await fx.trail('kzk', requestId)).audit.find((a) => a.action === 'request_task_completed')
    expect(completed?.details).toMatchObject({ taskId: task!.task_id, evidenceSha256: 'c'.repeat(64) })
    expect(JSON.stringify(completed)).not.toContain('Картаны')
    fx.setNow('2026-12-02T10:00:00+05:00')
  })

  it('art. 24(1): a requester the operator does not hold is answered "no data held", at the address given, with nothing to run', async () => {
    const { requestId, state } = await fx.submit({
      operatorId: 'ps', kind: 'access', channel: 'written', language: 'en',
      subject: { identifier: { kind: 'iin', value: makeIin('900101', 3, 11) } }, requester: { name: 'Unknown Person', email: 'unknown@example.kz' },
    })
    expect(state).toBe('in_progress')
    await fx.fulfil()
    expect(await fx.tasks('ps', requestId)).toEqual([])
    expect((await fx.request('ps', requestId)).state).toBe('answered')
    const answer = await fx.deps.db.selectFrom('request_answers').select(['outcome', 'delivered', 'sealed_key_id']).where('request_id', '=', requestId).executeTakeFirstOrThrow()
    expect(answer).toMatchObject({ outcome: 'no_data_held', delivered: ['download', 'email'] })
    expect(answer.sealed_key_id).not.toBeNull()
  })
})
