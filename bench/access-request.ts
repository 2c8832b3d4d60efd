import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { giveConsent } from '../src/consent/index.ts'
import type { DatabaseHandle } from '../src/db/index.ts'
import { freshDatabase } from '../src/db/test-databases.ts'
import { BusinessCalendar } from '../src/kz/index.ts'
import { seedOperators } from '../src/operators/index.ts'
import { DEFAULT_REQUEST_SETTINGS, submitRequest, type RequestsDeps } from '../src/requests/index.ts'
import { runFulfilmentOnce } from '../src/requests/fulfilment/index.ts'
import { registerSubject, type DataValueInput } from '../src/subjects/index.ts'
import { MemoryKeyProvider } from '../src/subjects/crypto/index.ts'
import { closeSystemConnections, createSystem, testSystem } from '../src/systems/index.ts'
import { mariadbSystem, postgresSystem, SHOP_MAP, SUBJECT, type BenchSystem } from './access-systems.ts'
import { median } from './measure.ts'

const PROOF = { idDocumentNumber: '041234567', idDocumentIssueDate: '2019-05-04', idDocumentIssuer: 'МВД РК', signature: { kind: 'handwritten_signature' as const } }

/**
 * The subject's 40 vault values (ESP-3's list, ESP App.1): each identification,
 * address and contact item once or more, loyalty cards and accruals (source:
 * the operator), and enquiries to the contact centre.
 */
function vaultValues(): DataValueInput[] {
  const loyalty = (itemId: string, value: string, source = 'subject') => ({ itemId, value, source, purposes: ['loyalty'] })
  return [
    loyalty('full-name', SUBJECT.fullName),
    loyalty('former-name', 'Айдос Сериков'),
    loyalty('sex', 'male'),
    loyalty('birth-date', SUBJECT.birthDate),
    loyalty('birth-place', 'Қарағанды'),
    loyalty('id-document', 'ЖК 041234567, ІІМ, 2019-05-04, 2029-05-03'),
    loyalty('registration-address', 'Астана, Мәңгілік Ел 58, 12'),
    ...['Астана, Мәңгілік Ел 58', 'Астана, Абай 10', 'Алматы, Сәтпаев 5', 'Қарағанды, Бұқар жырау 1'].map((a) => loyalty('residence-address', a)),
    ...[SUBJECT.phone, '+77015550011', '+77015550021'].map((p) => loyalty('phone', p)),
    ...[SUBJECT.email, 'aidos.work@mail.kz'].map((e) => loyalty('email', e)),
    ...Array.from({ length: 4 }, (_, i) => loyalty('loyalty-card', `ESP-0001-AIDOS-${i}`, 'operator')),
    ...Array.from({ length: 8 }, (_, i) => loyalty('loyalty-accruals', `${(i + 1) * 120} ұпай`, 'operator')),
    ...Array.from({ length: 12 }, (_, i) => ({ itemId: 'enquiry', value: `Өтініш №${i + 1}: тапсырыс туралы сұрақ`, source: 'subject', purposes: ['contact-centre'] })),
  ]
}

export interface AccessBenchResult {
  /** Where Derbes' own database was: PGlite or PostgreSQL. */
  store: 'PGlite' | 'PostgreSQL'
  requests: number
  /** What one answered request held: vault values, consent states, values from each system. */
  records: { vault: number; consents: number; systems: number }
  p50Ms: number
  p95Ms: number
  /** The connectors' export SELECTs for the subject run by pg and mysql2 directly, all six, one after the other. */
  rawSelectsP50Ms: number
  /** The same, per system. */
  rawSelectsBySystemP50Ms: Record<BenchSystem['name'], number>
  setupSeconds: number
}

