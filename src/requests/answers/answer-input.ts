import type { CompiledPolicy, Language } from '../../policy/index.ts'
import type { RefusalGround, SubjectRequestKind, TaskAction, TaskTarget } from '../request-kinds.ts'

/**
 * Everything an answer to a data subject request says, gathered by the
 * fulfilment before the letter is written. `composeAnswer` renders only what
 * it is given: another subject's data cannot reach a letter unless a caller
 * puts it here (ESP-9: "with no other subject's data").
 *
 * @example
 * const input: AnswerInput = {
 *   policy,                                                    // the version in force (operator, purposes, terms)
 *   request: { reference: 'ESP-2026-000123', kind: 'information', receivedAt, dueAt, language: 'kk' },
 *   subject: { id: subjectId, kind: 'client', name: 'Әлия Серікқызы' },
 *   outcome: { kind: 'fulfilled', steps: [] },
 *   heldItems: ['full-name', 'phone'],
 *   issuedAt: clock(),
 * }
 */
export interface AnswerInput {
  /**
   * The policy version in force when the answer is given. The operator's
   * name, BIN, address and responsible person (art. 25(2)(10)) come from it,
   * and so does the content of an `information` or `access` answer: purposes,
   * sources, methods, recipients and countries, data items, terms (art. 24(1), ESP-9).
   */
  policy: CompiledPolicy
  request: AnswerRequest
  subject: AnswerSubject
  outcome: AnswerOutcome
  /**
   * `information` (and `access`): the policy's data items the operator holds
   * about this subject, in the vault and the connected systems — ids only.
   * When absent, the items of `records` are used.
   */
  heldItems?: readonly string[]
  /** `access` (ESP-3, TW-9.1): every record held about this subject — the vault's values and each connected system's exported rows. */
  records?: readonly SubjectRecord[]
  /** When the answer is issued: the letter is dated by it (Asia/Almaty). */
  issuedAt: Date
  /** Who signs; the policy's responsible person when absent. */
  signedBy?: { name?: string; title?: string }
}

export interface AnswerRequest {
  /** The short reference printed on letters (`requests.reference`), e.g. `ESP-2026-000123`. */
  reference: string
  kind: SubjectRequestKind
  receivedAt: Date
  /** The binding due date (`requests.due_at`). */
  dueAt: Date
  /** The language the subject wrote in (`requests.language`): the answer is written in it. */
  language: Language
  /** A request limited to some purposes (a withdrawal per purpose, TTC-9.4): their policy ids. */
  purposes?: readonly string[]
}

export interface AnswerSubject {
  id: string
  /** The subject kind of the policy: purposes and data are narrowed to those that apply to it. */
  kind?: string
  /** Name and postal address as the letter is addressed to, when known. */
  name?: string
  address?: string
}

/** What came of the request. */
export type AnswerOutcome =
  /** Done: what was done where, as counts only — the values stay in the systems (and in `records` for `access`). */
  | { kind: 'fulfilled'; steps: readonly FulfilledStep[] }
  /** Refused with its ground and the clauses or articles it rests on (`TTC-9.1`, `art. 8(2)`), cited in words. */
  | { kind: 'refused'; ground: RefusalGround; clauses: readonly string[]; detail?: string }
  /** The operator holds no personal data of the requester (art. 24(1): the fact is itself the answer). */
  | { kind: 'no_data_held' }

/** One piece of fulfilment as the letter reports it. */
export interface FulfilledStep {
  target: TaskTarget
  /** The connected system's id (`system`) or the recipient's policy id (`recipients`). */
  targetId?: string
  /** The system's name as the subject should read it; recipients are named from the policy. */
  targetName?: string
  action: TaskAction
  /** How many records, rows, items, consents or recipients the step touched. */
  count: number
}

/** One item of data held about the subject, as the access answer and the data export list it. */
export interface SubjectRecord {
  /** `derbes` for Derbes' own vault and consent ledger, otherwise the connected system's id. */
  system: string
  /** The system's name as the subject reads it; the id when absent. */
  systemName?: string
  /** `vault_items` for the vault; the table, collection or API resource of a system. */
  table: string
  /** The policy's data item when the column is mapped to one, else the column's name. */
  item: string
  value: string | number | boolean | null
  /** When it was collected, when the source knows. */
  collectedAt: Date | null
}
