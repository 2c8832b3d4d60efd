import { DerbesError, type FieldProblem } from '../../errors/index.ts'
import type { CompiledPolicy, CompiledPurpose, ConsentForm, LegalBasis } from '../../policy/index.ts'

/** What the caller asks to consent to; every field narrows the form and defaults to all of it. */
export interface ScopeRequest {
  purposes?: readonly string[] | undefined
  /** Marketing purpose → the channels consented (ESP-2: SMS and e-mail separately). */
  channels?: Readonly<Record<string, readonly string[]>> | undefined
  /** Countries a cross-border transfer is consented to (art. 7(6), art. 16). */
  countries?: readonly string[] | undefined
}

/** The checked scope of one consent: what its record and its state rows carry. */
export interface ConsentScope {
  purposes: { id: string; basis: LegalBasis }[]
  /** Only marketing purposes that declare channels (ESP-2, TTC-9.4); every other purpose has none. */
  channelsByPurpose: Record<string, string[]>
  categories: string[]
  items: string[]
  recipients: { id: string; role: string; country: string }[]
  countries: string[]
  /** Purposes with a recipient abroad: their state rows carry `countries`. */
  foreignPurposes: string[]
}

/** A marketing purpose whose messages go by channel needs consent per channel (ESP-2). */
export function isPerChannel(purpose: CompiledPurpose | undefined): boolean {
  return purpose?.marketing === true && (purpose.channels?.length ?? 0) > 0
}

const COUNTRY = /^[A-Z]{2}$/

/**
 * Checks a consent's scope against the form and the policy and fills in what
 * it implies: purposes a subset of the form's; channels only for marketing
 * purposes and among theirs (ESP-2); the recipients of the purposes and, when
 * the form allows cross-border transfer, the countries — a subset of the
 * form's list when it has one (art. 8(4)(4)–(6), art. 16). Every problem is
 * reported at once, each naming its field; nothing is guessed.
 *
 * @example
 * resolveConsentScope(policy, form, { purposes: ['advertising'], channels: { advertising: ['sms'] } })
 * // { purposes: [{ id: 'advertising', basis: 'consent' }], channelsByPurpose: { advertising: ['sms'] }, … }
 */
export function resolveConsentScope(policy: CompiledPolicy, form: ConsentForm, request: ScopeRequest, at = '/body'): ConsentScope {
  const problems: FieldProblem[] = []
  const purposeIds = request.purposes ? [...new Set(request.purposes)] : [...form.purposes]
  if (purposeIds.length === 0) problems.push({ pointer: `${at}/purposes`, detail: 'name at least one purpose of the form, or leave the list out for all of them' })
  request.purposes?.forEach((id, i) => {
    const purpose = policy.purposes.get(id)
    if (!form.purposes.includes(id)) problems.push({ pointer: `${at}/purposes/${i}`, detail: `'${id}' is not a purpose of form '${form.id}'` })
    else if (purpose?.transactional) problems.push({ pointer: `${at}/purposes/${i}`, detail: `'${id}' is a transactional purpose: service messages need no consent (ESP-2)` })
  })

  const channelsByPurpose: Record<string, string[]> = {}
  for (const [purposeId, channels] of Object.entries(request.channels ?? {})) {
    const purpose = policy.purposes.get(purposeId)
    if (!purposeIds.includes(purposeId)) {
      problems.push({ pointer: `${at}/channels/${purposeId}`, detail: `'${purposeId}' is not a purpose of this consent` })
    } else if (!isPerChannel(purpose)) {
      problems.push({ pointer: `${at}/channels/${purposeId}`, detail: `'${purposeId}' is not a marketing purpose consented per channel (ESP-2)` })
    } else if (channels.length === 0) {
      problems.push({ pointer: `${at}/channels/${purposeId}`, detail: 'name at least one channel, or leave the purpose out' })
    } else {
      channels.forEach((channel, i) => {
        if (!purpose!.channels!.includes(channel as never)) {
          problems.push({ pointer: `${at}/channels/${purposeId}/${i}`, detail: `'${channel}' is not a channel of '${purposeId}' (${purpose!.channels!.join(', ')})` })
        }
      })
    }
  }
  for (const id of purposeIds) {
    const purpose = policy.purposes.get(id)
    if (isPerChannel(purpose)) channelsByPurpose[id] = [...new Set(request.channels?.[id] ?? purpose!.channels!)]
  }

  const purposes = purposeIds.filter((id) => policy.purposes.has(id)).map((id) => policy.purposes.get(id)!)
  const recipients = [...policy.recipients.values()]
    .filter((r) => r.purposes.some((p) => purposeIds.includes(p)))
    .map((r) => ({ id: r.id, role: r.role, country: r.country }))
  const foreign = recipients.filter((r) => r.country !== 'KZ')
  const foreignPurposes = purposeIds.filter((id) => [...policy.recipients.values()].some((r) => r.country !== 'KZ' && r.purposes.includes(id)))

  const crossBorder = form.crossBorder
  let countries: string[] = []
  if (request.countries !== undefined) {
    countries = [...new Set(request.countries)]
    if (countries.length > 0 && crossBorder?.allowed !== true) {
      problems.push({ pointer: `${at}/countries`, detail: `form '${form.id}' does not allow cross-border transfer (art. 7(6), art. 16)` })
    }
    request.countries.forEach((country, i) => {
      if (!COUNTRY.test(country) || country === 'KZ' || country === 'ZZ') {
        problems.push({ pointer: `${at}/countries/${i}`, detail: `'${country}' is not a foreign country code (ISO 3166-1 alpha-2, not KZ)` })
      } else if (crossBorder?.allowed === true && crossBorder.countries && !crossBorder.countries.includes(country)) {
        problems.push({ pointer: `${at}/countries/${i}`, detail: `form '${form.id}' allows transfer only to ${crossBorder.countries.join(', ')}` })
      }
    })
  } else if (crossBorder?.allowed === true) {
    // The form's own list, else the named countries of the purposes' foreign recipients (ZZ names none: PS-4.7).
    countries = crossBorder.countries ? [...crossBorder.countries] : [...new Set(foreign.map((r) => r.country).filter((c) => c !== 'ZZ'))]
  }
  if (problems.length > 0) throw new DerbesError('DERBES_CONSENT_SCOPE_INVALID', `${problems.length} problem(s) with the scope of consent form '${form.id}'`, problems)

  // Frozen all the way down: records share these parts, and their canonical text is written once (canonicalRecordJson).
  return freezeDeep({
    purposes: purposes.map((p) => ({ id: p.id, basis: p.basis })),
    channelsByPurpose,
    categories: [...new Set(purposes.flatMap((p) => p.categories))],
    items: form.items ? [...form.items] : [...new Set(purposes.flatMap((p) => p.itemIds))],
    recipients,
    countries: countries.sort(),
    foreignPurposes: countries.length > 0 ? foreignPurposes : [],
  })
}

function freezeDeep<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) freezeDeep(child)
    Object.freeze(value)
  }
  return value
}
