export { EVENT_TYPES, isEventType, type EventType } from './event-types.ts'
export { enqueueEvent, type OutboxEvent } from './enqueue-event.ts'
export type { NotifyTables } from './notify-tables.ts'
export { eventRoutes } from './event-routes.ts'
