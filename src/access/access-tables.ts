import type { ColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T = unknown> = ColumnType<T, string, string>

/** API keys: only a SHA-256 of the secret is stored; the token is shown once, when issued. */
export interface ApiKeysTable {
  operator_id: string
  key_id: string
  name: string
  secret_hash: string
  permissions: Json<string[]>
  role_id: string | null
  created_at: ColumnType<Date, Date | string | undefined, never>
  created_by: string
  expires_at: Timestamp | null
  revoked_at: Timestamp | null
}

/** Installation administrator keys: installation-wide (no operator), only a SHA-256 of the secret stored. */
export interface InstallationAdminKeysTable {
  key_id: string
  name: string
  secret_hash: string
  created_at: ColumnType<Date, Date | string | undefined, never>
  created_by: string
  expires_at: Timestamp | null
  revoked_at: Timestamp | null
}

/** A TOTP secret as stored: wrapped by the operator's key, like a subject's data key. */
export interface WrappedSecret {
  keyId: string
  ciphertext: string
}

/** Staff users of an operator: argon2id password hash, policy role, optional TOTP second factor. */
export interface StaffUsersTable {
  operator_id: string
  staff_id: string
  /** Lower-case, unique within the operator. */
  login: string
  display_name: string
  password_hash: string
  /** A role of the operator's published policy (`access.roles[].id`). */
  role_id: string
  /** Permissions beyond the role's actions, such as `staff:manage` for an administrator. */
  extra_permissions: ColumnType<string[], string | undefined, string>
  active: ColumnType<boolean, boolean | undefined, boolean>
  failed_logins: ColumnType<number, number | undefined, number>
  locked_until: Timestamp | null
  totp_secret: ColumnType<WrappedSecret | null, string | null | undefined, string | null>
  /** Null while an enrolment awaits its first code; sign-in asks for a code once set. */
  totp_confirmed_at: Timestamp | null
  /** The RFC 6238 time step of the last code accepted: a code is never accepted twice. */
  totp_last_step: ColumnType<string | number | null, number | null | undefined, number | null>
  created_at: ColumnType<Date, Date | string | undefined, never>
  created_by: string
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export type StaffSessionState = 'second_factor_pending' | 'active'

/** Staff sessions: only a SHA-256 of the bearer secret is stored. */
export interface StaffSessionsTable {
  operator_id: string
  session_id: string
  staff_id: string
  secret_hash: string
  state: StaffSessionState
  second_factor_failures: ColumnType<number, number | undefined, number>
  created_at: ColumnType<Date, Date | string, never>
  last_seen_at: Timestamp
  /** The absolute end of the session; idle time ends it earlier. */
  expires_at: Timestamp
  ended_at: Timestamp | null
}

/** The access module's tables, merged into the `Database` interface of `db/`. */
export interface AccessTables {
  api_keys: ApiKeysTable
  installation_admin_keys: InstallationAdminKeysTable
  staff_users: StaffUsersTable
  staff_sessions: StaffSessionsTable
}
