import type { Language } from '../../schema/index.ts'

/** One fixed text in every language the notice is written in; a missing language is a compile error. */
export type Localized = Readonly<Record<Language, string>>
