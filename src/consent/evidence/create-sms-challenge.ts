import { randomInt, randomUUID } from 'node:crypto'
import { appendAudit } from '../../audit/index.ts'
import { DerbesError } from '../../errors/index.ts'
import type { AppDeps } from '../../http/app-deps.ts'
import { getPublishedVersion } from '../../operators/index.ts'
import type { Language } from '../../policy/index.ts'
import { blindIndexFor, normalizeIdentifier } from '../../subjects/crypto/index.ts'
import { consentTextHash } from './consent-text.ts'
import { sealSmsData, smsCodeHmac } from './evidence-keys.ts'
import { outboxSmsGateway, type SmsGateway } from './sms-gateway.ts'
import { smsCodeText } from './sms-messages.ts'
import { requireActiveSubject } from './subject-status.ts'

/** How long a code is valid, how often it may be entered wrongly, how many a subject may be sent per hour. */
export const SMS_CODE_TTL_MINUTES = 5
export const SMS_MAX_ATTEMPTS = 5
export const SMS_MAX_PER_HOUR = 5

export interface SmsChallengeRequest {
  operatorId: string
  subjectId: string
  phone: string
  formId: string
  language: Language
  /** Who asked: `api_key:<id>`, `staff:<id>`. */
  actor: string
}

export interface SmsChallenge {
  challengeId: string
  formId: string
  formVersion: number
  language: Language
  /** The consent text the code will confirm (consentTextHash). */
  textHash: string
  expiresAt: string
  maxAttempts: number
}

/**
 * Sends a 6-digit code to the subject's phone to confirm one consent form in
 * one language (ESP-4: data typed on a consultant's tablet, confirmed by SMS
 * code; KZK-2.3.4: registration confirmed by SMS code). The phone must be the
 * subject's registered phone identifier (by blind index); the form must allow
 * `sms_code`. Only the code's HMAC is stored; the code travels through the
 * gateway (by default the sealed `sms_outbox`). `verifyEvidence` consumes it.
 *
 * @example
 * const { challengeId } = await createSmsChallenge(deps, { operatorId: 'esp', subjectId: 's-1', phone: '+77011234567', formId: 'app-1', language: 'kk', actor: 'api_key:tab1' })
 */
export async function createSmsChallenge(
  deps: Pick<AppDeps, 'db' | 'clock' | 'keys'>,
  request: SmsChallengeRequest,
  gateway: SmsGateway = outboxSmsGateway(deps.keys),
): Promise<SmsChallenge> {
  const { operatorId, subjectId, language } = request
  let phone: string
  try {
    phone = normalizeIdentifier('phone', request.phone)
  } catch (error) {
    if (error instanceof DerbesError) throw new DerbesError(error.code, error.message, [{ pointer: '/body/phone', detail: 'is not a Kazakhstan phone number' }])
    throw error
  }
  const { compiled: policy } = await getPublishedVersion(deps, operatorId)
  const form = policy.consentForms.get(request.formId)
  if (!form) throw new DerbesError('DERBES_CONSENT_FORM_NOT_FOUND', `operator '${operatorId}' publishes no consent form '${request.formId}'`, [{ pointer: '/body/formId', detail: 'not a consent form of the published policy' }])
  if (!form.methods.includes('sms_code')) {
    throw new DerbesError('DERBES_CONSENT_METHOD_NOT_ALLOWED', `form '${form.id}' is not given by SMS code`, [{ pointer: '/body/formId', detail: `the form allows ${form.methods.join(', ')}` }])
  }
  await requireActiveSubject(deps.db, operatorId, subjectId)
  const phoneIndex = await blindIndexFor(deps.keys, operatorId, 'phone', phone)
  const owner = await deps.db
    .selectFrom('subject_identifiers')
    .select('subject_id')
    .where('operator_id', '=', operatorId)
    .where('kind', '=', 'phone')
    .where('blind_index', '=', phoneIndex)
    .executeTakeFirst()
  // One answer for "nobody's" and "another subject's": the route must not tell whose number it is.
  if (owner?.subject_id !== subjectId) {
    throw new DerbesError('DERBES_CONSENT_SMS_PHONE_MISMATCH', `the phone is not the registered phone of subject '${subjectId}'`, [{ pointer: '/body/phone', detail: "is not the subject's registered phone" }])
  }

  const now = deps.clock()
  const expiresAt = new Date(now.getTime() + SMS_CODE_TTL_MINUTES * 60_000)
  const challengeId = randomUUID()
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const textHash = consentTextHash(form, language)
  await deps.db.transaction().execute(async (trx) => {
    const recent = await trx
      .selectFrom('sms_challenges')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('operator_id', '=', operatorId)
      .where('subject_id', '=', subjectId)
      .where('created_at', '>', new Date(now.getTime() - 3_600_000))
      .executeTakeFirstOrThrow()
    if (Number(recent.count) >= SMS_MAX_PER_HOUR) {
      throw new DerbesError('DERBES_CONSENT_SMS_TOO_MANY', `${SMS_MAX_PER_HOUR} SMS codes were sent to subject '${subjectId}' in the last hour`)
    }
    await trx
      .insertInto('sms_challenges')
      .values({
        operator_id: operatorId,
        challenge_id: challengeId,
        subject_id: subjectId,
        phone_index: phoneIndex,
        phone_sealed: await sealSmsData(deps.keys, operatorId, `challenge:${challengeId}`, phone),
        form_id: form.id,
        form_version: form.version,
        language,
        text_hash: textHash,
        code_hmac: await smsCodeHmac(deps.keys, operatorId, challengeId, code),
        created_at: now,
        expires_at: expiresAt,
        consumed_at: null,
      })
      .execute()
    const operator = policy.document.operator.name[language]
    await gateway.send(trx, { operatorId, subjectId, challengeId, phone, language, text: smsCodeText(language, { operator, code, minutes: SMS_CODE_TTL_MINUTES }), createdAt: now, expiresAt })
    // Sending a code to the subject's phone uses that phone (art. 1: use of personal data).
    await appendAudit(trx, {
      operatorId,
      at: now,
      actor: request.actor,
      action: 'use',
      subjectId,
      details: { itemKind: 'phone', reason: 'consent_sms_code', challengeId, formId: form.id, formVersion: form.version },
    })
  })
  return { challengeId, formId: form.id, formVersion: form.version, language, textHash, expiresAt: expiresAt.toISOString(), maxAttempts: SMS_MAX_ATTEMPTS }
}
