import { Type, type Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize, requirePermission } from '../access/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { AppDeps } from '../http/app-deps.ts'
import { actPdf } from './acts/act-pdf.ts'
import { getAct, listActs } from './acts/act-view.ts'
import { signAct } from './acts/sign-act.ts'
import { getRetentionRun, listRetentionRuns } from './list-retention-runs.ts'
import { runRetention } from './run-retention.ts'

const problem = { $ref: 'Problem#' }
const denied = { 401: problem, 403: problem }
const tags = ['retention']
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()])
const OperatorId = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' })
const Id = Type.String({ minLength: 1, maxLength: 100 })
const OperatorParams = Type.Object({ operatorId: OperatorId })
const RunParams = Type.Object({ operatorId: OperatorId, runId: Id })
const ActParams = Type.Object({ operatorId: OperatorId, actId: Id })
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 500 }))
const After = Type.Optional(Type.String({ maxLength: 500, description: 'The `next` of the previous page' }))

const Counts = Type.Object({ subjects: Type.Integer(), block: Type.Integer(), anonymise: Type.Integer(), destroy: Type.Integer(), failed: Type.Integer() })
const Run = Type.Object({
  runId: Type.String(),
  asOf: Type.String({ format: 'date-time' }),
  dryRun: Type.Boolean(),
  status: Type.String({ description: 'running, finished or failed' }),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  startedBy: Type.String({ description: '`schedule`, or the staff member or API key that started it' }),
  bySchedule: Type.Boolean(),
  counts: Counts,
  error: Nullable(Type.String()),
  actId: Nullable(Type.String()),
})
const SystemOutcome = Type.Object({
  systemId: Type.String(),
  status: Type.String(),
  rowsByTable: Type.Optional(Type.Record(Type.String(), Type.Integer())),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
})
const RunItem = Type.Object({
  itemNo: Type.Integer(),
  subjectId: Type.String(),
  ruleId: Type.String(),
  step: Type.String(),
  trigger: Type.String(),
  triggeredAt: Type.String({ format: 'date-time' }),
  dueAt: Type.String({ format: 'date-time' }),
  itemIds: Nullable(Type.Array(Type.String())),
  clauses: Type.Array(Type.String()),
  systems: Type.Array(SystemOutcome),
  status: Type.String({ description: 'planned (dry run), done or failed' }),
  error: Nullable(Type.String()),
})
const ActCounts = Type.Object({ subjects: Type.Integer(), anonymised: Type.Integer(), destroyed: Type.Integer(), failed: Type.Integer() })
const Act = Type.Object({
  actId: Type.String(),
  number: Type.Integer(),
  runId: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  contentHash: Type.String({ description: 'Lower-case hex SHA-256 of the canonical content: what the signer confirms' }),
  signedBy: Nullable(Type.String()),
  signedAt: Nullable(Type.String({ format: 'date-time' })),
  edsSigned: Type.Boolean(),
  eds: Nullable(Type.Object({
    signedContent: Type.String({ description: '`canonical_content` (the CMS content is the canonical content, SHA-256 = contentHash) or `content_hash` (the text of contentHash)' }),
    attached: Type.Boolean(),
    digestAlgorithm: Type.String(),
    signatureAlgorithm: Type.String(),
    signedAt: Type.String({ format: 'date-time' }),
    signingTimeSource: Type.String(),
    verifiedAt: Type.String({ format: 'date-time' }),
    subject: Type.String({ description: "The signer certificate's subject DN" }),
    iin: Type.Optional(Type.String({ description: "The IIN of a KZ NCA certificate's serialNumber `IIN…`" })),
    commonName: Type.Optional(Type.String()),
    bin: Type.Optional(Type.String()),
    certificate: Type.Record(Type.String(), Type.String(), { description: 'fingerprintSha256, serialNumber, issuer, notBefore, notAfter' }),
    chain: Type.Array(Type.Record(Type.String(), Type.String())),
    revocation: Type.String({ description: '`not_checked`: no OCSP/CRL offline' }),
  }, { description: 'What the EDS check established; null for an act confirmed without an EDS' })),
  counts: ActCounts,
})
const ActWithContent = Type.Composite([Act, Type.Object({ content: Type.Record(Type.String(), Type.Unknown(), { description: 'The canonical content (format derbes-destruction-act-v1): subject ids only' }) })])

