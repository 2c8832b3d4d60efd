import { giveConsent, type ConsentStateRow } from '../consent/index.ts'
import { DerbesError } from '../errors/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import type { Language } from '../policy/index.ts'
import { getSubject } from '../subjects/index.ts'
import type { ActingFor } from './acting-for.ts'
import { formsFor, portalMethod } from './portal-consents.ts'
import type { PortalDeps } from './portal-deps.ts'
import type { SubjectSession } from './subject-sessions.ts'

export interface GiveChoice {
  purposeId: string
  /** Marketing by these channels only (ESP-2: SMS and e-mail apart). */
  channels?: readonly string[] | undefined
  /** The form shown, when the purpose is on more than one the portal can record. */
  formId?: string | undefined
  /** The version and the text hash shown (`GET …/portal/consents`): refused when the form changed since (TTC-1.8). */
  formVersion?: number | undefined
  textHash?: string | undefined
  language: Language
  /** Where the box was ticked: kept sealed as evidence. */
  ip?: string | undefined
  userAgent?: string | undefined
}

export interface OwnConsentGiven {
  eventId: string
  recordHash: string
  formId: string
  formVersion: number
  method: string
  state: ConsentStateRow[]
}

/**
 * Records a consent the signed-in subject gives in the portal — or, for a
 * subject it represents, gives for it (KZK-1.13: a parent for a child) —
 * through the ledger's `giveConsent`: the form of the published policy that
 * asks consent for the purpose and that the portal can record (a ticked box
 * or a submitted form; TTC-1.6, ESP-2), the exact version and text shown,
 * the session's IP address and browser sealed as evidence, `subject:<id>` as
 * who recorded it. A form given only on paper, by EDS or by SMS code (ESP-4)
 * is refused with the ways it is given.
 *
 * @example
 * await giveOwnConsent(deps, session, target, { purposeId: 'advertising', channels: ['email'], language: 'kk' })
 */
export async function giveOwnConsent(deps: PortalDeps, session: SubjectSession, target: ActingFor, choice: GiveChoice): Promise<OwnConsentGiven> {
  const { operatorId } = session
  const { compiled: policy } = await getPublishedVersion(deps, operatorId)
  const purpose = policy.purposes.get(choice.purposeId)
  if (!purpose || purpose.basis !== 'consent') {
    throw new DerbesError('DERBES_PORTAL_PURPOSE_UNKNOWN', `'${choice.purposeId}' is not a purpose the published policy asks consent for`, [{ pointer: '/params/purposeId', detail: 'not a purpose of a consent form' }])
  }
  const subject = await getSubject(deps, operatorId, target.subjectId)
  const covering = formsFor(policy, subject.kind).filter((f) => f.purposes.includes(choice.purposeId) && (choice.formId === undefined || f.id === choice.formId))
  if (covering.length === 0) {
    throw new DerbesError('DERBES_PORTAL_PURPOSE_UNKNOWN', `no consent form of the published policy asks this subject's consent for '${choice.purposeId}'${choice.formId ? ` on form '${choice.formId}'` : ''}`, [
      { pointer: choice.formId ? '/body/formId' : '/params/purposeId', detail: 'no such form for this purpose' },
    ])
  }
  const online = covering.filter((f) => portalMethod(f) !== undefined)
  if (online.length === 0) {
    const ways = [...new Set(covering.flatMap((f) => f.methods))].join(', ')
    throw new DerbesError('DERBES_CONSENT_METHOD_NOT_ALLOWED', `consent for '${choice.purposeId}' is not given through the portal: the form asks for ${ways}`, [{ pointer: '/params/purposeId', detail: `given by ${ways}` }])
  }
  if (online.length > 1) {
    throw new DerbesError('DERBES_VALIDATION', `'${choice.purposeId}' is on the forms ${online.map((f) => f.id).join(', ')}: name the one shown`, [{ pointer: '/body/formId', detail: `one of ${online.map((f) => f.id).join(', ')}` }])
  }
  const form = online[0]!
  const method = portalMethod(form)!
  const result = await giveConsent(deps, {
    operatorId,
    subjectId: target.subjectId,
    formId: form.id,
    ...(choice.formVersion !== undefined ? { formVersion: choice.formVersion } : {}),
    ...(choice.textHash !== undefined ? { textHash: choice.textHash } : {}),
    language: choice.language,
    purposes: [choice.purposeId],
    ...(choice.channels ? { channels: { [choice.purposeId]: [...choice.channels] } } : {}),
    evidence: {
      method,
      checkedAt: deps.clock().toISOString(),
      ...(choice.ip ? { ip: choice.ip } : {}),
      ...(choice.userAgent ? { userAgent: choice.userAgent.slice(0, 1000) } : {}),
    },
    ...(target.representative ? { givenBy: { representativeId: target.representative.representativeId } } : {}),
    recordedBy: session.actor,
  })
  return { eventId: result.eventId, recordHash: result.recordHash, formId: form.id, formVersion: form.version, method, state: result.state }
}
