import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { destroySubject } from '../destroy-subject.ts'
import { listTransfers } from './list-transfers.ts'
import { recordTransfer } from './record-transfer.ts'
import { startTransfersKit, type TransfersKit } from './transfers-test-kit.ts'

describe.each(TEST_DATABASES)('the transfer log on $name', (target) => {
  let kit: TransfersKit
  beforeAll(async () => {
    kit = await startTransfersKit(target)
  })
  afterAll(() => kit.close())

  const written = async (subjectId: string) => ({
    transfers: (await kit.database.db.selectFrom('data_transfers').select('transfer_id').where('subject_id', '=', subjectId).execute()).length,
    audit: (await kit.database.db.selectFrom('audit_entries').select('seq').where('subject_id', '=', subjectId).where('action', '=', 'transfer').execute()).length,
  })

  it('records a transfer to a processor in Kazakhstan with its audit entry and event in one go', async () => {
    const subjectId = await kit.espClient()
    const view = await recordTransfer(kit.deps, { operatorId: 'esp', subjectId, recipientId: 'hosting-providers', itemIds: ['full-name', 'phone'], purposeId: 'loyalty', reference: 'Hosting contract 4/2026' }, 'staff:1')
    expect(view).toMatchObject({ recipientId: 'hosting-providers', country: 'KZ', crossBorder: false, itemIds: ['full-name', 'phone'], reference: 'Hosting contract 4/2026', recordedBy: 'staff:1' })
    const audit = await kit.database.db.selectFrom('audit_entries').select(['actor', 'purpose', 'details']).where('subject_id', '=', subjectId).where('action', '=', 'transfer').execute()
    expect(audit).toEqual([{ actor: 'staff:1', purpose: 'loyalty', details: expect.objectContaining({ transferId: view.transferId, recipientId: 'hosting-providers', itemIds: ['full-name', 'phone'], country: 'KZ' }) }])
    const events = await kit.database.db.selectFrom('event_outbox').select(['type', 'data']).where('subject_id', '=', subjectId).where('type', '=', 'data.transferred').execute()
    expect(events).toHaveLength(1)
    // Events carry ids, never values.
    expect(JSON.stringify(events)).not.toMatch(/Әсел|8701/)
    expect(await listTransfers(kit.database.db, 'esp', subjectId)).toEqual([view])
  })

  it('ESP App.1, art. 16: a transfer to Russia goes with consent for RU; to another country it is refused like a decision, and nothing is written', async () => {
    const subjectId = await kit.espClient({ countries: ['RU'] })
    const ru = await recordTransfer(kit.deps, { operatorId: 'esp', subjectId, recipientId: 'third-parties-ru', itemIds: ['full-name'], purposeId: 'loyalty' }, 'staff:1')
    expect(ru).toMatchObject({ country: 'RU', crossBorder: true })
    const before = await written(subjectId)
    const refused = recordTransfer(kit.deps, { operatorId: 'esp', subjectId, recipientId: 'third-parties-ru', itemIds: ['full-name'], purposeId: 'loyalty', country: 'US' }, 'staff:1')
    await expect(refused).rejects.toMatchObject({
      code: 'DERBES_TRANSFER_NOT_ALLOWED',
      errors: [expect.objectContaining({ pointer: '/body/country', code: 'transfer.cross_border_not_consented' })],
    })
    expect(await written(subjectId)).toEqual(before)
  })

  it('art. 16: foreign recipient without cross-border consent — a subject who never consented cannot be sent abroad', async () => {
    const subjectId = await kit.espClient({ consent: false })
    const refused = recordTransfer(kit.deps, { operatorId: 'esp', subjectId, recipientId: 'third-parties-ru', itemIds: ['full-name'], purposeId: 'loyalty' }, 'staff:1')
    await expect(refused).rejects.toMatchObject({ code: 'DERBES_TRANSFER_NOT_ALLOWED', errors: expect.arrayContaining([expect.objectContaining({ code: 'transfer.cross_border_not_consented' })]) })
    expect(await written(subjectId)).toEqual({ transfers: 0, audit: 0 })
  })

  it("refuses a recipient the policy does not declare, and one that does not serve the purpose", async () => {
    const subjectId = await kit.espClient()
    await expect(recordTransfer(kit.deps, { operatorId: 'esp', subjectId, recipientId: 'data-brokers', itemIds: ['phone'], purposeId: 'loyalty' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_TRANSFER_RECIPIENT_UNKNOWN',
      errors: [expect.objectContaining({ pointer: '/body/recipientId' })],
    })
    await expect(recordTransfer(kit.deps, { operatorId: 'esp', subjectId, recipientId: 'state-bodies', itemIds: ['phone'], purposeId: 'loyalty' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_TRANSFER_NOT_ALLOWED',
      errors: [expect.objectContaining({ pointer: '/body/recipientId', code: 'recipient.outside_purpose' })],
    })
    expect(await written(subjectId)).toEqual({ transfers: 0, audit: 0 })
  })

  it('the log outlives a destroyed subject, and nothing more can be sent after it (TW-9.4: whom to tell stays known)', async () => {
    const subjectId = await kit.espClient()
    const sent = await recordTransfer(kit.deps, { operatorId: 'esp', subjectId, recipientId: 'hosting-providers', itemIds: ['phone'], purposeId: 'loyalty' }, 'staff:1')
    await destroySubject(kit.deps, { operatorId: 'esp', subjectId, reason: 'unlawful_processing' }, 'staff:1')
    expect((await listTransfers(kit.database.db, 'esp', subjectId)).map((t) => t.transferId)).toEqual([sent.transferId])
    await expect(recordTransfer(kit.deps, { operatorId: 'esp', subjectId, recipientId: 'hosting-providers', itemIds: ['phone'], purposeId: 'loyalty' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_TRANSFER_NOT_ALLOWED',
      errors: [expect.objectContaining({ code: 'subject.destroyed' })],
    })
  })

  it('is append-only: the database refuses to change or delete an entry', async () => {
    const subjectId = await kit.espClient()
    await recordTransfer(kit.deps, { operatorId: 'esp', subjectId, recipientId: 'hosting-providers', itemIds: ['phone'], purposeId: 'loyalty' }, 'staff:1')
    await expect(kit.database.db.updateTable('data_transfers').set({ country: 'RU' }).where('subject_id', '=', subjectId).execute()).rejects.toThrow(/append-only/)
    await expect(kit.database.db.deleteFrom('data_transfers').where('subject_id', '=', subjectId).execute()).rejects.toThrow(/append-only/)
  })

  it('refuses a transfer dated in the future', async () => {
    const subjectId = await kit.espClient()
    await expect(recordTransfer(kit.deps, { operatorId: 'esp', subjectId, recipientId: 'hosting-providers', itemIds: ['phone'], purposeId: 'loyalty', at: '2027-01-01T00:00:00Z' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_VALIDATION',
      errors: [{ pointer: '/body/at', detail: 'is after now' }],
    })
  })
})
