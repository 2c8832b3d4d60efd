import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError, type FieldProblem } from '../../errors/index.ts'
import { enqueueEvent } from '../../notify/index.ts'
import { getVersion } from '../../operators/index.ts'
import { canonicalJson, sha256Hex } from '../../policy/index.ts'
import type { LedgerDeps } from './ledger-deps.ts'

export interface CookieChoiceInput {
  operatorId: string
  /** The banner's random identifier of the browser; nothing else identifies the visitor. */
  visitorId: string
  /** The policy version whose banner was shown. */
  policyVersionId: string
  /** Category → allowed; categories left out are refused. */
  choices: Readonly<Record<string, boolean>>
  /** Global Privacy Control: the browser asks that nothing optional be allowed. */
  gpc?: boolean | undefined
  language: 'kk' | 'ru' | 'en'
}

export interface CookieChoice {
  consentId: string
  visitorId: string
  policyVersionId: string
  language: 'kk' | 'ru' | 'en'
  /** Every category of the policy → allowed; `necessary` always true. */
  choices: Record<string, boolean>
  gpc: boolean
  recordedAt: string
  recordHash: string
}

/**
 * Records a visitor's cookie choice per category from the banner (TTC-5),
 * checked against the cookie categories of the policy version shown:
 * categories that need no consent (necessary) are always on, every other one
 * is off unless chosen, and Global Privacy Control turns every optional one
 * off. Stored append-only with that version; the newest is the current choice.
 * Not audited: no subject is known, and the banner's traffic must not queue
 * on the operator's audit chain; the table itself is append-only and hashed.
 *
 * @example
 * await recordCookieConsent(deps, { operatorId: 'ttc', visitorId: 'v-3f9a0c1d', policyVersionId: '2025-1', choices: { analytics: true }, language: 'kk' })
 * // choices: { necessary: true, functional: false, analytics: true, marketing: false }
 */
export async function recordCookieConsent(deps: Pick<LedgerDeps, 'db' | 'clock'>, input: CookieChoiceInput): Promise<CookieChoice> {
  const invalid = (detail: string, errors: FieldProblem[]) => new DerbesError('DERBES_COOKIE_CHOICE_INVALID', detail, errors)
  const version = await getVersion(deps, input.operatorId, input.policyVersionId).catch((error: unknown) => {
    if (error instanceof DerbesError && error.code === 'DERBES_POLICY_VERSION_NOT_FOUND') {
      throw invalid(`operator '${input.operatorId}' has no policy version '${input.policyVersionId}'`, [{ pointer: '/body/policyVersionId', detail: 'no such version' }])
    }
    throw error
  })
  if (version.view.state !== 'published' && version.view.state !== 'superseded') {
    throw invalid(`policy version '${input.policyVersionId}' was never published, so no banner showed it`, [{ pointer: '/body/policyVersionId', detail: `is ${version.view.state}` }])
  }
  const categories = version.document.cookies?.categories ?? []
  if (categories.length === 0) throw invalid(`policy version '${input.policyVersionId}' declares no cookie categories`, [{ pointer: '/body/policyVersionId', detail: 'has no cookies section' }])
  const unknown = Object.keys(input.choices).filter((id) => !categories.some((c) => c.id === id))
  if (unknown.length > 0) {
    throw invalid(`${unknown.length} unknown cookie categor${unknown.length === 1 ? 'y' : 'ies'}`, unknown.map((id) => ({
      pointer: `/body/choices/${id}`,
      detail: `not a cookie category of policy version '${input.policyVersionId}' (${categories.map((c) => c.id).join(', ')})`,
    })))
  }
  const gpc = input.gpc === true
  const choices = Object.fromEntries(categories.map((c) => [c.id, !c.requiresConsent || (!gpc && input.choices[c.id] === true)]))
  const consentId = randomUUID()
  const recordedAt = deps.clock()
  const stored = { consentId, visitorId: input.visitorId, policyVersionId: input.policyVersionId, language: input.language, choices, gpc, recordedAt: recordedAt.toISOString() }
  const recordHash = sha256Hex(canonicalJson({ schema: 'derbes.cookie-consent.v1', operatorId: input.operatorId, ...stored }))
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('cookie_consents')
      .values({
        operator_id: input.operatorId,
        consent_id: consentId,
        visitor_id: input.visitorId,
        policy_version_id: input.policyVersionId,
        language: input.language,
        choices: JSON.stringify(choices),
        gpc,
        recorded_at: recordedAt,
        record_hash: recordHash,
      })
      .execute()
    await enqueueEvent(trx, { operatorId: input.operatorId, type: 'cookie_consent.recorded', occurredAt: recordedAt, data: { consentId, visitorId: input.visitorId, policyVersionId: input.policyVersionId, choices, gpc } })
  })
  return { ...stored, recordHash }
}

/**
 * A visitor's current cookie choice, or null when the visitor never chose
 * (then the banner shows, and only necessary cookies run).
 *
 * @example
 * await currentCookieConsent(db, 'ttc', 'v-3f9a0c1d') // { choices: { analytics: true, … }, … } | null
 */
export async function currentCookieConsent(db: Kysely<Database>, operatorId: string, visitorId: string): Promise<CookieChoice | null> {
  const row = await db
    .selectFrom('cookie_consents')
    .selectAll()
    .where('operator_id', '=', operatorId)
    .where('visitor_id', '=', visitorId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return null
  return {
    consentId: row.consent_id,
    visitorId: row.visitor_id,
    policyVersionId: row.policy_version_id,
    language: row.language,
    choices: typeof row.choices === 'string' ? (JSON.parse(row.choices) as Record<string, boolean>) : row.choices,
    gpc: row.gpc,
    recordedAt: row.recorded_at.toISOString(),
    recordHash: row.record_hash,
  }
}
