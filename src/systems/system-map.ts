/**
 * The data map of one of the operator's systems (issue 4 item 5): which
 * tables hold which policy items, which columns identify the subject, how
 * each column is masked when the subject is anonymised, and the foreign keys
 * between mapped tables so deletes run children first.
 */

export const SYSTEM_KINDS = ['postgres', 'mysql', 'http', 'manual'] as const
export type SystemKind = (typeof SYSTEM_KINDS)[number]

/** The identifiers a column can hold: those of a `SubjectLocator`, and Derbes' own subject id. */
export const LOCATOR_KINDS = ['iin', 'phone', 'email', 'id_document', 'subject_id'] as const
export type LocatorKind = (typeof LOCATOR_KINDS)[number]

export const MASKING_STRATEGIES = ['null', 'fixed', 'hash', 'redact', 'date_year', 'keep'] as const
export type MaskingStrategy = (typeof MASKING_STRATEGIES)[number]

/**
 * How a column is anonymised (PS-7.1, art. 1(9) "depersonalisation"):
 * - `null`: cleared;
 * - `fixed`: set to one value for everyone (`'ANONYMISED'`, `0`);
 * - `hash`: a keyed HMAC-SHA256 of the value, hex, cut to `length` — the same
 *   value gives the same hash within a system, so counts and joins still work,
 *   and without the operator's key it cannot be reversed by trying every IIN;
 * - `redact`: letters and digits become `*` except `keepStart` first and
 *   `keepEnd` last ones; length and punctuation stay (`+7 *** *** ** 67`);
 * - `date_year`: a date keeps its year only (1 January);
 * - `keep`: not personal on its own (an amount, a count) — left as it is.
 */
export type Masking =
  | { strategy: 'null' }
  | { strategy: 'fixed'; value: string | number }
  | { strategy: 'hash'; length?: number }
  | { strategy: 'redact'; keepStart?: number; keepEnd?: number }
  | { strategy: 'date_year' }
  | { strategy: 'keep' }

export interface MappedColumn {
  name: string
  /** The policy item (the list, Тізбе) the column holds; absent for a pure key such as `derbes_subject_id`. */
  itemId?: string
  /** The subject is found by this column holding this kind of identifier. */
  identifies?: LocatorKind
  /** Required on database systems for every column with an item or an identifier. */
  masking?: Masking
}

export interface MappedTable {
  name: string
  columns: MappedColumn[]
}

/** `child.column` holds a key of `parent.column` (a foreign key, declared or real). */
export interface Relation {
  child: { table: string; column: string }
  parent: { table: string; column: string }
}

/** What an operator declares; connection secrets go in separately and are sealed. */
export interface SystemMap {
  tables: MappedTable[]
  relations: Relation[]
}

/** A database system's connection: the URL carries the password, so it is sealed whole. */
export interface DatabaseConnectionInput {
  /** `postgres://user:password@host:5432/db` or `mysql://user:password@host:3306/db`. */
  url?: string
  /** PostgreSQL only: the schema the tables are in; `public` by default. */
  schema?: string
  /** Each statement is cancelled after this long; 5,000 ms by default. */
  statementTimeoutMs?: number
  /** Connections kept open to the system; 4 by default. */
  poolSize?: number
}

/** A system with its own API: the bearer token (and signing secret) are sealed. */
export interface HttpConnectionInput {
  baseUrl?: string
  token?: string
  /** Standard Webhooks secret (`whsec_…`): each call is signed with it when given. */
  signingSecret?: string
  timeoutMs?: number
}

export type ConnectionInput = DatabaseConnectionInput & HttpConnectionInput

/** What is stored in the clear and shown: the URL with its password replaced by `***`, no token. */
export interface ConnectionView {
  url?: string
  schema?: string
  statementTimeoutMs?: number
  poolSize?: number
  baseUrl?: string
  timeoutMs?: number
  /** Whether a sealed secret (password URL, token) is stored — never the secret. */
  secret: 'sealed' | 'none'
  token?: '***'
  signingSecret?: '***'
}

export interface SystemInput extends SystemMap {
  systemId: string
  name: string
  kind: SystemKind
  description?: string
  /** On update a missing `url`/`token` keeps the sealed one. */
  connection: ConnectionInput
}

/** A system as the API and the fulfilment planner see it: the map, the connection redacted. */
export interface SystemView extends SystemMap {
  systemId: string
  name: string
  kind: SystemKind
  description: string | null
  connection: ConnectionView
  /** Every policy item the system holds, sorted: what the fulfilment planner asks about. */
  items: string[]
  /** The identifier kinds it can find a subject by. */
  identifiers: LocatorKind[]
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
}