const RunBody = Type.Object({
  dryRun: Type.Boolean({ description: 'true: record what would happen and change nothing else' }),
  asOf: Type.Optional(Type.String({ format: 'date-time', description: 'Evaluate as of this time (default now); a real run may not look into the future' })),
}, { additionalProperties: false })
const SignBody = Type.Object({
  contentHash: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{64}$', description: 'The hash the signer was shown; refused if the act is not that act' })),
  signatureCms: Type.Optional(Type.String({ maxLength: 200_000, description: "The responsible person's EDS: CMS (PKCS#7) SignedData, base64 DER, attached or detached, over the canonical content (SHA-256 = contentHash) or over the text of contentHash; checked against its certificate and the EDS trust directory as consents are" })),
}, { additionalProperties: false })
const PdfQuery = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('kk'), Type.Literal('ru'), Type.Literal('en')], { default: 'kk' })) }, { additionalProperties: false })

/**
 * Retention runs and destruction acts under `/v1/operators/{operatorId}/retention`
 * (issue 5 §2–§3): start a run now (`retention:run`), read runs with their
 * items and acts with their PDF in kk/ru (`retention:read`), and sign an act
 * as the responsible person (`retention:sign`, a staff session). Subject ids
 * only, never a value. Credentials are checked before a body is read.
 */
