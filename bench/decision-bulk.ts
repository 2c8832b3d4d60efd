import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import pg from 'pg'
import { decisionRulesFor, planAudience, streamAudience } from '../src/consent/decisions/index.ts'
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/db/index.ts'
import { getPublishedVersion } from '../src/operators/index.ts'
import { generateEspSubjects, seedEsp } from './decision-fixtures.ts'

export interface BulkBenchResult {
  name: string
  subjects: number
  audience: number
  /** Seconds to stream the whole audience (median of the rounds). */
  streamSeconds: number
  /** Seconds of `select count(*) from consent_state` over the same table (median). */
  countSeconds: number
  /** streamSeconds / countSeconds. */
  ratio: number
  generateSeconds: number
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function adminQuery(databaseUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/**
 * The bulk audience of 1,000,000 ESP subjects for SMS marketing (ESP-2) on
 * the PostgreSQL server of DATABASE_URL: subjects and consent rows made with
 * generate_series in a schema of its own, the audience streamed page by page
 * (10,000 per keyset page) exactly as the bulk endpoint streams it, against a
 * plain `count(*)` over consent_state in the same run; the schema is dropped
 * afterwards. Target: under 3 s. Returns undefined without DATABASE_URL.
 */
export async function benchDecisionBulk(options: { subjects?: number; rounds?: number } = {}): Promise<BulkBenchResult | undefined> {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) return undefined
  const subjects = options.subjects ?? 1_000_000
  const rounds = options.rounds ?? 3
  const schema = `derbes_bench_${randomBytes(6).toString('hex')}`
  await adminQuery(databaseUrl, `create schema ${schema}`)
  let database: DatabaseHandle | undefined
  try {
    database = await openDatabase({ databaseUrl, searchPath: schema })
    const db = database.db
    await migrateToLatest(db, { schema })
    await seedEsp(db)
    let started = performance.now()
    await generateEspSubjects(db, subjects)
    const generateSeconds = (performance.now() - started) / 1000
    const { compiled } = await getPublishedVersion({ db, clock: () => new Date() }, 'esp')
    const plan = planAudience(decisionRulesFor(compiled), { purpose: 'advertising', channel: 'sms' }, new Date())

    const streamTimes: number[] = []
    const countTimes: number[] = []
    let audience = 0
    for (let round = 0; round < rounds; round++) {
      started = performance.now()
      let lines = 0
      for await (const chunk of streamAudience(db, plan)) for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines++
      streamTimes.push((performance.now() - started) / 1000)
      audience = lines - 1 // the last line is the summary

      started = performance.now()
      await sql`select count(*) from consent_state`.execute(db)
      countTimes.push((performance.now() - started) / 1000)
    }
    const streamSeconds = median(streamTimes)
    const countSeconds = median(countTimes)
    return {
      name: `bulk audience — ${subjects.toLocaleString('en-US')} ESP subjects, SMS marketing (ESP-2), PostgreSQL`,
      subjects,
      audience,
      streamSeconds,
      countSeconds,
      ratio: streamSeconds / countSeconds,
      generateSeconds,
    }
  } finally {
    await database?.close()
    await adminQuery(databaseUrl, `drop schema ${schema} cascade`)
  }
}

/** The figures as `npm run bench` prints them. */
export function formatBulkResult(r: BulkBenchResult | undefined): string {
  if (!r) return 'bulk audience — skipped: set DATABASE_URL to a PostgreSQL server to measure it\n'
  return [
    r.name,
    `  stream the audience (${r.audience.toLocaleString('en-US')} subjects, NDJSON)   ${r.streamSeconds.toFixed(2)} s   (target < 3 s)`,
    `  baseline: select count(*) from consent_state      ${r.countSeconds.toFixed(2)} s`,
    `  ratio: ${r.ratio.toFixed(2)}× the count's time   (data generated in ${r.generateSeconds.toFixed(1)} s, then dropped)`,
    '',
  ].join('\n')
}