/** The ESP policy alone, published: the bench needs no other operator. */
async function seedEsp(database: DatabaseHandle, clock: () => Date): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'derbes-bench-access-'))
  try {
    copyFileSync(new URL('../policies/esp.yaml', import.meta.url), join(dir, 'esp.yaml'))
    await seedOperators({ db: database.db, clock }, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!

/**
 * Issue 4's speed target: an access request (ESP-3) of a subject with 200
 * values — 40 in the vault, 80 in each of two connected systems, a PostgreSQL
 * schema and a MariaDB database of 1,000,000 rows of other customers each —
 * answered end to end: submitted with its identity proof (ESP-9, so it goes
 * straight to work), the fulfilment runner called until the request is
 * answered (plan, the vault export, both systems' exports, the letter
 * composed, sealed and its PDF and JSON/CSV export attached to the queued
 * e-mail). Against the baseline of the connectors' raw indexed SELECTs for
 * the same subject, run with `pg` and `mysql2` directly, alternating with
 * the requests. Derbes' database is PGlite, or a fresh schema on the server
 * `databaseUrl` names. The systems are dropped at the end, also on failure.
 */
export async function benchAccessRequest(options: { requests?: number; warmup?: number; databaseUrl?: string; progress?: (line: string) => void } = {}): Promise<AccessBenchResult> {
  const { requests = 30, warmup = 3, databaseUrl } = options
  const progress = options.progress ?? ((line: string) => process.stderr.write(`  access: ${line}\n`))
  const started = performance.now()
  const systems: BenchSystem[] = []
  let database: DatabaseHandle | undefined
  const cleanUp = async () => {
    await closeSystemConnections()
    for (const system of systems.splice(0)) await system.drop().catch((error) => progress(`could not drop the ${system.name} bench data: ${String(error)}`))
    await database?.close()
    database = undefined
  }
  const onSignal = () => void cleanUp().finally(() => process.exit(130))
  process.once('SIGINT', onSignal)
  try {
    await postgresSystem(progress, (system) => systems.push(system))
    await mariadbSystem(progress, (system) => systems.push(system))

    progress(`Derbes on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}: ESP's policy, the subject, the two systems`)
    database = await freshDatabase(databaseUrl)
    const clock = () => new Date()
    await seedEsp(database, clock)
    const deps: RequestsDeps = { db: database.db, clock, keys: new MemoryKeyProvider(), calendar: new BusinessCalendar(), settings: { ...DEFAULT_REQUEST_SETTINGS } }
    const vault = vaultValues()
    const { subjectId } = await registerSubject(deps, {
      operatorId: 'esp',
      kind: 'client',
      identifiers: [{ kind: 'phone', value: SUBJECT.phone }, { kind: 'email', value: SUBJECT.email }],
      data: vault,
    }, 'bench')
    await giveConsent(deps, { operatorId: 'esp', subjectId, formId: 'app-1', language: 'ru', evidence: { method: 'application', reference: 'anketa-1' }, recordedBy: 'bench' })
    for (const [i, system] of systems.entries()) {
      await system.addSubject(subjectId)
      const systemId = `shop-${i + 1}`
      await createSystem(deps, 'esp', { systemId, name: `Shop (${system.name})`, kind: i === 0 ? 'postgres' : 'mysql', connection: system.connection, ...SHOP_MAP }, 'bench')
      const report = await testSystem(deps, 'esp', systemId)
      if (!report.ok || report.warnings.length > 0) throw new Error(`${system.name}: ${JSON.stringify([...report.problems, ...report.warnings])}`)
    }

    const answerOnce = async (): Promise<{ ms: number; requestId: string }> => {
      const t = performance.now()
      const { requestId, state } = await submitRequest(deps, { operatorId: 'esp', kind: 'access', channel: 'written', language: 'kk', subject: { subjectId }, identityProof: PROOF }, 'staff:bench')
      if (state !== 'in_progress') throw new Error(`the request is ${state}, not in_progress`)
      for (let run = 0; ; run++) {
        const done = await runFulfilmentOnce(deps)
        if (done.errors.length > 0 || done.failed + done.retrying > 0) throw new Error(`fulfilment: ${JSON.stringify(done)}`)
        const { state: now } = await deps.db.selectFrom('requests').select('state').where('operator_id', '=', 'esp').where('request_id', '=', requestId).executeTakeFirstOrThrow()
        if (now === 'answered') break
        if (run === 5) throw new Error(`the request is still ${now} after ${run + 1} runs`)
      }
      return { ms: performance.now() - t, requestId }
    }
    const rawOnce = async (): Promise<number[]> => {
      const times: number[] = []
      for (const system of systems) {
        const t = performance.now()
        const values = await system.rawSelects(subjectId)
        times.push(performance.now() - t)
        if (values !== 80) throw new Error(`the raw SELECTs read ${values} values in ${system.name}, not 80`)
      }
      return times
    }

    progress(`warming up (${warmup} requests)`)
    let last = ''
    for (let i = 0; i < warmup; i++) {
      last = (await answerOnce()).requestId
      await rawOnce()
    }
    const records = await answeredRecords(deps, last)
    if (records.vault !== vault.length || records.systems !== 160) throw new Error(`the answer held ${JSON.stringify(records)}, not the ${vault.length} vault values and 160 system values built`)
    const setupSeconds = (performance.now() - started) / 1000

    progress(`measuring ${requests} access requests, each followed by one round of the raw SELECTs`)
    const times: number[] = []
    const raw: number[][] = []
    for (let i = 0; i < requests; i++) {
      times.push((await answerOnce()).ms)
      raw.push(await rawOnce())
      if ((i + 1) % 10 === 0) progress(`${i + 1}/${requests}`)
    }
    const sorted = [...times].sort((a, b) => a - b)
    const rawSelectsBySystemP50Ms = Object.fromEntries(systems.map((system, i) => [system.name, median(raw.map((r) => r[i]!))])) as AccessBenchResult['rawSelectsBySystemP50Ms']
    return {
      store: databaseUrl ? 'PostgreSQL' : 'PGlite',
      requests,
      records,
      p50Ms: median(times),
      p95Ms: percentile(sorted, 95),
      rawSelectsP50Ms: median(raw.map((r) => r.reduce((a, b) => a + b, 0))),
      rawSelectsBySystemP50Ms,
      setupSeconds,
    }
  } finally {
    process.off('SIGINT', onSignal)
    await cleanUp()
  }
}

/**
 * What the answer to `requestId` was built from, from its tasks' counts (no
 * values read); and that it went out by e-mail, which is what renders the PDF
 * and the JSON/CSV export (the subject's e-mail is in the vault).
 */
async function answeredRecords(deps: RequestsDeps, requestId: string): Promise<AccessBenchResult['records']> {
  const answer = await deps.db.selectFrom('request_answers').select('delivered').where('operator_id', '=', 'esp').where('request_id', '=', requestId).executeTakeFirstOrThrow()
  if (!(answer.delivered as string[]).includes('email')) throw new Error(`the answer was delivered ${JSON.stringify(answer.delivered)}, not by e-mail with its PDF and export`)
  const tasks = await deps.db.selectFrom('request_tasks').select(['target', 'state', 'result']).where('operator_id', '=', 'esp').where('request_id', '=', requestId).execute()
  const records = { vault: 0, consents: 0, systems: 0 }
  for (const task of tasks) {
    const result = task.result as { values?: number; consents?: number; rowsByTable?: Record<string, number> } | null
    if (task.state !== 'done') throw new Error(`a ${task.target} task is ${task.state}`)
    if (task.target === 'vault') {
      records.vault += result?.values ?? 0
      records.consents += result?.consents ?? 0
    }
    if (task.target === 'system') {
      const rows = result?.rowsByTable ?? {}
      records.systems += (rows.customers ?? 0) * 4 + (rows.orders ?? 0) + (rows.loyalty_cards ?? 0) * 2
    }
  }
  return records
}

/** The bench's lines for `npm run bench`. */
export function formatAccessResult(r: AccessBenchResult): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`
  return [
    `access request end to end (ESP-3), Derbes on ${r.store}: ${r.records.vault} vault values + ${r.records.consents} consent states + ${r.records.systems} values from PostgreSQL and MariaDB systems of 1,000,000 rows each`,
    `  submit → fulfilment → answer (letter, PDF, export), ${r.requests} requests   p50 ${ms(r.p50Ms)}   p95 ${ms(r.p95Ms)}`,
    `  baseline: the connectors' raw indexed SELECTs (pg, mysql2)   p50 ${ms(r.rawSelectsP50Ms)} (${Object.entries(r.rawSelectsBySystemP50Ms).map(([name, t]) => `${name} ${ms(t)}`).join(', ')})`,
    `  ratio: ${(r.p50Ms / r.rawSelectsP50Ms).toFixed(1)}× the raw SELECTs' time; target p50 < 300 ms — ${r.p50Ms < 300 ? 'met' : '**not met**'} (set-up ${r.setupSeconds.toFixed(0)} s)`,
  ].join('\n')
}
