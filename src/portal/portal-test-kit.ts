// Test support for the portal suites: the requests fixture (seed operators, an app and deps sharing a
// settable clock and a memory keyring), and sign-in the way a subject does it — the code read from
// the SMS outbox as the operator's SMS provider adapter would read it.
import { readFileSync } from 'node:fs'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { markSmsSent, pendingSmsMessages } from '../consent/index.ts'
import type { TestDatabase } from '../db/test-databases.ts'
import { approvePolicyVersion, publishPolicyVersion, uploadPolicyVersion } from '../operators/index.ts'
import { openRequestsFixture, type RequestsFixture, type Seed } from '../requests/requests-test-kit.ts'

export interface PortalFixture extends RequestsFixture {
  /** The newest sign-in code sent by SMS to a subject, taken from the outbox (and marked sent). */
  smsCode(operatorId: string, subjectId: string): Promise<{ code: string; text: string; language: string }>
  /** Asks for a code for a phone and returns the challenge answer. */
  askCode(operatorId: string, identifier: { kind: 'phone' | 'email'; value: string }, language?: string): Promise<LightMyRequestResponse>
  verify(operatorId: string, challengeId: string, code: string): Promise<LightMyRequestResponse>
  /** The whole sign-in by SMS: a `dss.` token for the subject the phone belongs to. */
  signIn(operatorId: string, subjectId: string, phone: string): Promise<string>
  /** `app.inject` with a portal session. */
  asSubject(token: string | undefined, options: InjectOptions): Promise<LightMyRequestResponse>
  /** Publishes a new version of a seed policy, edited as YAML text (a form that takes withdrawals through the portal). */
  publishVariant(seed: Seed, versionId: string, edit: (yaml: string) => string): Promise<void>
}

/** Registered phones of test subjects: +7 701 555 NN NN, told apart by `n`. */
export const phone = (n: number) => `+7701555${String(n).padStart(4, '0')}`

export async function openPortalFixture(target: TestDatabase, start?: string): Promise<PortalFixture> {
  const fx = await openRequestsFixture(target, start)
  const askCode: PortalFixture['askCode'] = (operatorId, identifier, language) =>
    fx.app.inject({ method: 'POST', url: `/v1/operators/${operatorId}/portal/sign-in`, payload: { identifier, ...(language ? { language } : {}) } })
  const verify: PortalFixture['verify'] = (operatorId, challengeId, code) =>
    fx.app.inject({ method: 'POST', url: `/v1/operators/${operatorId}/portal/sign-in/verify`, payload: { challengeId, code } })
  const smsCode: PortalFixture['smsCode'] = async (operatorId, subjectId) => {
    const mine = (await pendingSmsMessages(fx.deps, operatorId)).filter((m) => m.subjectId === subjectId)
    const sms = mine.at(-1)
    if (!sms) throw new Error(`no SMS for ${subjectId}`)
    await markSmsSent(fx.deps.db, operatorId, sms.messageId, fx.now(), 'test-provider')
    return { code: /\b(\d{6})\b/.exec(sms.text)![1]!, text: sms.text, language: sms.language }
  }
  return {
    ...fx,
    smsCode,
    askCode,
    verify,
    async signIn(operatorId, subjectId, phoneNumber) {
      const asked = await askCode(operatorId, { kind: 'phone', value: phoneNumber })
      if (asked.statusCode !== 202) throw new Error(asked.body)
      const { code } = await smsCode(operatorId, subjectId)
      const verified = await verify(operatorId, asked.json().challengeId, code)
      if (verified.statusCode !== 201) throw new Error(verified.body)
      return verified.json().token as string
    },
    asSubject: (token, options) => fx.app.inject({ ...options, headers: { ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } }),
    async publishVariant(seed, versionId, edit) {
      const source = edit(readFileSync(new URL(`../../policies/${seed}.yaml`, import.meta.url), 'utf8')).replace(/^(version:\n(?:\s*#.*\n)*\s*id:\s*)"[^"]*"/m, `$1"${versionId}"`)
      const deps = { db: fx.deps.db, clock: fx.deps.clock }
      await uploadPolicyVersion(deps, { source, format: 'yaml', uploadedBy: 'test', operatorId: seed })
      await approvePolicyVersion(deps, seed, versionId, { approvedBy: 'test', order: 'test order' })
      await publishPolicyVersion(deps, seed, versionId, 'test')
    },
  }
}
