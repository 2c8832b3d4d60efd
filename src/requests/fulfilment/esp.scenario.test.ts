import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { giveConsent, readConsentState } from '../../consent/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { createSmtpTransport, dispatchEmailsOnce } from '../../notify/email/index.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../../notify/email/smtp-test-server.ts'
import { closeSystemConnections, createSystem, updateSystem, type SystemInput } from '../../systems/index.ts'
import { CUSTOMERS, shopMap, shopServers, type Shop, type ShopServer } from '../../systems/shop-test-kit.ts'
import { accessExport } from './read-answer.ts'
import { retryTask } from './staff-task-actions.ts'
import { openFulfilmentFixture, type FulfilmentFixture } from './fulfilment-test-kit.ts'

const PROOF = { idDocumentNumber: '041234567', idDocumentIssueDate: '2019-05-04', idDocumentIssuer: 'МВД РК', signature: { kind: 'handwritten_signature' as const } }

// Esperance-RK: information answered electronically within 3 business days of an
// ID-document-backed request (ESP-9); access to a copy of every record (ESP-3), in Derbes and in the
// operator's own PostgreSQL and MariaDB databases; a system that refuses is retried, reported, never lost.
describe.each(TEST_DATABASES)('ESP fulfilment scenarios on $name', (target) => {
  let fx: FulfilmentFixture
  let smtp: TestSmtpServer
  let servers: ShopServer[]
  const shops: Shop[] = []
  beforeAll(async () => {
    fx = await openFulfilmentFixture(target)
    smtp = await startTestSmtpServer()
    servers = await shopServers()
  })
  afterAll(async () => {
    await closeSystemConnections()
    for (const shop of shops) await shop.drop()
    await smtp.close()
    await fx.close()
  })

  /** Aidos of the shop kit, registered in Derbes with the phone and e-mail the shop knows him by. */
  async function aidos(): Promise<string> {
    const subjectId = await fx.subject('esp', {
      kind: 'client',
      data: [
        { itemId: 'full-name', value: CUSTOMERS.aidos.fullName, source: 'subject', purposes: ['loyalty'] },
        { itemId: 'phone', value: CUSTOMERS.aidos.phone, source: 'subject', purposes: ['loyalty'] },
        { itemId: 'email', value: CUSTOMERS.aidos.email, source: 'subject', purposes: ['loyalty'] },
      ],
    })
    await giveConsent(fx.deps, { operatorId: 'esp', subjectId, formId: 'app-1', language: 'ru', evidence: { method: 'application', reference: 'anketa-1' }, recordedBy: 'test' })
    return subjectId
  }

  async function system(server: ShopServer, systemId: string, connection?: SystemInput['connection']): Promise<void> {
    const shop = await server.createShop()
    shops.push(shop)
    const kind = server.name === 'postgres' ? 'postgres' : 'mysql'
    await createSystem(fx.fulfilment, 'esp', { systemId, name: `Shop (${server.name})`, kind, connection: connection ?? shop.connection, ...shopMap() }, 'test')
  }

  it('ESP-9: an information request with the ID document and a signature is answered electronically within 3 business days, free of charge', async () => {
    const subjectId = await aidos()
    const { requestId, state } = await fx.submit({
      operatorId: 'esp', kind: 'information', channel: 'written', language: 'ru', subject: { subjectId },
      identityProof: PROOF, requester: { email: 'aidos.personal@mail.kz' }, postalReference: 'RR555000111KZ',
    })
    expect(state).toBe('in_progress')
    await fx.fulfil()
    const request = await fx.request('esp', requestId)
    expect(request.state).toBe('answered')
    expect(new Date(request.answered_at!).getTime()).toBeLessThanOrEqual(new Date(request.due_at).getTime())
    expect(await fx.tasks('esp', requestId)).toEqual([])

    const transport = createSmtpTransport({ url: smtp.url, from: 'Esperance <privacy@esperance.kz>' })
    const sent = await dispatchEmailsOnce({ db: fx.deps.db, keys: fx.deps.keys, transport }, fx.now())
    expect(sent.sent).toBeGreaterThanOrEqual(1)
    const mail = smtp.received.find((m) => m.rcptTo.includes('aidos.personal@mail.kz'))
    expect(mail).toBeDefined()
    const reference = (await fx.deps.db.selectFrom('requests').select('reference').where('request_id', '=', requestId).executeTakeFirstOrThrow()).reference
    expect(mail!.parsed.subject).toContain(reference)
    expect(mail!.parsed.text).toContain(reference)
    expect(mail!.parsed.attachments.map((a) => a.filename)).toEqual([`${reference}.pdf`])
    expect(mail!.parsed.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-')
    const answered = (await fx.trail('esp', requestId)).audit.find((a) => a.action === 'request_answered')
    expect(answered?.details).toMatchObject({ outcome: 'fulfilled', delivered: ['download', 'email'], language: 'ru' })
  })

  it('ESP-3: access gathers every record — the vault, the consents, and the PostgreSQL and MariaDB shop databases — and only the subject’s rows', async () => {
    const available = servers.filter((s) => s.available)
    expect(available.length).toBeGreaterThan(0)
    for (const server of available) await system(server, `shop-${server.name}`)
    const subjectId = await aidos()
    const { requestId } = await fx.submit({ operatorId: 'esp', kind: 'access', channel: 'written', language: 'kk', subject: { subjectId }, identityProof: PROOF })

    const runs = await fx.fulfil()
    expect(runs[0]!.planned).toBe(1)
    const history = await fx.deps.db.selectFrom('request_transitions').select('to_state').where('request_id', '=', requestId).orderBy('seq').execute()
    // While the shops worked the request waited on them; then it was answered.
    expect(history.map((h) => h.to_state).slice(-3)).toEqual(['in_progress', 'awaiting_systems', 'answered'])
    const tasks = await fx.tasks('esp', requestId)
    expect(tasks.map((t) => `${t.target}:${t.target_id ?? ''}:${t.action}:${t.state}`).sort()).toEqual(
      ['vault::export:done', ...available.map((s) => `system:shop-${s.name}:export:done`)].sort(),
    )
    for (const task of tasks.filter((t) => t.target === 'system')) {
      // Aidos: one customer row, two orders, one loyalty card.
      expect(task.result).toMatchObject({ rowsByTable: { customers: 1, orders: 2, loyalty_cards: 1 } })
    }
    const { body } = await accessExport(fx.fulfilment, 'esp', requestId, 'json', 'staff:1')
    for (const server of available) expect(body).toContain(`shop-${server.name}`)
    expect(body).toContain('ESP-0001-AIDOS')
    expect(body).toContain('Мәңгілік Ел 58')
    expect(body).not.toMatch(/ESP-0002-DANA|Дана|dana@mail\.kz|Ерлан/)
  })

  it('a connected system whose server refuses (a wrong database name) is retried, reported and never lost: the request waits in awaiting_systems until staff fix the system and retry', async () => {
    const server = servers.find((s) => s.name === 'postgres' && s.available)
    expect(server).toBeDefined()
    const broken = new URL(server!.url)
    broken.pathname = '/derbes_no_such_database'
    await system(server!, 'crm', { url: broken.toString(), schema: 'public' })
    const subjectId = await aidos()
    const { requestId } = await fx.submit({ operatorId: 'esp', kind: 'access', channel: 'written', subject: { subjectId }, identityProof: PROOF })

    fx.fulfilment.fulfilmentSettings = { maxAttempts: 3, backoffMs: () => 0 }
    try {
      await fx.fulfil()
    } finally {
      fx.fulfilment.fulfilmentSettings = undefined
    }
    const crm = (await fx.tasks('esp', requestId)).find((t) => t.target_id === 'crm')!
    expect(crm).toMatchObject({ state: 'failed', attempts: 3 })
    expect(crm.last_error).toMatch(/^DERBES_SYSTEM_REJECTED: .*3D000/)
    expect(crm.last_error).not.toMatch(/aidos|8701/)
    expect((await fx.request('esp', requestId)).state).toBe('awaiting_systems')
    const { audit, events } = await fx.trail('esp', requestId)
    expect(events.filter((e) => e.type === 'request.task_failed').map((e) => e.data.final)).toEqual([false, false, true])
    expect(audit.filter((a) => a.action === 'request_task_failed')).toHaveLength(3)
    // Nothing more happens on its own: failed stays failed, visible, until staff act.
    await fx.fulfil()
    expect((await fx.tasks('esp', requestId)).find((t) => t.target_id === 'crm')?.state).toBe('failed')

    const shop = shops[shops.length - 1]!
    await updateSystem(fx.fulfilment, 'esp', { systemId: 'crm', name: 'CRM', kind: 'postgres', connection: shop.connection, ...shopMap() }, 'staff:2')
    await retryTask(fx.fulfilment, { operatorId: 'esp', requestId, taskId: crm.task_id }, 'staff:2')
    await fx.fulfil()
    expect((await fx.tasks('esp', requestId)).find((t) => t.target_id === 'crm')).toMatchObject({ state: 'done', attempts: 1 })
    expect((await fx.request('esp', requestId)).state).toBe('answered')
  })

  it('ESP App.1 §5: a written withdrawal is recorded at once and takes effect 10 business days after receipt — the request is answered meanwhile', async () => {
    const subjectId = await aidos()
    const { requestId } = await fx.submit({
      operatorId: 'esp', kind: 'withdraw_consent', channel: 'written', subject: { subjectId }, identityProof: PROOF,
      receivedAt: '2026-12-02T09:00:00+05:00', content: { formId: 'app-1' },
    })
    await fx.fulfil()
    const [task] = await fx.tasks('esp', requestId)
    expect(task).toMatchObject({ target: 'ledger', target_id: 'app-1', state: 'done', result: { outcome: 'scheduled' } })
    const state = await readConsentState(fx.deps.db, 'esp', subjectId)
    const loyalty = state.filter((r) => r.purposeId === 'loyalty')
    expect(loyalty.map((r) => r.status)).toEqual(['withdrawal_pending'])
    // Counted by the ledger from the receipt the request carried, not from when the runner got to it.
    const effectiveAt = (task!.result as { effectiveAt: string }).effectiveAt
    expect(new Date(loyalty[0]!.withdrawalEffectiveAt!).toISOString()).toBe(effectiveAt)
    expect(effectiveAt > '2026-12-15').toBe(true)
    expect((await fx.request('esp', requestId)).state).toBe('answered')
  })

  it('art. 25(2)(8): data processed unlawfully is destroyed in the vault and in the shop databases, children rows first, no other customer touched', async () => {
    const server = servers.find((s) => s.name === 'mysql' && s.available) ?? servers.find((s) => s.available)
    expect(server).toBeDefined()
    await system(server!, 'shop-destroy')
    const shop = shops[shops.length - 1]!
    const subjectId = await aidos()
    const { requestId } = await fx.submit({ operatorId: 'esp', kind: 'destroy_unlawful', channel: 'written', subject: { subjectId }, identityProof: PROOF })
    await fx.fulfil()
    const tasks = await fx.tasks('esp', requestId)
    const mine = tasks.find((t) => t.target_id === 'shop-destroy')
    expect(mine).toMatchObject({ action: 'delete', state: 'done', result: { rowsByTable: { customers: 1, orders: 2, loyalty_cards: 1, order_items: 3 } } })
    expect(tasks.find((t) => t.target === 'vault')).toMatchObject({ action: 'delete', state: 'done' })
    expect(await shop.query('select id from customers order by id')).toEqual([{ id: CUSTOMERS.dana.id }, { id: CUSTOMERS.erlan.id }])
    expect((await shop.query('select id from orders where customer_id = ? order by id', [CUSTOMERS.dana.id])).map((r) => Number(r.id))).toEqual([20])
    expect((await fx.request('esp', requestId)).state).toBe('answered')
  })
})
