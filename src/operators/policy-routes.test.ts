import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { TEST_DATABASES } from '../db/test-databases.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { buildTestApp } from '../http/index.ts'
import { issueAdminKey, issueApiKey, revokeAdminKey } from '../access/index.ts'
import type { InjectOptions } from 'fastify'

const TW = readFileSync(new URL('../../policies/tw.yaml', import.meta.url), 'utf8')

/** A copy of a policy with some fields changed, as YAML text. */
function edited(source: string, edits: [path: (string | number)[], value: unknown][]): string {
  const doc = parseDocument(source)
  for (const [path, value] of edits) doc.setIn(path, value)
  return doc.toString()
}

const yaml = { 'content-type': 'application/yaml' }

describe.each(TEST_DATABASES)('operators and policy versions on $name', (target) => {
  let database: DatabaseHandle
  let app: FastifyInstance
  const clock = () => new Date('2026-11-20T10:00:00+05:00')

  let token: string | undefined
  let admin: { keyId: string; token: string } | undefined
  beforeEach(async () => {
    database = await target.open()
    app = await buildTestApp(database, { clock })
    token = undefined
    admin = undefined
  })
  /** Installation-wide routes (registering an operator) with an installation administrator key, issued as the CLI does. */
  const asAdmin = async (options: InjectOptions) => {
    admin ??= await issueAdminKey({ db: database.db, clock }, { name: 'ops', createdBy: 'cli:test' })
    return app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${admin.token}` } })
  }
  /** The operator's routes with a key holding the policy permissions: issued once TW exists (its registration is installation-wide). */
  const asTw = async (options: InjectOptions) => {
    token ??= (await issueApiKey(database.db, { operatorId: 'tw', name: 'dpo', permissions: ['policy:read', 'policy:manage', 'policy:approve'], createdBy: 'test' }, clock())).token
    return app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${token}` } })
  }
  afterEach(async () => {
    await app.close()
    await database.close()
  })

  const countRows = async () => ({
    operators: (await database.db.selectFrom('operators').select('operator_id').execute()).length,
    versions: (await database.db.selectFrom('policy_versions').select('version_id').execute()).length,
  })

  it('registers an operator, approves (who, when, which order — TTC-3.7) and publishes its policy', async () => {
    const created = await asAdmin({ method: 'POST', url: '/v1/operators', headers: yaml, payload: TW })
    expect(created.statusCode, created.body).toBe(201)
    const version = created.json()
    expect(version).toMatchObject({ operatorId: 'tw', state: 'draft', uploadedBy: `installation_admin:${admin!.keyId}`, approval: null, published: null })

    const unpublished = await app.inject({ method: 'GET', url: '/v1/operators/tw/policy' })
    expect(unpublished.statusCode).toBe(404)
    expect(unpublished.json().code).toBe('DERBES_POLICY_NOT_PUBLISHED')

    const early = await asTw({ method: 'POST', url: `/v1/operators/tw/policy/versions/${version.versionId}/publish`, payload: { publishedBy: 'dpo' } })
    expect(early.statusCode).toBe(409)
    expect(early.json().code).toBe('DERBES_POLICY_VERSION_NOT_APPROVED')

    const approved = await asTw({
      method: 'POST',
      url: `/v1/operators/tw/policy/versions/${version.versionId}/approve`,
      payload: { approvedBy: 'A. Director, chair of the board', order: 'Order No. 12-П', approvedAt: '2026-11-19T09:00:00+05:00' },
    })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json().approval).toEqual({ by: 'A. Director, chair of the board', order: 'Order No. 12-П', at: '2026-11-19T04:00:00.000Z' })

    const published = await asTw({ method: 'POST', url: `/v1/operators/tw/policy/versions/${version.versionId}/publish`, payload: { publishedBy: 'dpo' } })
    expect(published.json()).toMatchObject({ state: 'published', published: { by: 'dpo', at: clock().toISOString() } })

    const current = await app.inject({ method: 'GET', url: '/v1/operators/tw/policy' })
    expect(current.json().policy.operator.id).toBe('tw')
    const asUploaded = await app.inject({ method: 'GET', url: '/v1/operators/tw/policy?format=yaml' })
    expect(asUploaded.body).toBe(TW)

    const list = await app.inject({ method: 'GET', url: '/v1/operators' })
    expect(list.json().operators).toEqual([expect.objectContaining({ operatorId: 'tw', publishedVersionId: version.versionId })])
  })

  it('keeps every version: publishing a new one supersedes the old (TTC-1.8)', async () => {
    const first = (await asAdmin({ method: 'POST', url: '/v1/operators', headers: yaml, payload: TW })).json()
    await asTw({ method: 'POST', url: `/v1/operators/tw/policy/versions/${first.versionId}/approve`, payload: { approvedBy: 'Chair', order: '№1' } })
    await asTw({ method: 'POST', url: `/v1/operators/tw/policy/versions/${first.versionId}/publish`, payload: { publishedBy: 'dpo' } })

    const second = await asTw({ method: 'POST', url: '/v1/operators/tw/policy/versions', headers: yaml, payload: edited(TW, [[['version', 'id'], 'next']]) })
    expect(second.statusCode, second.body).toBe(201)
    await asTw({ method: 'POST', url: '/v1/operators/tw/policy/versions/next/approve', payload: { approvedBy: 'Chair', order: '№2' } })
    await asTw({ method: 'POST', url: '/v1/operators/tw/policy/versions/next/publish', payload: { publishedBy: 'dpo' } })

    const versions = (await asTw({ method: 'GET', url: '/v1/operators/tw/policy/versions' })).json().versions
    expect(versions.map((v: { versionId: string; state: string }) => [v.versionId, v.state])).toEqual([
      [first.versionId, 'superseded'],
      ['next', 'published'],
    ])
    const old = await asTw({ method: 'GET', url: `/v1/operators/tw/policy/versions/${first.versionId}` })
    expect(old.statusCode).toBe(200)
    expect(old.json().version.approval.order).toBe('№1')
  })

  it('refuses malformed YAML with its line and column, storing nothing', async () => {
    const broken = TW.replace(/^version:/m, 'version: [unclosed\nversion2:')
    const res = await asAdmin({ method: 'POST', url: '/v1/operators', headers: yaml, payload: broken })
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    const body = res.json()
    expect(body).toMatchObject({ code: 'DERBES_POLICY_INVALID', status: 422, type: 'urn:derbes:problem:DERBES_POLICY_INVALID' })
    expect(body.errors[0].line).toBeGreaterThan(1)
    expect(await countRows()).toEqual({ operators: 0, versions: 0 })
  })

  it('refuses a purpose naming an unknown category at the exact line, storing nothing', async () => {
    const doc = parseDocument(TW)
    doc.setIn(['purposes', 0, 'categories', 0], 'no-such-category')
    const text = doc.toString()
    const expectedLine = text.split('\n').findIndex((l) => l.includes('no-such-category')) + 1
    const res = await asAdmin({ method: 'POST', url: '/v1/operators', headers: yaml, payload: text })
    expect(res.statusCode).toBe(422)
    const [problem] = res.json().errors
    expect(problem).toMatchObject({ pointer: '/purposes/0/categories/0', line: expectedLine, code: 'reference.unknown' })
    expect(problem.detail).toContain("unknown category 'no-such-category'")
    expect(await countRows()).toEqual({ operators: 0, versions: 0 })
  })

  it('reports every schema error of a JSON upload with the JSON line', async () => {
    const document = parseDocument(TW).toJS()
    delete document.operator.name.kk
    document.purposes[1].basis = 'whim'
    const text = JSON.stringify(document, null, 2)
    const res = await asAdmin({ method: 'POST', url: '/v1/operators', headers: { 'content-type': 'application/json' }, payload: text })
    expect(res.statusCode).toBe(422)
    const errors = res.json().errors as { pointer: string; line: number; detail: string }[]
    const lines = text.split('\n')
    const basis = errors.find((e) => e.pointer === '/purposes/1/basis')
    expect(basis?.detail).toMatch(/must be one of: consent, contract/)
    expect(lines[basis!.line - 1]).toContain('"whim"')
    const name = errors.find((e) => e.pointer === '/operator/name')
    expect(name?.detail).toBe("missing required field 'kk'")
    expect(await countRows()).toEqual({ operators: 0, versions: 0 })
  })

  it('never overwrites a version and refuses a document of another operator', async () => {
    await asAdmin({ method: 'POST', url: '/v1/operators', headers: yaml, payload: TW })
    const again = await asTw({ method: 'POST', url: '/v1/operators/tw/policy/versions', headers: yaml, payload: edited(TW, [[['operator', 'contacts', 'email'], 'x@y.kz']]) })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('DERBES_POLICY_VERSION_EXISTS')
    const stored = await asTw({ method: 'GET', url: `/v1/operators/tw/policy/versions/${parseDocument(TW).getIn(['version', 'id'])}?format=yaml` })
    expect(stored.body).toBe(TW)

    const other = await asTw({ method: 'POST', url: '/v1/operators/tw/policy/versions', headers: yaml, payload: edited(TW, [[['operator', 'id'], 'someone-else']]) })
    expect(other.statusCode).toBe(422)
    expect(other.json()).toMatchObject({ code: 'DERBES_POLICY_OPERATOR_MISMATCH', errors: [{ pointer: '/operator/id' }] })
  })

  it('answers bad requests with problem details naming the field', async () => {
    await asAdmin({ method: 'POST', url: '/v1/operators', headers: yaml, payload: TW })
    const version = parseDocument(TW).getIn(['version', 'id'])
    const noOrder = await asTw({ method: 'POST', url: `/v1/operators/tw/policy/versions/${version}/approve`, payload: { approvedBy: 'Chair' } })
    expect(noOrder.statusCode).toBe(400)
    expect(noOrder.json()).toMatchObject({ code: 'DERBES_VALIDATION', errors: [{ pointer: '/body/order' }] })

    const extra = await asTw({ method: 'POST', url: `/v1/operators/tw/policy/versions/${version}/approve`, payload: { approvedBy: 'Chair', order: '1', sneaky: true } })
    expect(extra.statusCode).toBe(400)

    const text = await asAdmin({ method: 'POST', url: '/v1/operators', headers: { 'content-type': 'text/plain' }, payload: TW })
    expect(text.statusCode).toBe(415)
    expect(text.json().code).toBe('DERBES_UNSUPPORTED_MEDIA_TYPE')

    const missing = await app.inject({ method: 'GET', url: '/v1/operators/nobody/policy' })
    expect(missing.json()).toMatchObject({ status: 404, code: 'DERBES_OPERATOR_NOT_FOUND' })
    const nowhere = await app.inject({ method: 'GET', url: '/v2/whatever' })
    expect(nowhere.json()).toMatchObject({ status: 404, code: 'DERBES_NOT_FOUND' })
  })

  it('issue 3: drafts, uploads, approval and publication need the operator\'s credentials with the policy permissions; the published policy stays public', async () => {
    const created = (await asAdmin({ method: 'POST', url: '/v1/operators', headers: yaml, payload: TW })).json()
    const approve = `/v1/operators/tw/policy/versions/${created.versionId}/approve`
    const nobody = await app.inject({ method: 'POST', url: approve, payload: { approvedBy: 'Chair', order: '№1' } })
    expect(nobody.statusCode).toBe(401)
    expect((await app.inject({ method: 'GET', url: '/v1/operators/tw/policy/versions' })).statusCode).toBe(401)
    expect((await app.inject({ method: 'GET', url: `/v1/operators/tw/policy/versions/${created.versionId}/lint` })).statusCode).toBe(401)
    const reader = (await issueApiKey(database.db, { operatorId: 'tw', name: 'reader', permissions: ['policy:read'], createdBy: 'test' }, clock())).token
    const asReader = (options: InjectOptions) => app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${reader}` } })
    expect((await asReader({ method: 'GET', url: '/v1/operators/tw/policy/versions' })).statusCode).toBe(200)
    const refused = await asReader({ method: 'POST', url: approve, payload: { approvedBy: 'Chair', order: '№1' } })
    expect(refused.statusCode).toBe(403)
    expect((await asReader({ method: 'POST', url: '/v1/operators/tw/policy/versions', headers: yaml, payload: edited(TW, [[['version', 'id'], 'x']]) })).statusCode).toBe(403)
    expect((await database.db.selectFrom('policy_versions').select('state').execute()).map((v) => v.state)).toEqual(['draft'])
    // The uploader and the publisher are the credentials' holder, not a header anyone could send.
    const upload = await asTw({ method: 'POST', url: '/v1/operators/tw/policy/versions', headers: { ...yaml, 'x-derbes-actor': 'someone-else' }, payload: edited(TW, [[['version', 'id'], 'next']]) })
    expect(upload.statusCode, upload.body).toBe(201)
    expect(upload.json().uploadedBy).toMatch(/^api_key:/)
    await asTw({ method: 'POST', url: approve, payload: { approvedBy: 'Chair', order: '№1' } })
    const published = await asTw({ method: 'POST', url: `/v1/operators/tw/policy/versions/${created.versionId}/publish`, payload: {} })
    expect(published.statusCode, published.body).toBe(200)
    expect(published.json().published.by).toMatch(/^api_key:/)
    expect((await app.inject({ method: 'GET', url: '/v1/operators/tw/policy' })).statusCode).toBe(200)
  })

  it('issue 3: registering an operator needs an installation administrator key — none 401, an operator\'s key 403, the key 201 and audited as its holder', async () => {
    const register = (headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: '/v1/operators', headers: { ...yaml, ...headers }, payload: TW })
    const none = await register({ 'x-derbes-actor': 'dpo@tw' })
    expect(none.statusCode).toBe(401)
    expect(none.json()).toMatchObject({ code: 'DERBES_UNAUTHENTICATED', status: 401 })
    expect((await register({ authorization: 'Bearer da.0000000000000000.not-a-real-secret-not-a-real-secret-000000' })).statusCode).toBe(401)

    // An operator's key with every permission is still that operator's: it may not create another.
    await asAdmin({ method: 'POST', url: '/v1/operators', headers: yaml, payload: edited(TW, [[['operator', 'id'], 'other']]) })
    const operatorKey = (await issueApiKey(database.db, { operatorId: 'other', name: 'all', permissions: ['policy:read', 'policy:manage', 'policy:approve', 'staff:manage'], createdBy: 'test' }, clock())).token
    const forbidden = await register({ authorization: `Bearer ${operatorKey}` })
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.json()).toMatchObject({ code: 'DERBES_FORBIDDEN', status: 403 })
    expect(await countRows()).toEqual({ operators: 1, versions: 1 })

    const created = await asAdmin({ method: 'POST', url: '/v1/operators', headers: { ...yaml, 'x-derbes-actor': 'someone-else' }, payload: TW })
    expect(created.statusCode, created.body).toBe(201)
    const actor = `installation_admin:${admin!.keyId}`
    expect(created.json().uploadedBy).toBe(actor)
    const audit = await database.db.selectFrom('audit_entries').select(['actor', 'action', 'details']).where('operator_id', '=', 'tw').execute()
    expect(audit).toEqual([{ actor, action: 'policy_uploaded', details: expect.objectContaining({ versionId: created.json().versionId }) }])
    expect(JSON.stringify(audit)).not.toContain(admin!.token.split('.')[2])

    // The administrator key reads no operator's data; and revoked, it stops at once.
    const operatorRoute = await asAdmin({ method: 'GET', url: '/v1/operators/tw/policy/versions' })
    expect(operatorRoute.statusCode).toBe(403)
    await revokeAdminKey({ db: database.db, clock }, admin!.keyId)
    expect((await asAdmin({ method: 'POST', url: '/v1/operators', headers: yaml, payload: edited(TW, [[['operator', 'id'], 'third']]) })).statusCode).toBe(401)
    expect(await countRows()).toEqual({ operators: 2, versions: 2 })
  })
})
