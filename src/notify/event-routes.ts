import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize } from '../access/index.ts'
import type { AppDeps } from '../http/app-deps.ts'
import { CreatedWebhook, DeliveriesQuery, DeliveryParams, DeliveryView, EventsQuery, EventView, OperatorParams, WebhookBody, WebhookParams, WebhookView } from './event-schemas.ts'
import { listEvents } from './list-events.ts'
import type { DeliveryStatus } from './notify-tables.ts'
import { listDeliveries, retryDelivery } from './webhook-deliveries.ts'
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookEndpoints } from './webhook-endpoints.ts'

const problem = { $ref: 'Problem#' }
const denied = { 401: problem, 403: problem }

type Op = { Params: { operatorId: string } }
type Wh = { Params: { operatorId: string; webhookId: string } }

/** Webhook endpoints, their deliveries, and the pull feed of the outbox; all need `events:manage`. */
export async function eventRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post<Op & { Body: { url: string; eventTypes?: string[] } }>('/v1/operators/:operatorId/webhooks', {
    schema: {
      tags: ['events'],
      summary: 'Register a webhook endpoint; the answer carries its signing secret, shown once',
      params: OperatorParams,
      body: WebhookBody,
      response: { 201: CreatedWebhook, 400: problem, ...denied },
    },
  }, async (request, reply) => {
    const principal = authorize(request, request.params.operatorId, 'events:manage')
    const created = await createWebhookEndpoint(deps, request.params.operatorId, { ...request.body, createdBy: principal.actor }, deps.clock())
    return reply.status(201).send(created)
  })

  app.get<Op>('/v1/operators/:operatorId/webhooks', {
    schema: { tags: ['events'], summary: "The operator's webhook endpoints", params: OperatorParams, response: { 200: Type.Object({ webhooks: Type.Array(WebhookView) }), ...denied } },
  }, async (request) => {
    authorize(request, request.params.operatorId, 'events:manage')
    return { webhooks: await listWebhookEndpoints(deps.db, request.params.operatorId) }
  })

  app.delete<Wh>('/v1/operators/:operatorId/webhooks/:webhookId', {
    schema: { tags: ['events'], summary: 'Remove a webhook endpoint and its deliveries', params: WebhookParams, response: { 204: Type.Null(), 404: problem, ...denied } },
  }, async (request, reply) => {
    authorize(request, request.params.operatorId, 'events:manage')
    await deleteWebhookEndpoint(deps.db, request.params.operatorId, request.params.webhookId)
    return reply.status(204).send()
  })

  app.get<Wh & { Querystring: { before?: number; limit?: number; status?: DeliveryStatus } }>('/v1/operators/:operatorId/webhooks/:webhookId/deliveries', {
    schema: {
      tags: ['events'],
      summary: "An endpoint's deliveries, newest event first: status, attempts, next attempt, last error",
      params: WebhookParams,
      querystring: DeliveriesQuery,
      response: { 200: Type.Object({ deliveries: Type.Array(DeliveryView), nextBefore: Type.Union([Type.Integer(), Type.Null()]) }), 404: problem, ...denied },
    },
  }, async (request) => {
    authorize(request, request.params.operatorId, 'events:manage')
    return listDeliveries(deps.db, request.params.operatorId, request.params.webhookId, request.query)
  })

  app.post<{ Params: { operatorId: string; webhookId: string; deliveryId: string } }>('/v1/operators/:operatorId/webhooks/:webhookId/deliveries/:deliveryId/retry', {
    schema: {
      tags: ['events'],
      summary: 'Send a delivery again now (failed, delivered or waiting out its back-off)',
      params: DeliveryParams,
      response: { 202: DeliveryView, 404: problem, 409: problem, ...denied },
    },
  }, async (request, reply) => {
    authorize(request, request.params.operatorId, 'events:manage')
    const { operatorId, webhookId, deliveryId } = request.params
    return reply.status(202).send(await retryDelivery(deps.db, operatorId, webhookId, deliveryId, deps.clock()))
  })

  app.get<Op & { Querystring: { after?: number; limit?: number } }>('/v1/operators/:operatorId/events', {
    schema: {
      tags: ['events'],
      summary: "The operator's events after `after`, oldest first (the pull feed of the outbox)",
      params: OperatorParams,
      querystring: EventsQuery,
      response: { 200: Type.Object({ events: Type.Array(EventView), nextAfter: Type.Integer() }), 400: problem, ...denied },
    },
  }, async (request) => {
    authorize(request, request.params.operatorId, 'events:manage')
    return listEvents(deps.db, request.params.operatorId, request.query)
  })
}
