import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Permission } from '../../access/index.ts'
import { giveConsent } from '../../consent/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { openFulfilmentFixture, type FulfilmentFixture } from './fulfilment-test-kit.ts'

const ALL: Permission[] = ['requests:read', 'requests:manage', 'data:export']

describe.each(TEST_DATABASES)('fulfilment routes on $name', (target) => {
  let fx: FulfilmentFixture
  let owner: string
  let accessId: string
  let subjectId: string
  let otherSubjectId: string
  let complaintId: string
  let complaintTaskId: string

  const base = (requestId: string) => `/v1/operators/tw/requests/${requestId}`
  const routes = (): [string, Permission, InjectOptions][] => [
    ['tasks', 'requests:read', { method: 'GET', url: `${base(accessId)}/tasks` }],
    ['complete', 'requests:manage', { method: 'POST', url: `${base(complaintId)}/tasks/${complaintTaskId}/complete`, payload: { note: 'x' } }],
    ['retry', 'requests:manage', { method: 'POST', url: `${base(accessId)}/tasks/${complaintTaskId}/retry` }],
    ['answer', 'requests:read', { method: 'GET', url: `${base(accessId)}/answer` }],
    ['answer.pdf', 'data:export', { method: 'GET', url: `${base(accessId)}/answer.pdf` }],
    ['export.json', 'data:export', { method: 'GET', url: `${base(accessId)}/export.json` }],
    ['export.csv', 'data:export', { method: 'GET', url: `${base(accessId)}/export.csv` }],
  ]
  const audited = async () => (await fx.deps.db.selectFrom('audit_entries').select('seq').where('operator_id', '=', 'tw').execute()).length

  async function member(name: string, email: string): Promise<string> {
    const id = await fx.subject('tw', {
      kind: 'user',
      data: [
        { itemId: 'full-name', value: name, source: 'subject', purposes: ['registration'] },
        { itemId: 'email', value: email, source: 'subject', purposes: ['registration'] },
      ],
    })
    await giveConsent(fx.deps, { operatorId: 'tw', subjectId: id, formId: 'privacy-policy', language: 'kk', evidence: { method: 'registration' }, recordedBy: 'test' })
    return id
  }

  beforeAll(async () => {
    fx = await openFulfilmentFixture(target)
    owner = await fx.token('tw', ALL)
    subjectId = await member('Гүлнар Есенова', 'gulnar@example.kz')
    otherSubjectId = await member('Бақыт Омаров', 'bakyt@example.kz')
    accessId = (await fx.submit({ operatorId: 'tw', kind: 'access', channel: 'electronic_document', subject: { subjectId }, language: 'ru' })).requestId
    complaintId = (await fx.submit({ operatorId: 'tw', kind: 'complaint', channel: 'electronic_document', subject: { subjectId: otherSubjectId }, content: { text: 'Мен хат алмадым' } })).requestId
    await fx.fulfil()
    complaintTaskId = (await fx.tasks('tw', complaintId))[0]!.task_id
  })
  afterAll(() => fx.close())

  it('TW-9.1: an access request is answered with a copy of every record — the subject’s own only — as a letter and as JSON and CSV, each download audited as an export on the request', async () => {
    expect((await fx.request('tw', accessId)).state).toBe('answered')
    const tasks = await fx.call(owner, { method: 'GET', url: `${base(accessId)}/tasks` })
    expect(tasks.statusCode, tasks.body).toBe(200)
    expect(tasks.json().tasks).toEqual([expect.objectContaining({ target: 'vault', action: 'export', state: 'done', result: expect.objectContaining({ values: 2 }) })])
    expect(tasks.body).not.toContain('Гүлнар')

    const meta = await fx.call(owner, { method: 'GET', url: `${base(accessId)}/answer` })
    expect(meta.statusCode, meta.body).toBe(200)
    expect(meta.json()).toMatchObject({ outcome: 'fulfilled', language: 'ru', delivered: expect.arrayContaining(['download']) })

    const pdf = await fx.call(owner, { method: 'GET', url: `${base(accessId)}/answer.pdf` })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')

    const json = await fx.call(owner, { method: 'GET', url: `${base(accessId)}/export.json` })
    expect(json.statusCode).toBe(200)
    expect(json.body).toContain('gulnar@example.kz')
    expect(json.body).toContain('Гүлнар Есенова')
    expect(json.body).not.toMatch(/bakyt|Бақыт/)
    const csv = await fx.call(owner, { method: 'GET', url: `${base(accessId)}/export.csv` })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toMatch(/^text\/csv/)
    expect(csv.body).toContain('gulnar@example.kz')
    expect(csv.body).not.toMatch(/bakyt|Бақыт/)

    const exports = await fx.deps.db.selectFrom('audit_entries').select(['basis', 'actor', 'details']).where('operator_id', '=', 'tw').where('subject_id', '=', subjectId).where('action', '=', 'export').orderBy('seq').execute()
    expect(exports.map((e) => e.basis)).toEqual(Array(4).fill(`request:${accessId}`))
    // The first is the subject's own copy, read by the runner — not a staff view.
    expect(exports[0]).toMatchObject({ actor: 'system:fulfilment', details: { recipient: 'subject' } })
    expect(exports.slice(1).map((e) => (e.details as { what: string }).what)).toEqual(['answer_pdf', 'data_export_json', 'data_export_csv'])
    const views = await fx.deps.db.selectFrom('audit_entries').select('seq').where('operator_id', '=', 'tw').where('subject_id', '=', subjectId).where('action', '=', 'view').execute()
    expect(views).toEqual([])
  })

  it('a complaint waits for staff to write the reply; completing the manual task answers it', async () => {
    expect((await fx.request('tw', complaintId)).state).toBe('in_progress')
    const early = await fx.call(owner, { method: 'GET', url: `${base(complaintId)}/answer` })
    expect(early.statusCode).toBe(404)
    expect(early.json().code).toBe('DERBES_ANSWER_NOT_FOUND')
    const done = await fx.call(owner, { method: 'POST', url: `${base(complaintId)}/tasks/${complaintTaskId}/complete`, payload: { note: 'Reply sent to Бақыт by post', evidenceSha256: 'B'.repeat(64) } })
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json()).toMatchObject({ state: 'done', target: 'manual', result: { evidenceSha256: 'b'.repeat(64), noted: true } })
    expect(done.body).not.toContain('Бақыт')
    const again = await fx.call(owner, { method: 'POST', url: `${base(complaintId)}/tasks/${complaintTaskId}/complete`, payload: {} })
    expect(again.json().code).toBe('DERBES_TASK_NOT_OPEN')
    await fx.fulfil()
    expect((await fx.request('tw', complaintId)).state).toBe('answered')
  })

  it('refuses what does not fit: a Derbes task is not completed by staff, only a failed task is retried, only an access request has an export, unknown tasks are 404', async () => {
    const exportTask = (await fx.tasks('tw', accessId))[0]!.task_id
    const complete = await fx.call(owner, { method: 'POST', url: `${base(accessId)}/tasks/${exportTask}/complete`, payload: {} })
    expect(complete.statusCode).toBe(409)
    expect(complete.json().code).toBe('DERBES_TASK_NOT_MANUAL')
    const retry = await fx.call(owner, { method: 'POST', url: `${base(accessId)}/tasks/${exportTask}/retry` })
    expect(retry.statusCode).toBe(409)
    expect(retry.json().code).toBe('DERBES_TASK_NOT_FAILED')
    const notAccess = await fx.call(owner, { method: 'GET', url: `${base(complaintId)}/export.json` })
    expect(notAccess.statusCode).toBe(409)
    expect(notAccess.json().code).toBe('DERBES_REQUEST_NOT_ACCESS')
    const unknown = await fx.call(owner, { method: 'POST', url: `${base(accessId)}/tasks/no-such-task/retry` })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().code).toBe('DERBES_TASK_NOT_FOUND')
    const bad = await fx.call(owner, { method: 'POST', url: `${base(complaintId)}/tasks/${complaintTaskId}/complete`, payload: { evidenceSha256: 'not-a-hash', extra: 1 } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe('DERBES_VALIDATION')
  })

  it('answers 401 without credentials, before reading a body, and writes nothing', async () => {
    const before = await audited()
    for (const [name, , request] of routes()) {
      const res = await fx.call(undefined, request)
      expect(res.statusCode, name).toBe(401)
    }
    expect(await audited()).toBe(before)
  })

  it("answers 403 to another operator's key with every permission (tenant isolation), and writes nothing", async () => {
    const esp = await fx.token('esp', ALL)
    const before = await audited()
    for (const [name, , request] of routes()) {
      const res = await fx.call(esp, request)
      expect(res.statusCode, name).toBe(403)
      expect(res.json().code).toBe('DERBES_FORBIDDEN')
    }
    expect(await audited()).toBe(before)
  })

  it('answers 403 to a key without the one permission the route needs — requests:read does not open the letter or the export', async () => {
    const before = await audited()
    for (const [name, permission, request] of routes()) {
      const token = await fx.token('tw', ALL.filter((p) => p !== permission))
      const res = await fx.call(token, request)
      expect(res.statusCode, name).toBe(403)
      expect(res.json().detail).toContain(permission)
    }
    expect(await audited()).toBe(before)
  })
})
