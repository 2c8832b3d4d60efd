import { Type, type Static } from '@sinclair/typebox'

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

export const Config = Type.Object(
  {
    host: Type.String({ default: '127.0.0.1', minLength: 1 }),
    port: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
    /** The URL subjects reach Derbes at; notices link to it. Defaults to http://host:port. */
    publicUrl: Type.Optional(Type.String({ format: 'uri' })),
    /**
     * Which reverse proxies' X-Forwarded-For to believe, so the subject's
     * address — consent evidence, per-address limits — is the client's, not
     * the proxy's: `true` (any), a number of hops, or addresses and CIDRs
     * (`10.0.0.1, 192.168.0.0/16`). Unset: none, the connection's address counts.
     */
    trustProxy: Type.Optional(Type.String({ pattern: '^\\s*(true|false|\\d{1,2}|[0-9A-Fa-f:./]+(\\s*,\\s*[0-9A-Fa-f:./]+)*)\\s*$' })),
    /** A PostgreSQL server; without it Derbes runs on embedded PGlite in `dataDir`. */
    databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
    dataDir: Type.String({ default: '.derbes/pgdata', minLength: 1 }),
    /** The operators' keyrings (`<operator>.json`) and the signing key (`audit-signing.pem`); keep it out of database backups. */
    keysDir: Type.String({ default: '.derbes/keys', minLength: 1 }),
    /** How often due withdrawals take effect and consents past their term expire. */
    consentJobIntervalMs: Type.Integer({ default: 60_000, minimum: 10 }),
    /** Where the seed operators' policy files are; `serve --seed` loads them. */
    policiesDir: Type.String({ default: 'policies', minLength: 1 }),
    /** An operator's calendar files (`kz-YYYY.json`) extending or overriding the repository's years. */
    calendarDir: Type.Optional(Type.String({ minLength: 1 })),
    logLevel: Type.Unsafe<(typeof LOG_LEVELS)[number]>({ type: 'string', enum: [...LOG_LEVELS], default: 'info' }),
    /** How long graceful shutdown may take before the process exits anyway. */
    shutdownTimeoutMs: Type.Integer({ default: 10_000, minimum: 100 }),
    /** NATS with JetStream; when set, every outbox event is also published to stream DERBES (subjects `derbes.>`). */
    natsUrl: Type.Optional(Type.String({ pattern: '^(nats|tls|ws|wss)://' })),
    /** Pause of the event dispatcher after a pass with nothing to do. */
    eventDispatchIntervalMs: Type.Integer({ default: 1_000, minimum: 10 }),
    /** Each webhook POST must be answered within this. */
    webhookTimeoutMs: Type.Integer({ default: 10_000, minimum: 100, maximum: 120_000 }),
    /** A webhook delivery is 'failed' after this many attempts (30 s, 2 min, 10 min, 1 h, then every 6 h). */
    webhookMaxAttempts: Type.Integer({ default: 10, minimum: 1, maximum: 50 }),
    /** How often `serve` signs a checkpoint of each operator's audit chain; 0 = never. */
    auditCheckpointIntervalMs: Type.Integer({ default: 3_600_000, minimum: 0 }),
    /**
     * Working days to answer a request neither the policy nor the law gives a
     * deadline (law.md: information and access "not in the law … [U]
     * configurable"; complaints for most seeds). 15 is a default, not a
     * confirmed rule.
     */
    requestDefaultDeadlineDays: Type.Integer({ default: 15, minimum: 0, maximum: 366 }),
    /** How many business days before its due date a request is reminded (`request.due_soon`). */
    requestReminderLeadDays: Type.Integer({ default: 1, minimum: 0, maximum: 30 }),
    /**
     * The language the responsible person is told of deadlines in: `ru` for
     * every operator, or `operator=language` entries with an optional bare
     * default, e.g. `tw=ru,kk`. Kazakh (the state language) when absent.
     */
    requestNoticeLanguage: Type.Optional(Type.String({ pattern: '^\\s*([a-z][a-z0-9-]{0,63}\\s*=\\s*)?(kk|ru|en)\\s*(,\\s*([a-z][a-z0-9-]{0,63}\\s*=\\s*)?(kk|ru|en)\\s*)*$' })),
    /** How often the reminder and escalation job looks for requests due soon or overdue. */
    requestJobIntervalMs: Type.Integer({ default: 60_000, minimum: 10 }),
    /** How often the fulfilment runner plans new requests, runs due tasks and answers finished requests (1-business-day deadlines: TTC-9.3, TW-9.3). */
    fulfilmentIntervalMs: Type.Integer({ default: 10_000, minimum: 10 }),
    /**
     * The SMTP server e-mail to subjects goes through: `smtp://user:pass@host:587`
     * (STARTTLS when offered) or `smtps://user:pass@host:465`. Without it, e-mails
     * wait in the outbox (`email_outbox`) until it is set.
     */
    smtpUrl: Type.Optional(Type.String({ pattern: '^smtps?://[^\\s]+$' })),
    /** The From of those e-mails, e.g. `ТОО «Оператор» <privacy@operator.kz>`; required with `smtpUrl`. */
    smtpFrom: Type.Optional(Type.String({ minLength: 3 })),
    /** Pause of the e-mail dispatcher after a pass with nothing to send. */
    emailDispatchIntervalMs: Type.Integer({ default: 5_000, minimum: 10 }),
    /** An e-mail is `failed` after this many attempts (1 min, 5 min, 30 min, 2 h, then every 6 h). */
    emailMaxAttempts: Type.Integer({ default: 10, minimum: 1, maximum: 50 }),
    /** Portal sign-in codes one IP address may ask for per hour, whatever phones or e-mails it types (besides 5 per identifier); high, as many subjects share a mobile carrier's NAT. */
    portalSignInCodesPerIpPerHour: Type.Integer({ default: 100, minimum: 1, maximum: 100_000 }),
    /** Requests one IP address may submit through the portal per hour, whatever sessions it uses. */
    portalRequestsPerIpPerHour: Type.Integer({ default: 60, minimum: 1, maximum: 100_000 }),
    /** Requests one signed-in subject may submit through the portal per hour (for itself and those it represents). */
    portalRequestsPerSubjectPerHour: Type.Integer({ default: 20, minimum: 1, maximum: 10_000 }),
    /** The k of k-anonymity for statistics exports when a request names none: every released group has at least k subjects (art. 17(1)). */
    statisticsK: Type.Integer({ default: 5, minimum: 2, maximum: 1000 }),
    /** How often `serve` looks for subjects under the policy's minimum age without a representative's consent (TTC-10.4, KZK-1.13); daily. */
    minorsScanIntervalMs: Type.Integer({ default: 86_400_000, minimum: 10 }),
    /** How often `serve` removes sessions, codes, service mail and events past keeping (src/housekeeping/); daily; 0 = never. */
    housekeepingIntervalMs: Type.Integer({ default: 86_400_000, minimum: 0 }),
    /** Days a staff or portal session is kept after it ended or expired. */
    housekeepingSessionDays: Type.Integer({ default: 30, minimum: 0, maximum: 3650 }),
    /** Days a portal sign-in code, an SMS consent code and their messages are kept after the code expired. */
    housekeepingCodeDays: Type.Integer({ default: 1, minimum: 0, maximum: 3650 }),
    /** Days a sent deadline notice to the responsible person is kept. */
    housekeepingNoticeDays: Type.Integer({ default: 365, minimum: 0, maximum: 3650 }),
    /** Days a delivered webhook delivery, and an event every consumer has passed, are kept; the pull feed (`GET …/events`) reaches back this far. */
    housekeepingEventDays: Type.Integer({ default: 90, minimum: 1, maximum: 3650 }),
  },
  { additionalProperties: false },
)
export type Config = Static<typeof Config>

