import { parentPort } from 'node:worker_threads'
import { scanChunk, type ChunkOptions } from './scan-chunk.ts'

/** One worker thread of the file scan: a chunk in (transferred, not copied), its summary out and the memory back for the next chunk. */
export interface ChunkJob {
  id: number
  buffer: ArrayBuffer
  offset: number
  length: number
  options: ChunkOptions
}

parentPort?.on('message', (job: ChunkJob) => {
  const summary = scanChunk(new Uint8Array(job.buffer, job.offset, job.length), job.options)
  parentPort!.postMessage({ id: job.id, summary, buffer: job.buffer }, [job.buffer])
})
