import autocannon from 'autocannon'
import Fastify, { type FastifyInstance } from 'fastify'
import { issueApiKey } from '../src/access/index.ts'
import { LocalKeyFileSigner } from '../src/audit/index.ts'
import { migrateToLatest, openDatabase } from '../src/db/index.ts'
import { buildApp } from '../src/http/index.ts'
import { MemoryKeyProvider } from '../src/subjects/crypto/index.ts'
import { benchSubjectId, generateEspSubjects, seedEsp } from './decision-fixtures.ts'
import type { BenchResult } from './measure.ts'

export interface HttpBenchOptions {
  /** Seconds of load on each server in all. Default 10. */
  durationSeconds?: number
  connections?: number
  /** The seconds are split into this many alternating rounds, so drift of a shared machine falls on both alike. Default 4. */
  rounds?: number
}

/** Decision requests as a CRM sends them: SMS marketing and delivery, mostly allowed, over several subjects. */
function bodies(): string[] {
  const out: string[] = []
  for (let n = 1; n <= 16; n++) {
    const subjectId = benchSubjectId(n * 37)
    out.push(JSON.stringify(n % 2 === 0
      ? { subjectId, purpose: 'advertising', channel: 'sms', items: ['phone'], lang: 'en' }
      : { subjectId, purpose: 'delivery-service', items: ['full-name', 'residence-address', 'phone'], lang: 'en' }))
  }
  return out
}

async function load(url: string, token: string | null, options: { connections: number; durationSeconds: number }) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: bodies().map((body) => ({ method: 'POST' as const, headers, body })),
  })
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`)
  return { rps: result.requests.average, p99: result.latency.p99 }
}

/**
 * `POST /v1/operators/esp/decisions` of the real app (buildApp, PGlite in
 * memory, 10,000 subjects, a real API key) against a bare Fastify route that
 * answers a constant JSON body to the same requests, both under autocannon
 * on this machine in the same run. Target: ≥ 0.6 × the bare route's requests/s.
 */
export async function benchDecisionHttp(opts: HttpBenchOptions = {}): Promise<BenchResult & { ratio: number; p99Ms: number; baselineP99Ms: number }> {
  const options = { durationSeconds: opts.durationSeconds ?? 10, connections: opts.connections ?? 50 }
  const rounds = opts.rounds ?? 4
  const database = await openDatabase({ dataDir: 'memory://' })
  let app: FastifyInstance | undefined
  let bare: FastifyInstance | undefined
  try {
    await migrateToLatest(database.db)
    await seedEsp(database.db)
    await generateEspSubjects(database.db, 10_000)
    const { token } = await issueApiKey(database.db, { operatorId: 'esp', name: 'bench', permissions: ['decisions'], createdBy: 'bench' }, new Date())
    app = await buildApp({ database, logger: false, keys: new MemoryKeyProvider(), signer: LocalKeyFileSigner.ephemeral() })
    const appUrl = `${await app.listen({ port: 0, host: '127.0.0.1' })}/v1/operators/esp/decisions`
    bare = Fastify({ logger: false })
    const constant = { allow: true, basis: 'consent', reasons: [], policyVersion: '2025-1', decidedAt: '2026-12-10T05:00:00.000Z' }
    bare.post('/decide', async () => constant)
    const bareUrl = `${await bare.listen({ port: 0, host: '127.0.0.1' })}/decide`

    // Warm both: the projection loads on the first decision, and both JITs see the path.
    await load(appUrl, token, { ...options, durationSeconds: 2 })
    await load(bareUrl, null, { ...options, durationSeconds: 2 })
    const round = { ...options, durationSeconds: options.durationSeconds / rounds }
    const baselines: { rps: number; p99: number }[] = []
    const subjects: { rps: number; p99: number }[] = []
    for (let i = 0; i < rounds; i++) {
      baselines.push(await load(bareUrl, null, round))
      subjects.push(await load(appUrl, token, round))
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const baseline = { rps: median(baselines.map((r) => r.rps)), p99: median(baselines.map((r) => r.p99)) }
    const subject = { rps: median(subjects.map((r) => r.rps)), p99: median(subjects.map((r) => r.p99)) }
    return {
      name: `decisions over HTTP — ${options.connections} connections, ${options.durationSeconds} s each in ${rounds} alternating rounds (autocannon, same machine; medians)`,
      subject: 'POST /v1/operators/esp/decisions (buildApp, API key)',
      baseline: 'bare Fastify POST → constant JSON',
      opsPerSec: subject.rps,
      baselineOpsPerSec: baseline.rps,
      ratio: subject.rps / baseline.rps,
      p99Ms: subject.p99,
      baselineP99Ms: baseline.p99,
    }
  } finally {
    await app?.close()
    await bare?.close()
    await database.close()
  }
}