/** Environment variable → config key. */
export const ENVIRONMENT: Record<string, keyof Config> = {
  HOST: 'host',
  PORT: 'port',
  DERBES_PUBLIC_URL: 'publicUrl',
  DERBES_TRUST_PROXY: 'trustProxy',
  DATABASE_URL: 'databaseUrl',
  DERBES_DATA_DIR: 'dataDir',
  DERBES_POLICIES_DIR: 'policiesDir',
  DERBES_KEYS_DIR: 'keysDir',
  DERBES_CONSENT_JOB_INTERVAL_MS: 'consentJobIntervalMs',
  DERBES_CALENDAR_DIR: 'calendarDir',
  LOG_LEVEL: 'logLevel',
  DERBES_SHUTDOWN_TIMEOUT_MS: 'shutdownTimeoutMs',
  DERBES_NATS_URL: 'natsUrl',
  DERBES_EVENT_DISPATCH_INTERVAL_MS: 'eventDispatchIntervalMs',
  DERBES_WEBHOOK_TIMEOUT_MS: 'webhookTimeoutMs',
  DERBES_WEBHOOK_MAX_ATTEMPTS: 'webhookMaxAttempts',
  DERBES_AUDIT_CHECKPOINT_INTERVAL_MS: 'auditCheckpointIntervalMs',
  DERBES_REQUEST_DEFAULT_DEADLINE_DAYS: 'requestDefaultDeadlineDays',
  DERBES_REQUEST_REMINDER_LEAD_DAYS: 'requestReminderLeadDays',
  DERBES_REQUEST_JOB_INTERVAL_MS: 'requestJobIntervalMs',
  DERBES_REQUEST_NOTICE_LANGUAGE: 'requestNoticeLanguage',
  DERBES_FULFILMENT_INTERVAL_MS: 'fulfilmentIntervalMs',
  DERBES_SMTP_URL: 'smtpUrl',
  DERBES_SMTP_FROM: 'smtpFrom',
  DERBES_EMAIL_DISPATCH_INTERVAL_MS: 'emailDispatchIntervalMs',
  DERBES_EMAIL_MAX_ATTEMPTS: 'emailMaxAttempts',
  DERBES_PORTAL_SIGN_IN_CODES_PER_IP_PER_HOUR: 'portalSignInCodesPerIpPerHour',
  DERBES_PORTAL_REQUESTS_PER_IP_PER_HOUR: 'portalRequestsPerIpPerHour',
  DERBES_PORTAL_REQUESTS_PER_SUBJECT_PER_HOUR: 'portalRequestsPerSubjectPerHour',
  DERBES_STATISTICS_K: 'statisticsK',
  DERBES_MINORS_SCAN_INTERVAL_MS: 'minorsScanIntervalMs',
  DERBES_HOUSEKEEPING_INTERVAL_MS: 'housekeepingIntervalMs',
  DERBES_HOUSEKEEPING_SESSION_DAYS: 'housekeepingSessionDays',
  DERBES_HOUSEKEEPING_CODE_DAYS: 'housekeepingCodeDays',
  DERBES_HOUSEKEEPING_NOTICE_DAYS: 'housekeepingNoticeDays',
  DERBES_HOUSEKEEPING_EVENT_DAYS: 'housekeepingEventDays',
}
