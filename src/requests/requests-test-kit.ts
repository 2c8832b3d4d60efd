// Test support for the requests suites: seed policies compiled from the repository's files, and a
// fixture of one database with the five seed operators, an app and module deps sharing a settable
// clock, the memory keyring and the calendar.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { issueApiKey, type Permission } from '../access/index.ts'
import { LocalKeyFileSigner } from '../audit/index.ts'
import type { DatabaseHandle } from '../db/index.ts'
import type { TestDatabase } from '../db/test-databases.ts'
import { buildTestApp } from '../http/index.ts'
import { BusinessCalendar } from '../kz/index.ts'
import { seedOperators } from '../operators/index.ts'
import { compilePolicy, loadPolicy, type CompiledPolicy, type PolicyDocument } from '../policy/index.ts'
import { addRepresentative, registerSubject, type RegisterSubjectInput, type RepresentativeInput } from '../subjects/index.ts'
import { MemoryKeyProvider } from '../subjects/crypto/index.ts'
import { DEFAULT_REQUEST_SETTINGS } from './request-settings.ts'
import type { RequestsDeps } from './requests-deps.ts'

export type Seed = 'ttc' | 'tw' | 'esp' | 'kzk' | 'ps'

/** A seed operator's policy as published, optionally edited first (a stricter or looser deadline). */
export function seedPolicy(seed: Seed, edit?: (document: PolicyDocument) => void): CompiledPolicy {
  const loaded = loadPolicy(readFileSync(new URL(`../../policies/${seed}.yaml`, import.meta.url), 'utf8'), `policies/${seed}.yaml`)
  if (!loaded.ok) throw new Error(`policies/${seed}.yaml does not load`)
  const document = structuredClone(loaded.document)
  edit?.(document)
  return compilePolicy(document)
}

/**
 * How long a suite may take to open its fixture (a database, migrations, the seed policies published):
 * seconds on an idle machine, but the suites share two cores with everyone else's.
 */
export const FIXTURE_TIMEOUT_MS = 180_000

export const REQUEST_PERMISSIONS: Permission[] = ['requests:read', 'requests:manage']

export interface RequestsFixture {
  database: DatabaseHandle
  deps: RequestsDeps
  app: FastifyInstance
  /** Moves the clock of the deps and the app. */
  setNow(at: Date | string): void
  now(): Date
  /** A bearer token of an API key of the operator (both request permissions by default). */
  token(operatorId: string, permissions?: Permission[]): Promise<string>
  call(token: string | undefined, options: InjectOptions): Promise<LightMyRequestResponse>
  /** Registers a subject through the subjects module, with the fixture's keyring. */
  subject(operatorId: string, input: Omit<RegisterSubjectInput, 'operatorId'>): Promise<string>
  representative(input: RepresentativeInput): Promise<void>
  close(): Promise<void>
}

/** Publishes the seed policies named (all five by default): a scenario of one operator needs only its own. */
async function publishSeeds(db: DatabaseHandle['db'], clock: () => Date, seeds: readonly Seed[] | undefined): Promise<void> {
  if (!seeds) {
    await seedOperators({ db, clock }, 'policies')
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'derbes-requests-seeds-'))
  try {
    for (const seed of seeds) copyFileSync(new URL(`../../policies/${seed}.yaml`, import.meta.url), join(dir, `${seed}.yaml`))
    await seedOperators({ db, clock }, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * One database with seed policies published — all five, or those in `options.seeds` — at `start`
 * (Almaty time: 2 December 2026, 10:00 by default).
 */
export async function openRequestsFixture(target: TestDatabase, start: string = '2026-12-02T10:00:00+05:00', options: { seeds?: readonly Seed[] } = {}): Promise<RequestsFixture> {
  const database = await target.open()
  let now = new Date(start)
  const clock = () => now
  const keys = new MemoryKeyProvider()
  const calendar = new BusinessCalendar()
  await publishSeeds(database.db, clock, options.seeds)
  const app = await buildTestApp(database, { clock, keys, calendar, signer: LocalKeyFileSigner.ephemeral() })
  // Route schemas compile on the first request: do it here, under the fixture's time limit, not the first test's.
  await app.ready()
  const deps: RequestsDeps = { db: database.db, clock, keys, calendar, settings: { ...DEFAULT_REQUEST_SETTINGS } }
  return {
    database,
    deps,
    app,
    setNow: (at) => {
      now = new Date(at)
    },
    now: clock,
    token: async (operatorId, permissions = REQUEST_PERMISSIONS) =>
      (await issueApiKey(database.db, { operatorId, name: 'test', permissions, createdBy: 'test' }, now)).token,
    call: (token, options) => app.inject({ ...options, headers: { ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } }),
    subject: async (operatorId, input) => (await registerSubject(deps, { operatorId, ...input }, 'test')).subjectId,
    representative: async (input) => {
      await addRepresentative(deps, input, 'test')
    },
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}

/** What the audit log and the outbox hold for a request, in order. */
export async function trailOf(deps: Pick<RequestsDeps, 'db'>, operatorId: string, requestId: string): Promise<{ audit: string[]; events: string[] }> {
  const audit = await deps.db.selectFrom('audit_entries').select(['action', 'details']).where('operator_id', '=', operatorId).orderBy('seq').execute()
  const events = await deps.db.selectFrom('event_outbox').select(['type', 'data']).where('operator_id', '=', operatorId).orderBy('seq').execute()
  const mine = (details: unknown) => (details as { requestId?: string } | null)?.requestId === requestId
  return { audit: audit.filter((a) => mine(a.details)).map((a) => a.action), events: events.filter((e) => mine(e.data)).map((e) => e.type) }
}
