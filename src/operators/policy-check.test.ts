import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { startRoutesKit, type RoutesKit } from '../subjects/routes-test-kit.ts'

const kzk = readFileSync(new URL('../../policies/kzk.yaml', import.meta.url), 'utf8')

// Issue 6 §1: the policy editor's live lint and notice preview — a draft checked, nothing stored.
describe.each(TEST_DATABASES)('checking a policy draft on $name', (target) => {
  let kit: RoutesKit
  let reader: string
  beforeAll(async () => {
    kit = await startRoutesKit(target)
    reader = await kit.token('kzk', ['policy:read'])
  }, 180_000)
  afterAll(() => kit?.close())

  const check = (payload: Record<string, unknown>, token: string | undefined = reader) => kit.call(token, { method: 'POST', url: '/v1/operators/kzk/policy/check', payload })

  it("KZK-3.12: a draft that loads gets its Law 94-V findings with line and column, and its notice in the language asked for", async () => {
    const versionsBefore = (await kit.call(reader, { method: 'GET', url: '/v1/operators/kzk/policy/versions' })).json()
    const res = await check({ source: kzk, language: 'ru' })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body.loads).toBe(true)
    expect(body.lint.findings).toContainEqual(expect.objectContaining({ ruleId: 'retention-unlimited', severity: 'error', line: expect.any(Number), column: expect.any(Number) }))
    expect(body.notice).toContain('<html lang="ru">')
    expect((await check({ source: kzk })).json().notice).toContain('<html lang="kk">')
    expect((await kit.call(reader, { method: 'GET', url: '/v1/operators/kzk/policy/versions' })).json()).toEqual(versionsBefore)
  })

  it('a draft that does not load says where, and has no findings or notice', async () => {
    const broken = kzk.replace(/categories: \[([a-z-]+)/, 'categories: [no-such-category')
    const body = (await check({ source: broken })).json()
    expect(body).toMatchObject({ loads: false, lint: null, notice: null })
    expect(body.issues[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number), message: expect.stringContaining('no-such-category') })
    expect((await check({ source: 'a: [' })).json()).toMatchObject({ loads: false, issues: [expect.objectContaining({ line: expect.any(Number) })] })
  })

  it('needs policy:read of the operator', async () => {
    expect((await kit.call(undefined, { method: 'POST', url: '/v1/operators/kzk/policy/check', payload: { source: kzk } })).statusCode).toBe(401)
    expect((await check({ source: kzk }, await kit.token('kzk', ['subjects:read']))).statusCode).toBe(403)
    expect((await kit.call(await kit.token('ttc', ['policy:read']), { method: 'POST', url: '/v1/operators/kzk/policy/check', payload: { source: kzk } })).statusCode).toBe(403)
    expect((await check({ source: kzk, language: 'de' })).statusCode).toBe(400)
  })
})
