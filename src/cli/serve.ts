import { join } from 'node:path'
import closeWithGrace from 'close-with-grace'
import { ensureDemoAccess, ensureDemoAdminKey } from '../access/index.ts'
import { LocalKeyFileSigner, startCheckpointJob } from '../audit/index.ts'
import type { Config } from '../config/index.ts'
import { applyDueWithdrawals, expireConsents } from '../consent/index.ts'
import { migrateToLatest, openDatabase } from '../db/index.ts'
import { buildApp } from '../http/index.ts'
import { runEvery } from '../jobs/index.ts'
import { BusinessCalendar, loadCalendarDirectory } from '../kz/index.ts'
import { listOperators, seedOperators } from '../operators/index.ts'
import { startEventDispatcher } from '../notify/index.ts'
import { startConfiguredEmail } from '../notify/email/index.ts'
import { requestSettings, startRequestReminderJob } from '../requests/index.ts'
import { startFulfilmentJob } from '../requests/fulfilment/index.ts'
import { startRetentionScheduler } from '../retention/start-retention-scheduler.ts'
import { startMinorsScanJob } from '../retention/minors/index.ts'
import { startIncidentReminderJob } from '../incidents/index.ts'
import { housekeepingPeriods, startHousekeepingJob } from '../housekeeping/index.ts'
import { LANGUAGES } from '../policy/index.ts'
import { DEMO_SUBJECT_PHONE, ensureDemoSubject, logDemoSms } from '../portal/demo-subjects.ts'
import { LocalKeyProvider } from '../subjects/crypto/index.ts'

/**
 * `derbes serve`: opens the database (PGlite in `dataDir` unless
 * DATABASE_URL is set), migrates it, optionally loads the seed operators,
 * listens, and shuts down gracefully on SIGINT/SIGTERM.
 */
