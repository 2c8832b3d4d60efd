import { CONSENT_FORM_MESSAGES } from './consent-form-messages.ts'
import { DIFF_MESSAGES } from './diff-messages.ts'
import { FORMAT_MESSAGES } from './format-messages.ts'
import type { Localized } from './localized.ts'
import { NOTICE_DATA_MESSAGES } from './notice-data-messages.ts'
import { NOTICE_HEADINGS } from './notice-headings.ts'
import { NOTICE_PRACTICE_MESSAGES } from './notice-practice-messages.ts'
import { NOTICE_RIGHTS_MESSAGES } from './notice-rights-messages.ts'

type Parts = [
  typeof FORMAT_MESSAGES, typeof NOTICE_HEADINGS, typeof NOTICE_DATA_MESSAGES, typeof NOTICE_RIGHTS_MESSAGES,
  typeof NOTICE_PRACTICE_MESSAGES, typeof CONSENT_FORM_MESSAGES, typeof DIFF_MESSAGES,
]

/** Keys that appear in more than one part, or `never`. */
type RepeatedKeys<P extends readonly object[], Seen extends PropertyKey = never> = P extends readonly [infer Head, ...infer Rest extends readonly object[]]
  ? Extract<keyof Head, Seen> | RepeatedKeys<Rest, Seen | keyof Head>
  : never

// A key in two parts would let the later spread win silently, where a single object literal refused
// it: this line then fails to compile and names the key.
const keysAreUnique: [RepeatedKeys<Parts>] extends [never] ? true : { repeatedKey: RepeatedKeys<Parts> } = true

/** Fixed texts and templates: every part, in the order the documents use them. */
export const MESSAGES = {
  ...FORMAT_MESSAGES,
  ...NOTICE_HEADINGS,
  ...NOTICE_DATA_MESSAGES,
  ...NOTICE_RIGHTS_MESSAGES,
  ...NOTICE_PRACTICE_MESSAGES,
  ...CONSENT_FORM_MESSAGES,
  ...DIFF_MESSAGES,
} as const satisfies Record<string, Localized>
export type MessageKey = keyof typeof MESSAGES
