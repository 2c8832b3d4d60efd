import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ChunkOptions, ChunkSummary } from './scan-chunk.ts'
import type { ChunkJob } from './scan-worker.ts'

const WORKER = new URL('./scan-worker-entry.mjs', import.meta.url)

/**
 * Worker threads for the file scan, one per core by default (issue 7: "in
 * worker threads (one per core)"). The workers run TypeScript through tsx,
 * the way the rest of Derbes runs. `submit` waits for a free worker, so a
 * reader that awaits it holds one chunk per worker (and the one it is
 * reading) in memory, whatever the file's size.
 */
export class ChunkPool {
  readonly size: number
  readonly #workers: Worker[]
  readonly #idle: Worker[]
  readonly #pending = new Map<number, { resolve: (summary: ChunkSummary) => void; reject: (error: Error) => void }>()
  readonly #waiting: (() => void)[] = []
  #nextId = 0
  /** Chunk memory the workers gave back: reused, so a scan of any size touches only a few chunks' worth of fresh pages. */
  readonly #spare: ArrayBuffer[] = []
  /** Why the pool can take no more work: a worker failed or exited. */
  #failure: Error | undefined

  constructor(size = availableParallelism()) {
    this.size = Math.max(1, size)
    this.#workers = Array.from({ length: this.size }, () => {
      const worker = new Worker(WORKER)
      worker.on('message', ({ id, summary, buffer }: { id: number; summary: ChunkSummary; buffer: ArrayBuffer }) => {
        this.#spare.push(buffer)
        this.#settle(worker, id, (p) => p.resolve(summary))
      })
      worker.on('error', (error) => this.#fail(error))
      worker.on('exit', (code) => {
        if (!this.#closing) this.#fail(new Error(`a discovery worker thread exited with code ${code}`))
      })
      return worker
    })
    this.#idle = [...this.#workers]
  }

  /**
   * Hands `chunk` to the next free worker, once there is one; the chunk's
   * memory moves to that worker. The summary arrives later.
   */
  async submit(chunk: Buffer, options: ChunkOptions): Promise<{ summary: Promise<ChunkSummary> }> {
    while (this.#idle.length === 0 && !this.#failure) await new Promise<void>((resolve) => this.#waiting.push(resolve))
    if (this.#failure) throw this.#failure
    const worker = this.#idle.shift()!
    const id = this.#nextId++
    const job: ChunkJob = { id, buffer: chunk.buffer as ArrayBuffer, offset: chunk.byteOffset, length: chunk.length, options }
    const summary = new Promise<ChunkSummary>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      worker.postMessage(job, [job.buffer])
    })
    return { summary }
  }

  #closing = false

  /** A buffer of at least `size` bytes: one a worker gave back, or a new one. */
  allocate(size: number): Buffer {
    const i = this.#spare.findIndex((b) => b.byteLength >= size)
    return i >= 0 ? Buffer.from(this.#spare.splice(i, 1)[0]!, 0, size) : Buffer.allocUnsafeSlow(size)
  }

  close(): Promise<number[]> {
    this.#closing = true
    return Promise.all(this.#workers.map((worker) => worker.terminate()))
  }

  /** A failed worker fails the scan: every chunk in flight and every one waiting, never a silent gap in the counts. */
  #fail(error: Error): void {
    this.#failure ??= error
    for (const pending of this.#pending.values()) pending.reject(this.#failure)
    this.#pending.clear()
    for (const wake of this.#waiting.splice(0)) wake()
  }

  #settle(worker: Worker, id: number, settle: (pending: { resolve: (summary: ChunkSummary) => void; reject: (error: Error) => void }) => void): void {
    const pending = this.#pending.get(id)
    this.#pending.delete(id)
    this.#idle.push(worker)
    this.#waiting.shift()?.()
    if (pending) settle(pending)
  }
}