export async function serve(config: Readonly<Config>, options: { seed: boolean }): Promise<void> {
  // Bad calendar data stops start-up: a deadline counted on a wrong calendar is worse than none.
  const calendar = config.calendarDir ? new BusinessCalendar().extend(...(await loadCalendarDirectory(config.calendarDir))) : new BusinessCalendar()
  const database = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir })
  await migrateToLatest(database.db)
  const keys = new LocalKeyProvider({ directory: config.keysDir })
  const signer = await LocalKeyFileSigner.open(join(config.keysDir, 'audit-signing.pem'))
  const app = await buildApp({ database, config, calendar, keys, signer })
  const clock = () => new Date()
  const demoLines: string[] = []
  if (options.seed) {
    const seeded = await seedOperators({ db: database.db, clock: () => new Date() }, config.policiesDir)
    for (const s of seeded) app.log.info({ operator: s.operatorId, version: s.versionId, action: s.action }, 'seed operator')
    // A demo administrator per seed operator, so a newcomer can sign in at once (README).
    for (const s of seeded) {
      const demo = await ensureDemoAccess({ db: database.db, clock: () => new Date() }, s.operatorId)
      if (demo.apiKey) demoLines.push(`  ${s.operatorId.padEnd(6)} demo API key (shown once): ${demo.apiKey}`)
    }
    demoLines.unshift(`  demo staff sign-in for every seed operator: login 'admin', password 'derbes-demo' (POST /v1/operators/<id>/sessions)`)
    // The installation administrator, who registers further operators (POST /v1/operators); beyond the demo: `derbes admin key create`.
    const adminKey = await ensureDemoAdminKey({ db: database.db, clock: () => new Date() })
    if (adminKey) demoLines.push(`  demo installation administrator key (shown once; registers operators, POST /v1/operators): ${adminKey}`)
    // A demo subject per seed operator for the portal; its one-time codes appear in this log (logDemoSms below).
    for (const s of seeded) await ensureDemoSubject({ db: database.db, clock: () => new Date(), keys, calendar }, s.operatorId)
    demoLines.push(`  demo subject sign-in to every portal: phone ${DEMO_SUBJECT_PHONE}; the one-time code is printed here (demo SMS)`)
  }
  // Background work of this process; several processes may run it side by side (each claims its rows).
  const events = startEventDispatcher(
    { db: database.db, keys, log: app.log },
    { intervalMs: config.eventDispatchIntervalMs, timeoutMs: config.webhookTimeoutMs, maxAttempts: config.webhookMaxAttempts, ...(config.natsUrl ? { natsUrl: config.natsUrl } : {}) },
  )
  const checkpoints = startCheckpointJob({ db: database.db, signer, log: app.log }, { intervalMs: config.auditCheckpointIntervalMs })
  // Answers and codes to subjects over SMTP; without DERBES_SMTP_URL they wait in the outbox (logged once).
  const emails = startConfiguredEmail({ db: database.db, keys, log: app.log }, config)
  const ledgerDeps = { db: database.db, clock, keys, calendar }
  // ESP App.1 §5 withdrawals take effect after their notice period; art. 8(5)–(6) terms end.
  const consentJobs = runEvery(config.consentJobIntervalMs, 'consent withdrawals and expiry', async () => {
    await applyDueWithdrawals(ledgerDeps, clock())
    await expireConsents(ledgerDeps, clock())
  }, app.log)
  // Issue 4: request.due_soon before a deadline, request.overdue after it, each once, to the operator's webhooks and NATS,
  // and an e-mail to the responsible person through the e-mail outbox.
  // Data subject requests carried out across the vault, the ledger, the operator's systems and recipients, then answered.
  const fulfilment = startFulfilmentJob({ db: database.db, clock, keys, calendar, log: app.log }, { intervalMs: config.fulfilmentIntervalMs })
  // TTC-10.4, KZK-1.13: subjects under the minimum age without a representative's consent, flagged and handled daily.
  const minors = startMinorsScanJob({ db: database.db, clock, log: app.log }, { intervalMs: config.minorsScanIntervalMs })
  const incidentReminders = startIncidentReminderJob({ db: database.db, clock, calendar, log: app.log }, { intervalMs: config.requestJobIntervalMs })
  const requestReminders = startRequestReminderJob({ db: database.db, clock, calendar, keys, settings: requestSettings(config), log: app.log }, { intervalMs: config.requestJobIntervalMs })
  // Issue 5 §2: the nightly retention sweep on pg-boss (02:30 Asia/Almaty), one run per operator across all processes.
  const retention = await startRetentionScheduler({ db: database.db, clock, keys, calendar, signer, log: app.log })
  // Sessions, one-time codes, service mail and delivered events removed once past keeping (art. 5), daily, audited per operator.
  const housekeeping = startHousekeepingJob({ db: database.db, clock, log: app.log }, { intervalMs: config.housekeepingIntervalMs, periods: housekeepingPeriods(config) })
  // Demo only: without an SMS provider the outbox's messages (portal codes) are printed here instead of sent.
  const seededIds = options.seed ? (await listOperators({ db: database.db })).map((o) => o.operatorId) : []
  const demoSms = runEvery(1_000, 'demo SMS log', async () => {
    if (seededIds.length) await logDemoSms({ db: database.db, clock, keys, calendar }, seededIds, (line) => process.stdout.write(`${line}\n`))
  }, app.log)
  closeWithGrace({ delay: config.shutdownTimeoutMs }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    await Promise.all([events.stop(), checkpoints.stop(), emails.stop(), consentJobs.stop(), requestReminders.stop(), fulfilment.stop(), minors.stop(), incidentReminders.stop(), retention.stop(), housekeeping.stop(), demoSms.stop()])
    await app.close()
    await database.close()
  })
  const address = await app.listen({ host: config.host, port: config.port })
  const base = config.publicUrl?.replace(/\/$/, '') ?? address
  const operators = await listOperators({ db: database.db })
  const lines = [
    `Derbes is running on ${database.kind === 'pglite' ? `embedded PGlite (${config.dataDir})` : 'PostgreSQL'}`,
    `  API docs:  ${base}/docs   OpenAPI: ${base}/openapi.json`,
    `  Console:   ${base}/console/   (staff; the demo sign-in is below)`,
    `  Portal:    ${base}/portal/<operator>/   (subjects; e.g. ${base}/portal/ttc/)`,
    ...operators
      .filter((o) => o.publishedVersionId)
      .map((o) => `  ${o.operatorId.padEnd(6)} ${o.name.en}: ${LANGUAGES.map((l) => `${base}/notice/${o.operatorId}/${l}`).join('  ')}`),
    ...demoLines,
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}