export async function retentionRunRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const read = requirePermission('retention:read')

  app.post<{ Params: Static<typeof OperatorParams>; Body: Static<typeof RunBody> }>('/v1/operators/:operatorId/retention/runs', {
    preValidation: requirePermission('retention:run'),
    schema: {
      tags, summary: 'Run retention now (dry or real): block, anonymise and destroy what is due, in connected systems then the vault; a real run that did anything makes a destruction act',
      description: 'Needs `retention:run`. Audited (`retention_run`, and `block`/`anonymise`/`destroy` per subject). 409 while another run of the operator is running.',
      params: OperatorParams, body: RunBody,
      response: { 201: Run, 400: problem, ...denied, 409: problem },
    },
  }, async (request, reply) => {
    const { operatorId } = request.params
    const principal = authorize(request, operatorId, 'retention:run')
    const asOf = request.body.asOf === undefined ? undefined : new Date(request.body.asOf)
    if (asOf && !request.body.dryRun && asOf.getTime() > deps.clock().getTime()) {
      throw new DerbesError('DERBES_VALIDATION', 'a real run cannot be made as of a future time: it would destroy data before its term ends; use dryRun to look ahead', [{ pointer: '/body/asOf', detail: 'in the future' }])
    }
    const run = await runRetention(deps, operatorId, { dryRun: request.body.dryRun, actor: principal.actor, ...(asOf ? { asOf } : {}) })
    const { items: _items, next: _next, ...view } = await getRetentionRun(deps, operatorId, run.runId, { limit: 1 })
    return reply.code(201).send(view)
  })

  app.get<{ Params: Static<typeof OperatorParams>; Querystring: { limit?: number; after?: string } }>('/v1/operators/:operatorId/retention/runs', {
    preValidation: read,
    schema: {
      tags, summary: 'Retention runs, newest first, paged', description: 'Needs `retention:read`.',
      params: OperatorParams, querystring: Type.Object({ limit: Limit, after: After }, { additionalProperties: false }),
      response: { 200: Type.Object({ runs: Type.Array(Run), next: Nullable(Type.String()) }), 400: problem, ...denied },
    },
  }, async (request) => listRetentionRuns(deps, request.params.operatorId, request.query))

  app.get<{ Params: Static<typeof RunParams>; Querystring: { limit?: number; after?: number } }>('/v1/operators/:operatorId/retention/runs/:runId', {
    preValidation: read,
    schema: {
      tags, summary: 'One retention run with its items (subject, rule, clauses, step, systems, outcome), paged by item number', description: 'Needs `retention:read`. Subject ids only.',
      params: RunParams, querystring: Type.Object({ limit: Limit, after: Type.Optional(Type.Integer({ minimum: 0, description: 'The `next` of the previous page' })) }, { additionalProperties: false }),
      response: { 200: Type.Composite([Run, Type.Object({ items: Type.Array(RunItem), next: Nullable(Type.Integer()) })]), 400: problem, ...denied, 404: problem },
    },
  }, async (request) => getRetentionRun(deps, request.params.operatorId, request.params.runId, request.query))

  app.get<{ Params: Static<typeof OperatorParams>; Querystring: { signed?: boolean; limit?: number; after?: string } }>('/v1/operators/:operatorId/retention/acts', {
    preValidation: read,
    schema: {
      tags, summary: 'Destruction acts, newest first, paged; `signed=false` lists those waiting for the responsible person', description: 'Needs `retention:read`.',
      params: OperatorParams, querystring: Type.Object({ signed: Type.Optional(Type.Boolean()), limit: Limit, after: After }, { additionalProperties: false }),
      response: { 200: Type.Object({ acts: Type.Array(Act), next: Nullable(Type.String()) }), 400: problem, ...denied },
    },
  }, async (request) => listActs(deps, request.params.operatorId, request.query))

  app.get<{ Params: Static<typeof ActParams> }>('/v1/operators/:operatorId/retention/acts/:actId', {
    preValidation: read,
    schema: {
      tags, summary: 'One destruction act with its canonical content and hash', description: 'Needs `retention:read`. Subject ids only.',
      params: ActParams, response: { 200: ActWithContent, ...denied, 404: problem },
    },
  }, async (request) => getAct(deps, request.params.operatorId, request.params.actId))

  app.get<{ Params: Static<typeof ActParams>; Querystring: Static<typeof PdfQuery> }>('/v1/operators/:operatorId/retention/acts/:actId/pdf', {
    preValidation: read,
    schema: {
      tags, summary: 'A destruction act as a PDF, `lang=kk|ru` (en for auditors), with its signature block', description: 'Needs `retention:read`.',
      params: ActParams, querystring: PdfQuery, response: { 400: problem, ...denied, 404: problem },
    },
  }, async (request, reply) => {
    const language = request.query.lang ?? 'kk'
    const pdf = await actPdf(deps, request.params.operatorId, request.params.actId, language)
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="destruction-act-${request.params.actId}-${language}.pdf"`).send(pdf)
  })

  app.post<{ Params: Static<typeof ActParams>; Body: Static<typeof SignBody> }>('/v1/operators/:operatorId/retention/acts/:actId/sign', {
    preValidation: requirePermission('retention:sign'),
    schema: {
      tags, summary: 'Sign a destruction act as the responsible person: the content hash is checked again, the signer and time recorded',
      description: 'Needs `retention:sign` in a staff session (not an API key). With `signatureCms` it is signed with an EDS: the CMS is verified (signature, content, certificate at the signing time, chain to the EDS trust directory) and kept with the certificate\'s subject and IIN; an invalid one is 422 `DERBES_RETENTION_SIGNATURE_INVALID` and changes nothing. Audited (`retention_act_signed`), event `retention.act_signed`. Signed once: 409 after that.',
      params: ActParams, body: SignBody,
      response: { 200: Act, 400: problem, ...denied, 404: problem, 409: problem, 422: problem },
    },
  }, async (request) => {
    const { operatorId, actId } = request.params
    const principal = authorize(request, operatorId, 'retention:sign')
    if (principal.kind !== 'staff') throw new DerbesError('DERBES_FORBIDDEN', 'a destruction act is signed by the responsible person in a staff session, not by an API key')
    return signAct(deps, operatorId, actId, { actor: principal.actor, ...request.body })
  })
}
