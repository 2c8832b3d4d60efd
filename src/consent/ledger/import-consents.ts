import { randomUUID } from 'node:crypto'
import { lockAuditChains, type AuditEntryInput } from '../../audit/index.ts'
import { DerbesError, type FieldProblem } from '../../errors/index.ts'
import { almatyDate } from '../../kz/index.ts'
import type { ConsentForm, ConsentMethod } from '../../policy/index.ts'
import { consentTextHash } from '../evidence/index.ts'
import { CONSENT_EVENT_EFFECTS, consentAuditDetails, consentEventRow } from './append-consent-event.ts'
import { buildConsentRecord, serializeConsentRecord, type Language, type SerializedRecord } from './build-consent-record.ts'
import { consentExpiresAt } from './consent-term.ts'
import { resolveConsentScope, type ConsentScope } from './consent-scope.ts'
import { chooseConsentingParty } from './consenting-party.ts'
import { loadImportContext } from './import-context.ts'
import type { LedgerDeps } from './ledger-deps.ts'
import { stateRowsOf, toStateInsert, upsertConsentState, type StateInsert } from './project-consent-state.ts'
import type { ConsentRecord } from '../consent-record.ts'

/** One historical consent to import, as the source system (a CRM, a paper register) knows it. */
export interface ImportConsentInput {
  operatorId: string
  subjectId: string
  formId: string
  formVersion?: number | undefined
  language: Language
  purposes?: readonly string[] | undefined
  channels?: Readonly<Record<string, readonly string[]>> | undefined
  countries?: readonly string[] | undefined
  method: ConsentMethod
  /** What the source proves, without personal data: a register number, a scan's SHA-256. */
  evidence?: Record<string, unknown> | undefined
  givenAt: Date
  givenBy?: { representativeId: string } | undefined
  recordedBy: string
}

/**
 * Consents per chunk: their ledger rows are one INSERT (~1 MB: node-postgres
 * grows its message buffer by copying, which costs disproportionately past
 * that, and the server plans a long VALUES list slowly), their audit entries
 * another. Between chunks the event loop runs, so the connection sends what
 * is queued while the next chunk is built.
 */
export const IMPORT_CHUNK = 250
/** Records built between two yields to the event loop (~2 ms of work). */
const SLICE = 50

/**
 * Imports consents given before Derbes in bulk: each checked like a live
 * consent against the current published form (version, method, scope, who
 * consents, the subject's status), then all written in ONE transaction —
 * ledger rows, state rows (a newer change already recorded wins) and their
 * audit entries, chained and written a chunk at a time while the next chunk
 * is built. Every problem of every input is reported at once
 * (`DERBES_VALIDATION`, pointers `/<index>/<field>`) and nothing is written.
 * No outbox events: an import is not news to the operator's systems, and a
 * million webhooks would be.
 *
 * @example
 * await importConsents(deps, rows.map((r) => ({ operatorId: 'esp', subjectId: r.id, formId: 'app-1', language: 'ru', method: 'paper_signature', evidence: { register: r.no }, givenAt: r.signedAt, recordedBy: 'import:crm' })))
 */
