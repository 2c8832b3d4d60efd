import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { buildTestApp } from '../http/index.ts'
import { escapeHtml } from '../policy/render/index.ts'
import { seedOperators } from './seed-operators.ts'
import { issueApiKey } from '../access/index.ts'

const TW = readFileSync(new URL('../../policies/tw.yaml', import.meta.url), 'utf8')
const twVersion = String(parseDocument(TW).getIn(['version', 'id']))

describe.each(TEST_DATABASES)('public notices, lint and diff of the seed operators on $name', (target) => {
  let database: DatabaseHandle
  let app: FastifyInstance

  beforeAll(async () => {
    database = await target.open()
    await seedOperators({ db: database.db, clock: () => new Date() }, new URL('../../policies/', import.meta.url).pathname)
    app = await buildTestApp(database)
  })
  /** A policy reader's key of the operator (drafts, lint and diffs need `policy:read`; uploads `policy:manage`). */
  const as = async (operatorId: string, options: { method?: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: string }) => {
    const { token } = await issueApiKey(database.db, { operatorId, name: 'reviewer', permissions: ['policy:read', 'policy:manage'], createdBy: 'test' }, new Date())
    return app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${token}` } })
  }
  afterAll(async () => {
    await app.close()
    await database.close()
  })

  it.each(['ttc', 'tw', 'esp', 'kzk', 'ps'])('publishes the %s notice in kk, ru and en, with Kazakh letters intact', async (operator) => {
    const { operators } = (await app.inject('/v1/operators')).json()
    const name = operators.find((o: { operatorId: string }) => o.operatorId === operator).name
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const html = await app.inject(`/notice/${operator}/${lang}`)
      expect(html.statusCode).toBe(200)
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(html.headers['content-language']).toBe(lang)
      expect(html.body).toContain(`lang="${lang}"`)
      expect(html.body).toContain(escapeHtml(name[lang]))
      const md = await app.inject(`/notice/${operator}/${lang}?format=md`)
      expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8')
      expect(md.body.startsWith('# ')).toBe(true)
    }
    expect((await app.inject(`/notice/${operator}/kk`)).body).toMatch(/[әғқңөұүһі]/)
  })

  it('refuses an unknown language or operator with problem details', async () => {
    const fr = await app.inject('/notice/ttc/fr')
    expect(fr.statusCode).toBe(404)
    expect(fr.json().code).toBe('DERBES_LANGUAGE_NOT_SUPPORTED')
    expect((await app.inject('/notice/nobody/kk')).json().code).toBe('DERBES_OPERATOR_NOT_FOUND')
  })

  it('prints a consent form of the published policy, and refuses an unknown one', async () => {
    const { policy } = (await app.inject('/v1/operators/esp/policy')).json()
    const form = policy.consentForms[0].id
    const res = await app.inject(`/notice/esp/kk/consent-forms/${form}`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('220240037922') // ESP-App.1: operator's BIN on the form, art. 8(4)(1)
    expect((await app.inject('/notice/esp/kk/consent-forms/nope')).json().code).toBe('DERBES_NOT_FOUND')
  })

  it('lints a stored version: KZK keeps data without a time limit (KZK-3.12, art. 12(2))', async () => {
    const { publishedVersionId } = (await app.inject('/v1/operators/kzk')).json()
    const report = (await as('kzk', { url: `/v1/operators/kzk/policy/versions/${publishedVersionId}/lint` })).json()
    expect(report.counts.error).toBeGreaterThan(0)
    const unlimited = report.findings.find((f: { ruleId: string }) => f.ruleId === 'retention-unlimited')
    expect(unlimited).toMatchObject({ severity: 'error', path: expect.stringMatching(/^\/retention\/\d+\/keep$/) })
    expect(unlimited.line).toBeGreaterThan(1)
  })

  it('says what changed in a new version, in the language asked for', async () => {
    const doc = parseDocument(TW)
    doc.setIn(['version', 'id'], 'with-partner')
    doc.setIn(['recipients'], doc.createNode([
      {
        id: 'partner-ru',
        name: { kk: 'Серіктес', ru: 'Партнёр', en: 'Partner' },
        role: 'partner',
        country: 'RU',
        purposes: ['newsletters'],
      },
    ]))
    const upload = await as('tw', { method: 'POST', url: '/v1/operators/tw/policy/versions', headers: { 'content-type': 'application/yaml' }, payload: doc.toString() })
    expect(upload.statusCode, upload.body).toBe(201)
    const diff = (await as('tw', { url: '/v1/operators/tw/policy/versions/with-partner/diff?lang=ru' })).json()
    expect(diff.before).toBe(twVersion)
    const added = diff.changes.find((c: { area: string; kind: string }) => c.area === 'recipients' && c.kind === 'added')
    expect(added).toMatchObject({ id: 'partner-ru', crossBorder: true })
    expect(added.summary).toMatch(/[а-я]/)
    const first = (await as('tw', { url: `/v1/operators/tw/policy/versions/${twVersion}/diff` })).json()
    expect(first).toEqual({ before: null, after: twVersion, changes: [] })
  })
})
