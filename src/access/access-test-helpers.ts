import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { Secret } from 'otpauth'
import type { DatabaseHandle } from '../db/index.ts'
import type { TestDatabase } from '../db/test-databases.ts'
import { buildTestApp } from '../http/index.ts'
import { seedOperators } from '../operators/index.ts'
import { compilePolicy, loadPolicy, type CompiledPolicy, type PolicyDocument } from '../policy/index.ts'
import { MemoryKeyProvider } from '../subjects/crypto/index.ts'
import { createStaff } from './create-staff.ts'
import { PERMISSIONS, type Permission } from './permissions.ts'
import { signIn } from './sign-in.ts'

/** A seed policy compiled, optionally edited first (a narrower role, say). */
export function seedPolicy(seed: 'ttc' | 'tw' | 'esp' | 'kzk' | 'ps', edit?: (document: PolicyDocument) => void): CompiledPolicy {
  const loaded = loadPolicy(readFileSync(new URL(`../../policies/${seed}.yaml`, import.meta.url), 'utf8'), `policies/${seed}.yaml`)
  if (!loaded.ok) throw new Error(`policies/${seed}.yaml does not load`)
  const document = structuredClone(loaded.document)
  edit?.(document)
  return compilePolicy(document)
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public now: Date) {}
  readonly read = () => this.now
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms)
  }
}

export interface AccessFixture {
  database: DatabaseHandle
  app: FastifyInstance
  clock: TestClock
  keys: MemoryKeyProvider
  deps: { db: DatabaseHandle['db']; clock: () => Date; keys: MemoryKeyProvider }
  close(): Promise<void>
}

/** One database with the five seed operators published, and the app over it. */
export async function openAccessFixture(target: TestDatabase): Promise<AccessFixture> {
  const clock = new TestClock(new Date('2026-12-02T10:00:00+05:00'))
  const database = await target.open()
  await seedOperators({ db: database.db, clock: clock.read }, 'policies')
  const keys = new MemoryKeyProvider()
  const app = await buildTestApp(database, { clock: clock.read, keys })
  return {
    database,
    app,
    clock,
    keys,
    deps: { db: database.db, clock: clock.read, keys },
    async close() {
      await app.close()
      await database.close()
    },
  }
}

export const PASSWORD = 'correct horse battery'
let counter = 0

/** Adds a member of staff with a fresh login (tests stay independent in one database). */
export async function addStaff(
  fixture: AccessFixture,
  options: { operatorId?: string; roleId?: string; extra?: readonly Permission[]; login?: string } = {},
) {
  const operatorId = options.operatorId ?? 'ttc'
  const login = options.login ?? `staff-${++counter}-${Date.now().toString(36)}`
  const staff = await createStaff(fixture.deps, {
    operatorId,
    login,
    password: PASSWORD,
    roleId: options.roleId ?? (operatorId === 'ttc' ? 'branch-staff' : seedPolicy(operatorId as 'tw').document.access.roles[0]!.id),
    extraPermissions: options.extra ?? [],
    createdBy: 'test',
  })
  return { ...staff, operatorId }
}

/** A signed-in administrator (every permission) of the operator, and their session token. */
export async function adminSession(fixture: AccessFixture, operatorId = 'ttc'): Promise<{ staffId: string; token: string }> {
  const staff = await addStaff(fixture, { operatorId, extra: PERMISSIONS, roleId: seedPolicy(operatorId as 'ttc').document.access.roles[0]!.id })
  const session = await signIn(fixture.deps, operatorId, { login: staff.login, password: PASSWORD })
  return { staffId: staff.staffId, token: session.token }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** The TOTP secret in an `otpauth://` URI, as an authenticator app reads it. */
export const secretOf = (uri: string): Buffer => Buffer.from(Secret.fromBase32(new URL(uri).searchParams.get('secret')!).bytes)
