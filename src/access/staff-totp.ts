import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { KeyProvider } from '../subjects/crypto/index.ts'
import { forgetCredentials } from './credential-cache.ts'
import { recordAccessChange } from './record-access-change.ts'
import { endAllSessions } from './staff-sessions.ts'
import { newTotpSecret, totpStep, totpUri } from './totp.ts'

export interface TotpDeps {
  db: Kysely<Database>
  keys: Pick<KeyProvider, 'wrap' | 'unwrap'>
}

/**
 * Starts (or restarts, while unconfirmed) TOTP enrolment and returns the
 * `otpauth://` URI once. The secret is stored only wrapped by the operator's
 * key; sign-in asks for codes once `confirmTotp` has accepted the first one.
 *
 * @example
 * const { uri } = await enrolTotp({ db, keys }, 'ttc', staffId) // show as a QR code
 */
export async function enrolTotp(deps: TotpDeps, operatorId: string, staffId: string, now: Date): Promise<{ uri: string }> {
  const row = await staffRow(deps.db, operatorId, staffId)
  if (row.totp_confirmed_at) throw new DerbesError('DERBES_TOTP_ALREADY_ENROLLED', 'a second factor is already set up; an administrator resets it first')
  const secret = newTotpSecret()
  const wrapped = await deps.keys.wrap(operatorId, secret)
  await deps.db
    .updateTable('staff_users')
    .set({ totp_secret: JSON.stringify(wrapped), totp_last_step: null, updated_at: now })
    .where('operator_id', '=', operatorId)
    .where('staff_id', '=', staffId)
    .where('totp_confirmed_at', 'is', null)
    .execute()
  return { uri: totpUri(secret, operatorId, row.login) }
}

/** Confirms enrolment with the first code from the app; from then on sign-in needs a code. */
export async function confirmTotp(deps: TotpDeps, operatorId: string, staffId: string, code: string, now: Date): Promise<void> {
  const row = await staffRow(deps.db, operatorId, staffId)
  if (row.totp_confirmed_at) throw new DerbesError('DERBES_TOTP_ALREADY_ENROLLED', 'the second factor is already confirmed')
  if (!row.totp_secret) throw new DerbesError('DERBES_TOTP_NOT_ENROLLED', 'start enrolment first: POST …/staff/me/totp')
  if (!(await acceptTotpCode(deps, operatorId, staffId, code, now))) {
    throw new DerbesError('DERBES_TOTP_CODE_INVALID', 'the code is wrong, expired or already used', [{ pointer: '/body/code', detail: 'not accepted' }])
  }
  await deps.db.updateTable('staff_users').set({ totp_confirmed_at: now, updated_at: now }).where('operator_id', '=', operatorId).where('staff_id', '=', staffId).execute()
}

/**
 * True when `code` is valid now for the staff member's secret and its time
 * step is later than any accepted before; that step is then recorded in the
 * same statement that checks it, so two requests racing with one code cannot
 * both pass.
 */
export async function acceptTotpCode(deps: TotpDeps, operatorId: string, staffId: string, code: string, now: Date): Promise<boolean> {
  const row = await staffRow(deps.db, operatorId, staffId)
  if (!row.totp_secret) return false
  const step = totpStep(await deps.keys.unwrap(operatorId, row.totp_secret), code, now)
  if (step === undefined) return false
  const result = await deps.db
    .updateTable('staff_users')
    .set({ totp_last_step: step })
    .where('operator_id', '=', operatorId)
    .where('staff_id', '=', staffId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/**
 * Removes the second factor (a lost phone); the person signs in with the
 * password and enrols again. Their sessions end; the reset is audited in the
 * same transaction.
 */
export async function resetTotp(db: Kysely<Database>, operatorId: string, staffId: string, actor: string, now: Date): Promise<void> {
  await staffRow(db, operatorId, staffId)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_users')
      .set({ totp_secret: null, totp_confirmed_at: null, totp_last_step: null, updated_at: now })
      .where('operator_id', '=', operatorId)
      .where('staff_id', '=', staffId)
      .execute()
    await endAllSessions(trx, operatorId, staffId, now)
    await recordAccessChange(trx, operatorId, actor, now, { change: 'second_factor_reset', staffId })
  })
  forgetCredentials({ operatorId, kind: 'staff', id: staffId })
}

async function staffRow(db: Kysely<Database>, operatorId: string, staffId: string) {
  const row = await db
    .selectFrom('staff_users')
    .select(['login', 'totp_secret', 'totp_confirmed_at'])
    .where('operator_id', '=', operatorId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_NOT_FOUND', `no staff user '${staffId}' in operator '${operatorId}'`)
  return row
}
