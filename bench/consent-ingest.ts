import { randomUUID } from 'node:crypto'
import type { DatabaseHandle } from '../src/db/index.ts'
import { freshDatabase } from '../src/db/test-databases.ts'
import { BusinessCalendar } from '../src/kz/index.ts'
import { getPublishedVersion, seedOperators } from '../src/operators/index.ts'
import { consentTextHash } from '../src/consent/evidence/index.ts'
import { consentEventRow } from '../src/consent/ledger/append-consent-event.ts'
import { buildConsentRecord, serializeConsentRecord } from '../src/consent/ledger/build-consent-record.ts'
import { resolveConsentScope } from '../src/consent/ledger/consent-scope.ts'
import { IMPORT_CHUNK, importConsents, type ImportConsentInput } from '../src/consent/ledger/import-consents.ts'
import { MemoryKeyProvider } from '../src/subjects/crypto/index.ts'
import { median, type BenchResult } from './measure.ts'

const SUBJECTS_CHUNK = 1000

/** PGlite in memory, or a fresh schema on the server (dropped afterwards). */
const open = (databaseUrl: string | undefined): Promise<DatabaseHandle> => freshDatabase(databaseUrl)

/**
 * Consent ingest with the hash chain — `importConsents`: each consent checked
 * against ESP's published separate marketing form (ESP-2, SMS only), its
 * record built and hashed, ledger rows, state rows and audit entries chained
 * in one transaction — against a plain batched INSERT of the same
 * `consent_events` rows (built beforehand, one transaction, 250 rows per
 * statement like the import's: on PostgreSQL the plain INSERT's fastest —
 * 1,000-row statements cost its server 1.7× the CPU), alternating rounds on
 * fresh subjects; medians. Ops = consents.
 * The subject's clock starts with the inputs as a caller has them (subjects
 * registered, nothing built); the baseline's with its rows already built.
 * On embedded PGlite, or on the server `databaseUrl` names.
 */
export async function benchConsentIngest(options: { consents?: number; rounds?: number; databaseUrl?: string } = {}): Promise<BenchResult & { ratio: number }> {
  const { consents = 5_000, rounds = 5, databaseUrl } = options
  const database = await open(databaseUrl)
  try {
    const clock = () => new Date('2026-12-02T10:00:00+05:00')
    await seedOperators({ db: database.db, clock }, 'policies')
    const deps = { db: database.db, clock, keys: new MemoryKeyProvider(), calendar: new BusinessCalendar() }
    const policy = (await getPublishedVersion(deps, 'esp')).compiled
    const form = policy.consentForms.get('marketing-messages')!
    const scope = resolveConsentScope(policy, form, { channels: { advertising: ['sms'] } })

    const subjectsFor = async (): Promise<string[]> => {
      const ids = Array.from({ length: consents }, () => randomUUID())
      for (let start = 0; start < ids.length; start += SUBJECTS_CHUNK) {
        await database.db.insertInto('subjects').values(ids.slice(start, start + SUBJECTS_CHUNK).map((id) => ({ operator_id: 'esp', subject_id: id, kind: 'client' }))).execute()
      }
      return ids
    }
    const inputsFor = (ids: string[]): ImportConsentInput[] => ids.map((subjectId, i) => ({
      operatorId: 'esp', subjectId, formId: 'marketing-messages', language: 'ru', method: 'checkbox', channels: { advertising: ['sms'] },
      evidence: { register: `Q-${i}` }, givenAt: new Date(Date.parse('2025-06-01T05:00:00Z') + i * 1000), recordedBy: 'import:bench',
    }))
    const rowsFor = (ids: string[]) => inputsFor(ids).map((input) => {
      const record = buildConsentRecord({
        eventId: randomUUID(), kind: 'given', policy, form, language: input.language, textHash: consentTextHash(form, input.language),
        subject: { id: input.subjectId, kind: 'client' }, givenBy: { kind: 'subject' }, scope, expiresAt: null, method: input.method,
        evidence: { imported: true, ...input.evidence }, recordedAt: clock(), effectiveAt: input.givenAt, recordedBy: input.recordedBy, sealed: null,
      })
      return consentEventRow('esp', record, serializeConsentRecord(record))
    })
    const subject = async () => {
      const inputs = inputsFor(await subjectsFor())
      const t = performance.now()
      await importConsents(deps, inputs)
      return (consents * 1000) / (performance.now() - t)
    }
    const baseline = async () => {
      const rows = rowsFor(await subjectsFor())
      const t = performance.now()
      await database.db.transaction().execute(async (trx) => {
        for (let start = 0; start < rows.length; start += IMPORT_CHUNK) await trx.insertInto('consent_events').values(rows.slice(start, start + IMPORT_CHUNK)).execute()
      })
      return (consents * 1000) / (performance.now() - t)
    }
    await subject()
    await baseline()
    const a: number[] = []
    const b: number[] = []
    for (let round = 0; round < rounds; round++) {
      a.push(await subject())
      b.push(await baseline())
    }
    const opsPerSec = median(a)
    const baselineOpsPerSec = median(b)
    return {
      name: `consent ingest — ${consents.toLocaleString('en-US')} consents per round on ${databaseUrl ? 'PostgreSQL' : 'PGlite'} (ops = consents)`,
      subject: 'importConsents (check, record, hash; events+state+audit chain)',
      baseline: `plain INSERT of the same consent_events rows, ${IMPORT_CHUNK} a statement`,
      opsPerSec,
      baselineOpsPerSec,
      ratio: opsPerSec / baselineOpsPerSec,
    }
  } finally {
    await database.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatResult } = await import('./measure.ts')
  if (process.env.DATABASE_URL) process.stdout.write(`${formatResult(await benchConsentIngest({ databaseUrl: process.env.DATABASE_URL }))}\n\n`)
  process.stdout.write(`${formatResult(await benchConsentIngest())}\n`)
}
