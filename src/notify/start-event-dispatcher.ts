import { DEFAULT_DELIVERY_SETTINGS, type DeliverySettings, type WebhookDeliveryDeps } from './deliver-webhooks.ts'
import { dispatchOnce } from './dispatch-once.ts'
import { NatsSink, type NatsSinkOptions } from './nats-sink.ts'

/** What the dispatcher logs through; a Fastify or pino logger fits. */
export interface DispatcherLog {
  warn(details: object, message: string): void
  error(details: object, message: string): void
}

export interface EventDispatcherOptions extends Partial<DeliverySettings> {
  /** Pause between passes when there was nothing to do (config `eventDispatchIntervalMs`). */
  intervalMs?: number
  /** Publish to NATS JetStream too (config `natsUrl`). */
  natsUrl?: string
  nats?: Omit<NatsSinkOptions, 'url'>
  clock?: () => Date
}

export interface Stopper {
  /** Stops after the pass in progress, if any, and closes the NATS connection. */
  stop(): Promise<void>
}

/** A failed NATS connection is tried again after this. */
const RECONNECT_MS = 30_000

/**
 * Runs {@link dispatchOnce} in a loop: at once again while there is work,
 * `intervalMs` after an idle pass. Connects to NATS lazily, so Derbes starts
 * while NATS is down; events wait in the outbox meanwhile. Errors are logged
 * and the loop goes on — nothing is lost, the database holds every state.
 *
 * @example
 * const dispatcher = startEventDispatcher({ db, keys, log: app.log }, { intervalMs: config.eventDispatchIntervalMs, natsUrl: config.natsUrl })
 * // on shutdown:
 * await dispatcher.stop()
 */
export function startEventDispatcher(deps: WebhookDeliveryDeps & { log?: DispatcherLog }, options: EventDispatcherOptions = {}): Stopper {
  const { intervalMs = 1_000, natsUrl, nats: natsOptions, clock = () => new Date(), ...tuning } = options
  const settings: DeliverySettings = { ...DEFAULT_DELIVERY_SETTINGS, ...tuning }
  const log = deps.log ?? { warn: () => undefined, error: () => undefined }
  let sink: NatsSink | null = null
  let nextConnectAt = 0
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()

  const pass = async () => {
    let busy = false
    try {
      if (natsUrl && !sink && Date.now() >= nextConnectAt) {
        try {
          sink = await NatsSink.connect({ ...natsOptions, url: natsUrl })
        } catch (error) {
          nextConnectAt = Date.now() + RECONNECT_MS
          log.warn({ err: error, natsUrl }, 'NATS is not reachable; events wait in the outbox')
        }
      }
      const result = await dispatchOnce({ ...deps, nats: sink }, clock(), settings)
      busy = Object.values(result).some((n) => n > 0)
    } catch (error) {
      log.error({ err: error }, 'event dispatch failed; retrying')
    }
    if (!stopped) timer = setTimeout(() => (running = pass()), busy ? 0 : intervalMs)
  }
  timer = setTimeout(() => (running = pass()), 0)

  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
      await sink?.close()
    },
  }
}
