import { Type, type Static } from '@sinclair/typebox'

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

export const Config = Type.Object(
  {
    host: Type.String({ default: '127.0.0.1', minLength: 1 }),
    port: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
    /** The URL subjects reach Derbes at; notices link to it. Defaults to http://host:port. */
    publicUrl: Type.Optional(Type.String({ format: 'uri' })),
    /** A PostgreSQL server; without it Derbes runs on embedded PGlite in `dataDir`. */
    databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
    dataDir: Type.String({ default: '.derbes/pgdata', minLength: 1 }),
    /** Where the seed operators' policy files are; `serve --seed` loads them. */
    policiesDir: Type.String({ default: 'policies', minLength: 1 }),
    /** An operator's calendar files (`kz-YYYY.json`) extending or overriding the repository's years. */
    calendarDir: Type.Optional(Type.String({ minLength: 1 })),
    logLevel: Type.Unsafe<(typeof LOG_LEVELS)[number]>({ type: 'string', enum: [...LOG_LEVELS], default: 'info' }),
    /** How long graceful shutdown may take before the process exits anyway. */
    shutdownTimeoutMs: Type.Integer({ default: 10_000, minimum: 100 }),
  },
  { additionalProperties: false },
)
export type Config = Static<typeof Config>

/** Environment variable → config key. */
export const ENVIRONMENT: Record<string, keyof Config> = {
  HOST: 'host',
  PORT: 'port',
  DERBES_PUBLIC_URL: 'publicUrl',
  DATABASE_URL: 'databaseUrl',
  DERBES_DATA_DIR: 'dataDir',
  DERBES_POLICIES_DIR: 'policiesDir',
  DERBES_CALENDAR_DIR: 'calendarDir',
  LOG_LEVEL: 'logLevel',
  DERBES_SHUTDOWN_TIMEOUT_MS: 'shutdownTimeoutMs',
}
