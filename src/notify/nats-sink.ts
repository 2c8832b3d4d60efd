import { randomUUID } from 'node:crypto'
import { jetstream, JetStreamApiCodes, jetstreamManager, JetStreamApiError, type JetStreamClient } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { eventMessage, type SequencedEvent } from './event-message.ts'

export interface NatsSinkOptions {
  /** e.g. `nats://127.0.0.1:4222` (config `natsUrl`, DERBES_NATS_URL). */
  url: string
  /** The JetStream stream, created when missing; `DERBES` by default. */
  stream?: string
  /** Subjects are `<prefix>.<operatorId>.<event type>`; `derbes` by default. */
  subjectPrefix?: string
  /** Events published per pass. */
  batchSize?: number
  /** Each publish must be acknowledged within this. */
  timeoutMs?: number
}

/** How long a process may hold the NATS cursor before another may take it over. */
const LEASE_MS = 60_000

/**
 * The second sink: every sequenced outbox event, in position order, to a
 * JetStream stream, with the event id as `msgID` so JetStream drops a message
 * published twice within its duplicate window. The cursor (`nats:<stream>`)
 * moves only past positions the server acknowledged: a crash between ack and
 * cursor republishes, never loses (consumers dedupe by `Nats-Msg-Id`).
 *
 * @example
 * const sink = await NatsSink.connect({ url: 'nats://127.0.0.1:4222' })
 * await sequenceOutbox(db); await sink.publishPending(db, new Date())
 * await sink.close()
 */
export class NatsSink {
  readonly stream: string
  readonly subjectPrefix: string
  readonly #connection: NatsConnection
  readonly #js: JetStreamClient
  readonly #batchSize: number
  readonly #timeoutMs: number
  /** Names this process as the cursor's lease holder. */
  readonly #owner = `nats-sink:${randomUUID()}`

  private constructor(connection: NatsConnection, options: NatsSinkOptions) {
    this.#connection = connection
    this.#js = jetstream(connection)
    this.stream = options.stream ?? 'DERBES'
    this.subjectPrefix = options.subjectPrefix ?? 'derbes'
    this.#batchSize = options.batchSize ?? 500
    this.#timeoutMs = options.timeoutMs ?? 5_000
  }

  /** Connects and creates the stream (subjects `<prefix>.>`) when it does not exist. */
  static async connect(options: NatsSinkOptions): Promise<NatsSink> {
    const connection = await connect({ servers: options.url, name: 'derbes', maxReconnectAttempts: -1 })
    const sink = new NatsSink(connection, options)
    try {
      const jsm = await jetstreamManager(connection)
      try {
        await jsm.streams.info(sink.stream)
      } catch (error) {
        if (!(error instanceof JetStreamApiError) || error.code !== JetStreamApiCodes.StreamNotFound) throw error
        await jsm.streams.add({ name: sink.stream, subjects: [`${sink.subjectPrefix}.>`] })
      }
    } catch (error) {
      await connection.close()
      throw error
    }
    return sink
  }

  get cursorName(): string {
    return `nats:${this.stream}`
  }

  /**
   * Publishes the events after the cursor, one batch; returns how many were
   * acknowledged. Another process holding the cursor's lease → 0.
   */
  async publishPending(db: Kysely<Database>, now: Date): Promise<number> {
    const position = await this.#lease(db, now)
    if (position === null) return 0
    let acked = position
    try {
      const events = (await db
        .selectFrom('event_outbox')
        .select(['operator_id', 'event_id', 'type', 'subject_id', 'occurred_at', 'data', 'position'])
        .where('position', '>', position)
        .orderBy('position')
        .limit(this.#batchSize)
        .execute()) as SequencedEvent[]
      // Sent together, then the cursor moves past the acknowledged prefix only.
      const results = await Promise.allSettled(
        events.map((event) =>
          this.#js.publish(`${this.subjectPrefix}.${event.operator_id}.${event.type}`, JSON.stringify(eventMessage(event)), {
            msgID: event.event_id,
            timeout: this.#timeoutMs,
          }),
        ),
      )
      for (const [i, result] of results.entries()) {
        if (result.status === 'rejected') {
          if (i === 0) throw result.reason
          break
        }
        acked = Number(events[i]!.position)
      }
      return acked - position
    } finally {
      await db
        .updateTable('event_cursors')
        .set({ position: acked, leased_by: null, leased_until: null })
        .where('name', '=', this.cursorName)
        .where('leased_by', '=', this.#owner)
        .execute()
    }
  }

  async close(): Promise<void> {
    await this.#connection.drain().catch(() => this.#connection.close())
  }

  /** Takes the cursor's lease (free, expired, or already ours) and returns its position; null when another process holds it. */
  async #lease(db: Kysely<Database>, now: Date): Promise<number | null> {
    await db.insertInto('event_cursors').values({ name: this.cursorName }).onConflict((oc) => oc.column('name').doNothing()).execute()
    return db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('event_cursors').selectAll().where('name', '=', this.cursorName).forUpdate().skipLocked().executeTakeFirst()
      if (!row) return null
      if (row.leased_by && row.leased_by !== this.#owner && row.leased_until && new Date(row.leased_until) > now) return null
      await trx.updateTable('event_cursors').set({ leased_by: this.#owner, leased_until: new Date(now.getTime() + LEASE_MS) }).where('name', '=', this.cursorName).execute()
      return Number(row.position)
    })
  }
}
