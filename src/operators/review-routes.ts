import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { requirePermission } from '../access/index.ts'
import { DerbesError } from '../errors/index.ts'
import { compilePolicy, LANGUAGES, loadPolicy, type Language } from '../policy/index.ts'
import { renderNotice } from '../policy/render/index.ts'
import { diffPolicies } from '../policy/diff/index.ts'
import { lintPolicy } from '../policy/lint/index.ts'
import { VersionParams } from './operator-schemas.ts'
import type { OperatorsDeps } from './operators-deps.ts'
import { getPreviousVersion, getVersion } from './read-policies.ts'

const problem = { $ref: 'Problem#' }

/** What a responsible person reads before approving a version: its lint report and what changed; and a draft checked as it is typed. */
export async function reviewRoutes(app: FastifyInstance, deps: OperatorsDeps) {
  app.post<{ Params: { operatorId: string }; Body: { source: string; language?: Language } }>('/v1/operators/:operatorId/policy/check', {
    preValidation: requirePermission('policy:read'),
    schema: {
      tags: ['policy'],
      summary: 'Check a draft as it is typed: where it does not load (line, column), its Law 94-V findings, and its notice in kk, ru or en — nothing is stored',
      params: Type.Object({ operatorId: Type.String() }),
      body: Type.Object({
        source: Type.String({ maxLength: 1_000_000, description: 'The policy text, YAML or JSON' }),
        language: Type.Optional(Type.Unsafe<Language>({ type: 'string', enum: [...LANGUAGES] })),
      }, { additionalProperties: false }),
      response: { 400: problem, 401: problem, 403: problem },
    },
  }, async (request) => {
    // Issue 6 §1: "the policy editor with live lint findings and a preview of the notice in three languages".
    const loaded = loadPolicy(request.body.source, 'draft.yaml')
    if (!loaded.ok) return { loads: false, issues: loaded.issues, lint: null, notice: null }
    return {
      loads: true,
      issues: [],
      lint: lintPolicy(loaded),
      notice: renderNotice(compilePolicy(loaded.document), request.body.language ?? 'kk', 'html'),
    }
  })

  app.get<{ Params: { operatorId: string; versionId: string } }>('/v1/operators/:operatorId/policy/versions/:versionId/lint', {
    preValidation: requirePermission('policy:read'),
    schema: {
      tags: ['policy'],
      summary: 'Check a version against Law No. 94-V',
      params: VersionParams,
      response: { 404: problem },
    },
  }, async (request) => {
    const stored = await getVersion(deps, request.params.operatorId, request.params.versionId)
    const loaded = loadPolicy(stored.source, `${stored.view.operatorId}@${stored.view.versionId}.${stored.sourceFormat}`)
    // A stored version was validated on upload; failing here would mean the schema changed under it.
    if (!loaded.ok) throw new DerbesError('DERBES_POLICY_INVALID', 'the stored version no longer loads under the current schema')
    return lintPolicy(loaded)
  })

  app.get<{ Params: { operatorId: string; versionId: string }; Querystring: { against?: string; lang?: Language } }>(
    '/v1/operators/:operatorId/policy/versions/:versionId/diff',
    {
      preValidation: requirePermission('policy:read'),
      schema: {
        tags: ['policy'],
        summary: 'What changed in this version, in words (against the version before it unless `against` is given)',
        params: VersionParams,
        querystring: Type.Object({
          against: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' })),
          lang: Type.Optional(Type.Unsafe<Language>({ type: 'string', enum: [...LANGUAGES] })),
        }),
        response: { 404: problem },
      },
    },
    async (request) => {
      const { operatorId, versionId } = request.params
      const after = await getVersion(deps, operatorId, versionId)
      const before = request.query.against
        ? await getVersion(deps, operatorId, request.query.against)
        : await getPreviousVersion(deps, operatorId, versionId)
      if (!before) return { before: null, after: versionId, changes: [] }
      return { before: before.view.versionId, after: versionId, changes: diffPolicies(before.compiled, after.compiled, request.query.lang ?? 'en') }
    },
  )
}
