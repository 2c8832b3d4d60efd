import { Type, type Static, type TSchema } from '@sinclair/typebox'

/** The three languages every subject-facing text exists in — Kazakh first. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** A closed list of strings as a JSON Schema enum, keeping the literal union type. */
export function Enum<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) })
}

/** A text in Kazakh, Russian and English. All three are required: a subject reads it. */
export const LocalizedText = Type.Object(
  {
    kk: Type.String({ minLength: 1 }),
    ru: Type.String({ minLength: 1 }),
    en: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false, description: 'The same text in Kazakh, Russian and English' },
)
export type LocalizedText = Static<typeof LocalizedText>

/** Identifiers inside a policy: lower-case kebab-case, referenced from other sections. */
export const Id = Type.String({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 64 })

/** ISO 3166-1 alpha-2 country code. */
export const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' })

/** ISO 8601 calendar duration: P10Y, P6M, P15D, P0D. */
export const Duration = Type.String({
  pattern: '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$',
  description: 'ISO 8601 duration in years, months, weeks and days (P10Y, P6M, P15D)',
})

/** A calendar date, YYYY-MM-DD. */
export const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' })

export const Email = Type.String({ format: 'email' })

/** The clause of the operator's original policy a field comes from, e.g. "TTC-9.3". */
export const ClauseRef = Type.String({ pattern: '^[A-Z]{2,4}-[A-Za-z0-9.§ ()-]+$' })

export function Clauses() {
  return Type.Optional(Type.Array(ClauseRef, { description: 'Clauses of the original policy this carries' }))
}

export function Strict<T extends Parameters<typeof Type.Object>[0]>(properties: T, description?: string) {
  return Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) })
}

export type { Static, TSchema }
