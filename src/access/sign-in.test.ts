import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { addStaff, openAccessFixture, PASSWORD, secretOf, type AccessFixture } from './access-test-helpers.ts'
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS, signIn } from './sign-in.ts'
import { confirmTotp, enrolTotp } from './staff-totp.ts'
import { totpCode } from './totp.ts'
import { updateStaff } from './update-staff.ts'

const refusedWith = (code: string) => expect.objectContaining({ code })

describe.each(TEST_DATABASES)('staff sign-in on $name', (target) => {
  let f: AccessFixture
  beforeAll(async () => {
    f = await openAccessFixture(target)
  })
  afterAll(async () => f.close())

  /** Enrols TOTP for a member of staff and returns their secret as the authenticator app holds it. */
  async function enrolled(staffId: string): Promise<Buffer> {
    const { uri } = await enrolTotp(f.deps, 'ttc', staffId, f.clock.now)
    const secret = secretOf(uri)
    await confirmTotp(f.deps, 'ttc', staffId, totpCode(secret, f.clock.now), f.clock.now)
    f.clock.advance(30_000) // the confirming code's step is used up
    return secret
  }

  it('opens an active session for the right password, whatever the case of the login', async () => {
    const staff = await addStaff(f)
    const session = await signIn(f.deps, 'ttc', { login: staff.login.toUpperCase(), password: PASSWORD })
    expect(session.state).toBe('active')
    expect(session.token).toMatch(/^ds\.ttc\.[a-z0-9]{16}\.[A-Za-z0-9_-]{43}$/)
    const row = await f.database.db.selectFrom('staff_sessions').selectAll().where('session_id', '=', session.sessionId).executeTakeFirstOrThrow()
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(session.token).not.toContain(row.secret_hash)
  })

  it('refuses a wrong password, an unknown login, another operator and a disabled account with the same error', async () => {
    const staff = await addStaff(f)
    await expect(signIn(f.deps, 'ttc', { login: staff.login, password: 'wrong password!' })).rejects.toThrow(refusedWith('DERBES_SIGN_IN_FAILED'))
    await expect(signIn(f.deps, 'ttc', { login: 'nobody-here', password: PASSWORD })).rejects.toThrow(refusedWith('DERBES_SIGN_IN_FAILED'))
    await expect(signIn(f.deps, 'esp', { login: staff.login, password: PASSWORD })).rejects.toThrow(refusedWith('DERBES_SIGN_IN_FAILED'))
    await updateStaff(f.deps, 'ttc', staff.staffId, { active: false }, 'test')
    await expect(signIn(f.deps, 'ttc', { login: staff.login, password: PASSWORD })).rejects.toThrow(refusedWith('DERBES_SIGN_IN_FAILED'))
  })

  it(`locks the account after ${MAX_FAILED_SIGN_INS} failures for 15 minutes, even for the right password`, async () => {
    const staff = await addStaff(f)
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      await expect(signIn(f.deps, 'ttc', { login: staff.login, password: `guess number ${i}` })).rejects.toThrow(refusedWith('DERBES_SIGN_IN_FAILED'))
    }
    await expect(signIn(f.deps, 'ttc', { login: staff.login, password: PASSWORD })).rejects.toThrow(refusedWith('DERBES_SIGN_IN_FAILED'))
    const locked = await f.database.db.selectFrom('staff_users').select('locked_until').where('staff_id', '=', staff.staffId).executeTakeFirstOrThrow()
    expect(new Date(locked.locked_until!).getTime()).toBe(f.clock.now.getTime() + LOCKOUT_MS)
    f.clock.advance(LOCKOUT_MS + 1)
    expect((await signIn(f.deps, 'ttc', { login: staff.login, password: PASSWORD })).state).toBe('active')
  })

  it('counts failures in a row only: a success starts the count again', async () => {
    const staff = await addStaff(f)
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) await expect(signIn(f.deps, 'ttc', { login: staff.login, password: 'not it at all' })).rejects.toThrow()
      expect((await signIn(f.deps, 'ttc', { login: staff.login, password: PASSWORD })).state).toBe('active')
    }
  })

  it('asks an enrolled member of staff for the TOTP code: password alone gives a pending session', async () => {
    const staff = await addStaff(f)
    await enrolled(staff.staffId)
    const session = await signIn(f.deps, 'ttc', { login: staff.login, password: PASSWORD })
    expect(session.state).toBe('second_factor_pending')
    expect(session.expiresAt.getTime() - f.clock.now.getTime()).toBe(5 * 60_000)
  })

  it('checks the TOTP code of a one-step sign-in and never accepts the same code twice', async () => {
    const staff = await addStaff(f)
    const secret = await enrolled(staff.staffId)
    await expect(signIn(f.deps, 'ttc', { login: staff.login, password: PASSWORD, code: totpCode(secret, new Date(f.clock.now.getTime() + 300_000)) })).rejects.toThrow(refusedWith('DERBES_SIGN_IN_FAILED'))
    const code = totpCode(secret, f.clock.now)
    expect((await signIn(f.deps, 'ttc', { login: staff.login, password: PASSWORD, code })).state).toBe('active')
    // RFC 6238 §5.2: the verifier must not accept the second attempt of the same OTP.
    await expect(signIn(f.deps, 'ttc', { login: staff.login, password: PASSWORD, code })).rejects.toThrow(refusedWith('DERBES_SIGN_IN_FAILED'))
    // nor an older one still inside the ±1 step window
    f.clock.advance(30_000)
    await expect(signIn(f.deps, 'ttc', { login: staff.login, password: PASSWORD, code: totpCode(secret, new Date(f.clock.now.getTime() - 60_000)) })).rejects.toThrow()
    expect((await signIn(f.deps, 'ttc', { login: staff.login, password: PASSWORD, code: totpCode(secret, f.clock.now) })).state).toBe('active')
  })

  it('stores the TOTP secret only wrapped by the operator key', async () => {
    const staff = await addStaff(f)
    const secret = await enrolled(staff.staffId)
    const row = await f.database.db.selectFrom('staff_users').select('totp_secret').where('staff_id', '=', staff.staffId).executeTakeFirstOrThrow()
    expect(row.totp_secret).toEqual({ keyId: expect.any(String), ciphertext: expect.any(String) })
    expect(Buffer.from(row.totp_secret!.ciphertext, 'base64').includes(secret)).toBe(false)
    expect(await f.keys.unwrap('ttc', row.totp_secret!)).toEqual(secret)
  })

  it('refuses a second enrolment once confirmed, and a confirmation with a wrong code', async () => {
    const staff = await addStaff(f)
    await expect(confirmTotp(f.deps, 'ttc', staff.staffId, '123456', f.clock.now)).rejects.toThrow(refusedWith('DERBES_TOTP_NOT_ENROLLED'))
    const { uri } = await enrolTotp(f.deps, 'ttc', staff.staffId, f.clock.now)
    const secret = secretOf(uri)
    const wrong = totpCode(secret, new Date(f.clock.now.getTime() + 300_000))
    await expect(confirmTotp(f.deps, 'ttc', staff.staffId, wrong, f.clock.now)).rejects.toThrow(refusedWith('DERBES_TOTP_CODE_INVALID'))
    await confirmTotp(f.deps, 'ttc', staff.staffId, totpCode(secret, f.clock.now), f.clock.now)
    await expect(enrolTotp(f.deps, 'ttc', staff.staffId, f.clock.now)).rejects.toThrow(refusedWith('DERBES_TOTP_ALREADY_ENROLLED'))
  })
})