export async function importConsents(deps: LedgerDeps, inputs: readonly ImportConsentInput[]): Promise<{ eventIds: string[] }> {
  const now = deps.clock()
  const context = await loadImportContext(deps, inputs)
  const problems: FieldProblem[] = []
  const scopes = new Map<string, ConsentScope>()
  const prepared = inputs.map((input, i) => {
    try {
      const policy = context.policies.get(input.operatorId)!
      const form = policy.consentForms.get(input.formId)
      if (!form) throw new DerbesError('DERBES_CONSENT_FORM_NOT_FOUND', undefined, [{ pointer: `/${i}/formId`, detail: `no consent form '${input.formId}'` }])
      if (input.formVersion !== undefined && input.formVersion !== form.version) throw new DerbesError('DERBES_CONSENT_FORM_OUTDATED', undefined, [{ pointer: `/${i}/formVersion`, detail: `the current version is ${form.version}` }])
      if (!form.methods.includes(input.method)) throw new DerbesError('DERBES_CONSENT_METHOD_NOT_ALLOWED', undefined, [{ pointer: `/${i}/method`, detail: `not a method of form '${form.id}'` }])
      if (input.givenAt > now) throw new DerbesError('DERBES_VALIDATION', undefined, [{ pointer: `/${i}/givenAt`, detail: 'is in the future' }])
      const subject = context.subjects.get(`${input.operatorId}\u0000${input.subjectId}`)
      if (!subject) throw new DerbesError('DERBES_SUBJECT_NOT_FOUND', undefined, [{ pointer: `/${i}/subjectId`, detail: 'no such subject' }])
      if (subject.status !== 'active') throw new DerbesError(subject.status === 'blocked' ? 'DERBES_SUBJECT_BLOCKED' : 'DERBES_SUBJECT_GONE', undefined, [{ pointer: `/${i}/subjectId`, detail: `the subject is ${subject.status}` }])
      // Thousands of consents usually share a handful of scopes: check each once.
      const scopeKey = JSON.stringify([input.operatorId, form.id, input.purposes, input.channels, input.countries])
      let scope = scopes.get(scopeKey)
      if (!scope) scopes.set(scopeKey, (scope = resolveConsentScope(policy, form, input, `/${i}`)))
      const representatives = context.representatives.get(`${input.operatorId}\u0000${input.subjectId}`) ?? []
      const givenBy = chooseConsentingParty(policy, form, subject, representatives, input.givenBy, almatyDate(input.givenAt), `/${i}`)
      return { input, policy, form, subject, scope, givenBy }
    } catch (error) {
      if (!(error instanceof DerbesError)) throw error
      const found = error.errors.length > 0 ? error.errors : [{ pointer: `/${i}`, detail: error.message }]
      problems.push(...found.map((p) => ({ ...p, code: error.code })))
      return undefined
    }
  })
  if (problems.length > 0) throw new DerbesError('DERBES_VALIDATION', `${problems.length} problem(s) in ${inputs.length} consent(s) to import; nothing was imported`, problems)

  // The same form in the same language has the same text: hash it once (art. 8(4): the exact text shown).
  const textHashes = new Map<ConsentForm, Map<Language, string>>()
  const textHash = (form: ConsentForm, language: Language) => {
    const byLanguage = textHashes.get(form) ?? textHashes.set(form, new Map()).get(form)!
    return byLanguage.get(language) ?? byLanguage.set(language, consentTextHash(form, language)).get(language)!
  }
  const build = (p: NonNullable<(typeof prepared)[number]>): ImportedEvent => {
    const { input, policy, form, scope, givenBy } = p
    const record = buildConsentRecord({
      eventId: randomUUID(), kind: 'given', policy, form, language: input.language, textHash: textHash(form, input.language),
      subject: { id: input.subjectId, kind: p.subject.kind }, givenBy, scope, expiresAt: consentExpiresAt(form.term, input.givenAt),
      method: input.method, evidence: { imported: true, ...input.evidence }, recordedAt: now, effectiveAt: input.givenAt, recordedBy: input.recordedBy, sealed: null,
    })
    return { operatorId: input.operatorId, record, serialized: serializeConsentRecord(record), foreign: scope.foreignPurposes }
  }

  const eventIds: string[] = []
  const state = new LatestState(now)
  await deps.db.transaction().execute(async (trx) => {
    const chains = await lockAuditChains(trx, inputs.map((i) => i.operatorId))
    // Statements are queued, not awaited one by one: while the database writes
    // one chunk this process builds, serialises and hashes the next (on a
    // server they run on different cores). They run in order on the
    // transaction's connection; the first failure fails the import.
    const writes: Promise<unknown>[] = []
    const queue = (write: Promise<unknown>) => {
      // Marked handled at once, so a failure does not surface as unhandled while later chunks are built; allSettled below reports it.
      write.catch(() => undefined)
      writes.push(write)
    }
    for (let start = 0; start < prepared.length; start += IMPORT_CHUNK) {
      const chunk: ImportedEvent[] = []
      for (let slice = start; slice < Math.min(start + IMPORT_CHUNK, prepared.length); slice += SLICE) {
        for (const p of prepared.slice(slice, Math.min(slice + SLICE, start + IMPORT_CHUNK))) chunk.push(build(p!))
        // A statement that finished meanwhile is answered, and the next queued one sent, only when this thread yields.
        await yieldToIo()
      }
      // Only ids and state rows outlive the chunk: a record is garbage once its rows are sent.
      for (const e of chunk) {
        eventIds.push(e.record.recordId)
        state.add(e)
      }
      queue(trx.insertInto('consent_events').values(chunk.map((e) => consentEventRow(e.operatorId, e.record, e.serialized))).execute())
      queue(chains.write(chains.chain(chunk.map(auditEntryOf(now)))))
    }
    // A change recorded after the imported consent was given stays (a withdrawal recorded live wins over an old paper consent).
    queue(upsertConsentState(trx, state.rows(), { keepNewer: true }))
    queue(chains.finish())
    const failed = (await Promise.allSettled(writes)).find((r) => r.status === 'rejected')
    if (failed) throw failed.reason
  })
  return { eventIds }
}

interface ImportedEvent {
  operatorId: string
  record: ConsentRecord
  serialized: SerializedRecord
  foreign: readonly string[]
}

/** The audit entry of an imported consent: the record's hash chained into the operator's log. */
const auditEntryOf = (now: Date) => (e: ImportedEvent): AuditEntryInput => ({
  operatorId: e.operatorId,
  at: now,
  actor: e.record.recordedBy,
  action: CONSENT_EVENT_EFFECTS.given.action,
  subjectId: e.record.subject.id,
  purpose: e.record.purposes.length === 1 ? e.record.purposes[0]!.id : null,
  details: { ...consentAuditDetails(e.record, e.serialized.hash), imported: true },
})

/** One state row per subject, purpose and channel: the latest consent of the batch wins (of two as late, the later in the input). */
class LatestState {
  readonly #latest = new Map<string, { effectiveAt: string; row: StateInsert }>()
  readonly #now: Date
  constructor(now: Date) {
    this.#now = now
  }

  add(e: ImportedEvent): void {
    const { record } = e
    for (const row of stateRowsOf(record, 'given', e.foreign)) {
      const key = `${e.operatorId}\u0000${record.subject.id}\u0000${row.purposeId}\u0000${row.channel}`
      const seen = this.#latest.get(key)
      // ISO times of one format: their text order is their time order.
      if (!seen || seen.effectiveAt <= record.effectiveAt) this.#latest.set(key, { effectiveAt: record.effectiveAt, row: toStateInsert(e.operatorId, record.subject.id, row, this.#now) })
    }
  }

  rows(): StateInsert[] {
    return [...this.#latest.values()].map((v) => v.row)
  }
}

/** Lets I/O callbacks run — a finished statement's reply, the next statement's sending — before more work on this thread. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve))
