import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Permission } from '../../access/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { startTransfersKit, type TransfersKit } from './transfers-test-kit.ts'

const ALL: Permission[] = ['subjects:read', 'data:export']

describe.each(TEST_DATABASES)('transfer routes on $name', (target) => {
  let kit: TransfersKit
  let owner: string
  let subjectId: string
  const url = () => `/v1/operators/esp/subjects/${subjectId}/transfers`
  const body = { recipientId: 'third-parties-ru', itemIds: ['full-name'], purposeId: 'loyalty', reference: 'Partner contract 9' }
  const routes = (): [string, Permission, InjectOptions][] => [
    ['record', 'data:export', { method: 'POST', url: url(), payload: body }],
    ['list', 'subjects:read', { method: 'GET', url: url() }],
  ]
  const written = async () => (await kit.database.db.selectFrom('data_transfers').select('transfer_id').execute()).length

  beforeAll(async () => {
    kit = await startTransfersKit(target)
    owner = await kit.token('esp', ALL)
    subjectId = await kit.espClient({ countries: ['RU'] })
  })
  afterAll(() => kit.close())

  it('records a cross-border transfer (201) and lists it', async () => {
    const res = await kit.call(owner, { method: 'POST', url: url(), payload: body })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ recipientId: 'third-parties-ru', country: 'RU', crossBorder: true, reference: 'Partner contract 9' })
    const list = await kit.call(owner, { method: 'GET', url: url() })
    expect(list.statusCode).toBe(200)
    expect(list.json().transfers).toEqual([res.json()])
  })

  it('refuses bad input with field pointers and writes nothing', async () => {
    const before = await written()
    const bad = await kit.call(owner, { method: 'POST', url: url(), payload: { ...body, itemIds: [], country: 'russia', extra: 1 } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe('DERBES_VALIDATION')
    const abroad = await kit.call(owner, { method: 'POST', url: url(), payload: { ...body, country: 'CN' } })
    expect(abroad.statusCode).toBe(422)
    expect(abroad.json()).toMatchObject({ code: 'DERBES_TRANSFER_NOT_ALLOWED', errors: [{ pointer: '/body/country', code: 'transfer.cross_border_not_consented' }] })
    const unknown = await kit.call(owner, { method: 'POST', url: `/v1/operators/esp/subjects/00000000-0000-4000-8000-000000000000/transfers`, payload: body })
    expect(unknown.statusCode).toBe(404)
    expect(await written()).toBe(before)
  })

  it('answers 401 without credentials, before reading the body, and writes nothing', async () => {
    const before = await written()
    for (const [name, , request] of routes()) {
      const res = await kit.call(undefined, request)
      expect(res.statusCode, name).toBe(401)
    }
    expect((await kit.call(undefined, { method: 'POST', url: url(), payload: { nonsense: true } })).statusCode).toBe(401)
    expect(await written()).toBe(before)
  })

  it("answers 403 to another operator's key with every permission (tenant isolation)", async () => {
    const ttc = await kit.token('ttc', ALL)
    const before = await written()
    for (const [name, , request] of routes()) {
      const res = await kit.call(ttc, request)
      expect(res.statusCode, name).toBe(403)
      expect(res.json().code).toBe('DERBES_FORBIDDEN')
    }
    expect(await written()).toBe(before)
  })

  it('answers 403 to a key of the operator without the one permission the route needs', async () => {
    const before = await written()
    for (const [name, permission, request] of routes()) {
      const token = await kit.token('esp', ALL.filter((p) => p !== permission))
      const res = await kit.call(token, request)
      expect(res.statusCode, name).toBe(403)
      expect(res.json().detail).toContain(permission)
    }
    expect(await written()).toBe(before)
  })
})
