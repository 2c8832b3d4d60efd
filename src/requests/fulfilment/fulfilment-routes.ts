import type { Static } from '@sinclair/typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize, requirePermission } from '../../access/index.ts'
import type { AppDeps } from '../../http/app-deps.ts'
import { AnswerMetaSchema, CompleteBody, RequestParams, TaskParams, TaskViewSchema } from './fulfilment-schemas.ts'
import { accessExport, answerPdf, getAnswerMeta } from './read-answer.ts'
import { completeManualTask, retryTask } from './staff-task-actions.ts'
import { listTasks } from './task-view.ts'

const problem = { $ref: 'Problem#' }
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 410: problem }
const base = '/v1/operators/:operatorId/requests/:requestId'
type One = Static<typeof RequestParams>
type Task = Static<typeof TaskParams>

/**
 * A request's fulfilment over HTTP: its tasks (`requests:read`), staff
 * completing a manual task or retrying a failed one (`requests:manage`), the
 * answer's metadata (`requests:read`), and — personal data handed out, so
 * `data:export` and audited — the answer letter as PDF and an access
 * request's data export as JSON or CSV. Credentials are checked before a
 * body is read.
 */
export async function fulfilmentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.addSchema(TaskViewSchema)
  const task = Type.Ref(TaskViewSchema)

  app.get<{ Params: One }>(`${base}/tasks`, {
    preValidation: requirePermission('requests:read'),
    schema: {
      tags: ['requests'],
      summary: "A request's fulfilment tasks, in the order they run",
      description: 'Vault, consent ledger, connected systems, recipients and staff tasks, each with its state, attempts, next attempt and last error; counts only, never values. Needs `requests:read`.',
      params: RequestParams,
      response: { 200: Type.Object({ tasks: Type.Array(task) }), ...errors },
    },
  }, async (request) => ({ tasks: await listTasks(deps.db, request.params.operatorId, request.params.requestId) }))

  app.post<{ Params: Task; Body: Static<typeof CompleteBody> }>(`${base}/tasks/:taskId/complete`, {
    preValidation: requirePermission('requests:manage'),
    schema: {
      tags: ['requests'],
      summary: 'Record a manual task as done (a paper archive, a complaint’s reply), with a note and the evidence’s hash',
      description: 'Only a manual task that is open and no longer waits for earlier tasks. The note is sealed; the completion is audited. Needs `requests:manage`.',
      params: TaskParams,
      body: CompleteBody,
      response: { 200: task, ...errors },
    },
  }, async (request) => {
    const { actor } = authorize(request, request.params.operatorId, 'requests:manage')
    return completeManualTask(deps, { ...request.params, ...request.body }, actor)
  })

  app.post<{ Params: Task }>(`${base}/tasks/:taskId/retry`, {
    preValidation: requirePermission('requests:manage'),
    schema: {
      tags: ['requests'],
      summary: 'Put a task that failed for good back in the queue',
      description: 'After fixing what stopped it (the system, its map, a privilege). Audited. Needs `requests:manage`.',
      params: TaskParams,
      response: { 200: task, ...errors },
    },
  }, async (request) => {
    const { actor } = authorize(request, request.params.operatorId, 'requests:manage')
    return retryTask(deps, request.params, actor)
  })

  app.get<{ Params: One }>(`${base}/answer`, {
    preValidation: requirePermission('requests:read'),
    schema: {
      tags: ['requests'],
      summary: "The answer's metadata: outcome, language, date, policy version, the letter's hash, how it was delivered",
      description: 'Needs `requests:read`. The letter itself: `answer.pdf`.',
      params: RequestParams,
      response: { 200: AnswerMetaSchema, ...errors },
    },
  }, async (request) => getAnswerMeta(deps.db, request.params.operatorId, request.params.requestId))

  app.get<{ Params: One }>(`${base}/answer.pdf`, {
    preValidation: requirePermission('data:export'),
    schema: {
      tags: ['requests'],
      summary: 'The answer letter as sent, as a PDF (Kazakh letters embedded)',
      description: 'Personal data handed out: needs `data:export`, audited as `export`. Gone (410) once the subject was destroyed, when the letter was sealed under its key.',
      params: RequestParams,
      response: errors,
    },
  }, async (request, reply) => {
    const { actor } = authorize(request, request.params.operatorId, 'data:export')
    const { reference, pdf } = await answerPdf(deps, request.params.operatorId, request.params.requestId, actor)
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${reference}.pdf"`).send(pdf)
  })

  for (const format of ['json', 'csv'] as const) {
    app.get<{ Params: One }>(`${base}/export.${format}`, {
      preValidation: requirePermission('data:export'),
      schema: {
        tags: ['requests'],
        summary: `An answered access request's data export as ${format.toUpperCase()} (ESP-3, TW-9.1)`,
        description: 'Every record the vault, the consent ledger and the connected systems gave for the subject: source system, table, item, value, collected at. Needs `data:export`; audited as `export`.',
        params: RequestParams,
        response: errors,
      },
    }, async (request, reply) => {
      const { actor } = authorize(request, request.params.operatorId, 'data:export')
      const { reference, body } = await accessExport(deps, request.params.operatorId, request.params.requestId, format, actor)
      return reply
        .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${reference}-data.${format}"`)
        .send(body)
    })
  }
}
