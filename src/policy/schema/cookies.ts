import { Type, type Static } from '@sinclair/typebox'
import { Clauses, Country, Enum, Id, LocalizedText, Strict } from './common.ts'

export const COOKIE_CATEGORIES = ['necessary', 'functional', 'analytics', 'marketing'] as const
export type CookieCategory = (typeof COOKIE_CATEGORIES)[number]

export const CookieCategoryRule = Strict({
  id: Enum(COOKIE_CATEGORIES),
  name: LocalizedText,
  description: LocalizedText,
  /** Necessary cookies run without consent; every other category needs it. */
  requiresConsent: Type.Boolean(),
})

export const CookieVendor = Strict({
  id: Id,
  name: Type.String({ minLength: 1 }),
  category: Enum(COOKIE_CATEGORIES),
  country: Country,
  firstParty: Type.Boolean(),
  cookies: Type.Optional(Type.Array(Strict({ name: Type.String({ minLength: 1 }), lifetime: Type.String({ minLength: 1 }) }))),
})

export const Cookies = Strict({
  banner: Type.Boolean({ description: 'A banner on the first visit (TTC-5)' }),
  /** The visitor can change or withdraw the choice at any time. */
  changeable: Type.Boolean(),
  categories: Type.Array(CookieCategoryRule, { minItems: 1 }),
  vendors: Type.Optional(Type.Array(CookieVendor)),
  /** Whether cookie identifiers are treated as personal data; KZK-1.5 says no, which the linter flags. */
  personalData: Type.Boolean(),
  clauses: Clauses(),
})
export type Cookies = Static<typeof Cookies>
