import { Type } from '@sinclair/typebox'
import { DELIVERY_STATUSES } from './notify-tables.ts'

const OPERATOR_ID = '^[a-z][a-z0-9-]{0,63}$'
const Timestamp = Type.String({ format: 'date-time' })
const Nullable = <T extends import('@sinclair/typebox').TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export const OperatorParams = Type.Object({ operatorId: Type.String({ pattern: OPERATOR_ID }) })
export const WebhookParams = Type.Object({ operatorId: Type.String({ pattern: OPERATOR_ID }), webhookId: Type.String({ pattern: '^wh_[0-9a-f-]{36}$' }) })
export const DeliveryParams = Type.Object({
  operatorId: Type.String({ pattern: OPERATOR_ID }),
  webhookId: Type.String({ pattern: '^wh_[0-9a-f-]{36}$' }),
  deliveryId: Type.String({ pattern: '^dlv_[0-9a-f-]{36}$' }),
})

export const WebhookBody = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000, description: 'http(s) URL that receives the POSTs' }),
    eventTypes: Type.Optional(Type.Array(Type.String(), { maxItems: 100, description: 'Event types to send; absent or empty: all' })),
  },
  { additionalProperties: false },
)

export const WebhookView = Type.Object({
  webhookId: Type.String(),
  url: Type.String(),
  eventTypes: Nullable(Type.Array(Type.String())),
  createdAt: Timestamp,
  createdBy: Type.String(),
})

export const CreatedWebhook = Type.Composite([
  WebhookView,
  Type.Object({ secret: Type.String({ description: 'The signing secret, `whsec_` + base64; shown only now' }) }),
])

export const DeliveriesQuery = Type.Object({
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'Deliveries of events with seq below this (keyset)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  status: Type.Optional(Type.Unsafe<(typeof DELIVERY_STATUSES)[number]>({ type: 'string', enum: [...DELIVERY_STATUSES] })),
})

export const DeliveryView = Type.Object({
  deliveryId: Type.String(),
  eventId: Type.String(),
  eventType: Type.String(),
  seq: Type.Integer(),
  status: Type.String({ enum: [...DELIVERY_STATUSES] }),
  attempts: Type.Integer(),
  lastAttemptAt: Nullable(Timestamp),
  nextAttemptAt: Nullable(Timestamp),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  deliveredAt: Nullable(Timestamp),
  createdAt: Timestamp,
})

export const EventsQuery = Type.Object({
  after: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'Events with seq greater than this' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
})

export const EventView = Type.Object({
  type: Type.String(),
  timestamp: Timestamp,
  data: Type.Object(
    { operatorId: Type.String(), eventId: Type.String(), seq: Type.Integer(), subjectId: Nullable(Type.String()) },
    { additionalProperties: true },
  ),
})
