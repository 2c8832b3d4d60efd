import { randomUUID } from 'node:crypto'
import type { DatabaseHandle } from '../src/db/index.ts'
import { freshDatabase } from '../src/db/test-databases.ts'
import { BusinessCalendar } from '../src/kz/index.ts'
import { getPublishedVersion, seedOperators } from '../src/operators/index.ts'
import { consentTextHash } from '../src/consent/evidence/index.ts'
import { auditEntryBody, GENESIS_HASH, hashAuditBody } from '../src/audit/index.ts'
import { consentAuditDetails, consentEventRow } from '../src/consent/ledger/append-consent-event.ts'
import { buildConsentRecord, serializeConsentRecord } from '../src/consent/ledger/build-consent-record.ts'
import { resolveConsentScope } from '../src/consent/ledger/consent-scope.ts'
import { stateRowsOf, toStateInsert } from '../src/consent/ledger/project-consent-state.ts'
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
 *
 * A second baseline inserts, just as plainly, every row the import writes:
 * the same ledger rows, their state rows and one audit row each (body and
 * hash built beforehand, in a chain of their own, under another operator) —
 * what the import costs beyond writing its rows: checking, building,
 * hashing and chaining. Both ratios are printed.
 * The subject's clock starts with the inputs as a caller has them (subjects
 * registered, nothing built); the baseline's with its rows already built.
 * On embedded PGlite, or on the server `databaseUrl` names.
 */
export interface IngestResult extends BenchResult {
  ratio: number
  /** The second baseline: every row the import writes, inserted plainly. */
  allRowsOpsPerSec: number
  allRowsRatio: number
}

export async function benchConsentIngest(options: { consents?: number; rounds?: number; databaseUrl?: string } = {}): Promise<IngestResult> {
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
    // The second baseline's audit rows chain under an operator of their own: the import's chain stays the import's.
    await database.db.insertInto('operators').values({ operator_id: 'plain', name: JSON.stringify({ kk: 'p', ru: 'p', en: 'p' }), bin: null }).execute()
    let plainSeq = 0
    let plainHash = GENESIS_HASH
    const allRowsFor = (ids: string[]) => {
      const events = rowsFor(ids)
      const state = events.map((row, i) => {
        const record = JSON.parse(row.record as string)
        return stateRowsOf(record, 'given', scope.foreignPurposes).map((r) => toStateInsert('esp', ids[i]!, r, clock()))
      }).flat()
      const audit = events.map((row) => {
        const record = JSON.parse(row.record as string)
        const body = auditEntryBody({
          operatorId: 'plain', seq: ++plainSeq, at: clock(), actor: 'import:bench', action: 'consent_given', subjectId: row.subject_id,
          basis: null, purpose: null, details: { ...consentAuditDetails(record, row.record_hash), imported: true }, prevHash: plainHash,
        })
        plainHash = hashAuditBody(body)
        return { operator_id: 'plain', seq: plainSeq, body, hash: plainHash }
      })
      return { events, state, audit }
    }
    const allRows = async () => {
      const { events, state, audit } = allRowsFor(await subjectsFor())
      const t = performance.now()
      await database.db.transaction().execute(async (trx) => {
        for (let start = 0; start < events.length; start += IMPORT_CHUNK) {
          await trx.insertInto('consent_events').values(events.slice(start, start + IMPORT_CHUNK)).execute()
          await trx.insertInto('audit_entries').values(audit.slice(start, start + IMPORT_CHUNK)).execute()
        }
        for (let start = 0; start < state.length; start += IMPORT_CHUNK) await trx.insertInto('consent_state').values(state.slice(start, start + IMPORT_CHUNK)).execute()
      })
      return (consents * 1000) / (performance.now() - t)
    }
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
    await allRows()
    const a: number[] = []
    const b: number[] = []
    const c: number[] = []
    for (let round = 0; round < rounds; round++) {
      a.push(await subject())
      b.push(await baseline())
      c.push(await allRows())
    }
    const opsPerSec = median(a)
    const baselineOpsPerSec = median(b)
    const allRowsOpsPerSec = median(c)
    return {
      name: `consent ingest — ${consents.toLocaleString('en-US')} consents per round on ${databaseUrl ? 'PostgreSQL' : 'PGlite'} (ops = consents)`,
      subject: 'importConsents (check, record, hash; events+state+audit chain)',
      baseline: `plain INSERT of the same consent_events rows, ${IMPORT_CHUNK} a statement`,
      opsPerSec,
      baselineOpsPerSec,
      ratio: opsPerSec / baselineOpsPerSec,
      allRowsOpsPerSec,
      allRowsRatio: opsPerSec / allRowsOpsPerSec,
    }
  } finally {
    await database.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatResult } = await import('./measure.ts')
  for (const url of [process.env.DATABASE_URL, undefined]) if (url !== '') process.stdout.write(`${formatIngestResult(await benchConsentIngest(url ? { databaseUrl: url } : {}), formatResult)}\n`)
}

/** The result with both ratios, for the printout. */
export function formatIngestResult(r: IngestResult, formatResult: (r: BenchResult) => string): string {
  const f = (n: number) => Math.round(n).toLocaleString('en-US')
  return (
    `${formatResult(r)}\n  ratio ${r.ratio.toFixed(2)} of the plain INSERT's speed (target ≥ 0.5)\n` +
    `  second baseline: every row the import writes (ledger, state, audit), inserted plainly: ${f(r.allRowsOpsPerSec)} consents/s; ratio ${r.allRowsRatio.toFixed(2)}\n`
  )
}
