import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { checkIntakeChannel } from './intake-channel.ts'
import { INTAKE_CHANNELS, type IntakeChannel } from './request-kinds.ts'
import { FIXTURE_TIMEOUT_MS, openRequestsFixture, seedPolicy, type RequestsFixture } from './requests-test-kit.ts'

const accepts = (seed: Parameters<typeof seedPolicy>[0], channel: IntakeChannel) => {
  try {
    checkIntakeChannel(seedPolicy(seed), channel)
    return true
  } catch {
    return false
  }
}
const acceptedBy = (seed: Parameters<typeof seedPolicy>[0]) => INTAKE_CHANNELS.filter((c) => accepts(seed, c))

describe('checkIntakeChannel per seed policy', () => {
  it('ESP-9: written or electronic — a plain e-mail or an oral request is not a request there', () => {
    expect(acceptedBy('esp')).toEqual(['api', 'portal', 'written', 'post', 'courier', 'electronic_document'])
  })
  it('TTC-9.2: in writing, by registered letter or courier — e-mail and visits refused, the electronic document kept by law (art. 10(2))', () => {
    expect(acceptedBy('ttc')).toEqual(['api', 'portal', 'written', 'post', 'courier', 'electronic_document'])
  })
  it('TW-4.5: by post or as an electronic document — a plain e-mail to the address is not one', () => {
    expect(acceptedBy('tw')).toEqual(['api', 'portal', 'written', 'post', 'courier', 'electronic_document'])
  })
  it('KZK-7.1 (a written or electronic complaint) and PS: the policies list no request channels, so none is refused', () => {
    expect(acceptedBy('kzk')).toEqual([...INTAKE_CHANNELS])
    expect(acceptedBy('ps')).toEqual([...INTAKE_CHANNELS])
  })
  it('a policy that lists e-mail and visits accepts them; written requests stay accepted even when the policy leaves them out (art. 10(2))', () => {
    const open = seedPolicy('esp', (d) => {
      d.requests!.channels = ['email', 'in_person']
    })
    for (const channel of INTAKE_CHANNELS) expect(() => checkIntakeChannel(open, channel)).not.toThrow()
  })
})

describe.each(TEST_DATABASES)('registering a request through a channel the policy does not accept, on $name', (target) => {
  let fx: RequestsFixture
  beforeAll(async () => {
    fx = await openRequestsFixture(target, undefined, { seeds: ['esp', 'ttc', 'tw', 'kzk'] })
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  const count = async (operatorId: string) => ({
    requests: (await fx.database.db.selectFrom('requests').select('request_id').where('operator_id', '=', operatorId).execute()).length,
    audit: (await fx.database.db.selectFrom('audit_entries').select('seq').where('operator_id', '=', operatorId).execute()).length,
    events: (await fx.database.db.selectFrom('event_outbox').select('seq').where('operator_id', '=', operatorId).execute()).length,
  })

  it.each([
    ['esp', 'email', 'ESP-9'],
    ['esp', 'in_person', 'ESP-9'],
    ['ttc', 'email', 'TTC-9.2'],
    ['tw', 'email', 'TW-9.1'],
  ] as const)('%s refuses %s with a 422 problem naming /body/channel and its clauses (%s), and registers nothing', async (operatorId, channel, clause) => {
    const token = await fx.token(operatorId)
    const before = await count(operatorId)
    const res = await fx.call(token, { method: 'POST', url: `/v1/operators/${operatorId}/requests`, payload: { kind: 'information', channel, requester: { email: 'a@example.kz' } } })
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    const problem = res.json()
    expect(problem).toMatchObject({ code: 'DERBES_REQUEST_CHANNEL_NOT_ACCEPTED', status: 422, errors: [{ pointer: '/body/channel' }] })
    expect(problem.errors[0].detail).toContain(clause)
    expect(problem.errors[0].detail).toContain(`'${channel}'`)
    expect(await count(operatorId)).toEqual(before)
  })

  it('art. 10(2): a written request by post or courier and an electronic document are registered whatever the policy lists; KZK-7.1 takes an e-mailed complaint', async () => {
    const submit = async (operatorId: string, channel: IntakeChannel, kind = 'information') =>
      fx.call(await fx.token(operatorId), { method: 'POST', url: `/v1/operators/${operatorId}/requests`, payload: { kind, channel, requester: { email: 'b@example.kz' }, ...(kind === 'complaint' ? { content: { text: 'x' } } : {}) } })
    expect((await submit('ttc', 'electronic_document')).statusCode).toBe(201) // TTC lists written and post only
    expect((await submit('ttc', 'courier')).statusCode).toBe(201)
    expect((await submit('tw', 'written')).statusCode).toBe(201)
    expect((await submit('kzk', 'email', 'complaint')).statusCode).toBe(201)
  })
})
