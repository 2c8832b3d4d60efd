/**
 * Small questions the lint rules ask of a compiled policy — where a thing sits
 * in the document, which consent forms cover a purpose, what data a recipient
 * gets — answered once so the rules stay short and agree with each other.
 */
import type { CompiledItem, CompiledPolicy } from '../compiled-policy.ts'
import type { ConsentForm, ItemKind, Recipient, WithdrawalChannel } from '../schema/index.ts'

/** Item kinds that are biometric whatever the author marked (art. 7(12); KZK-1.13). */
export const BIOMETRIC_KINDS: readonly ItemKind[] = ['face_image', 'fingerprint', 'palm_image']

/** Withdrawal channels that take an electronic document (art. 10(2)). */
export const ELECTRONIC_CHANNELS: readonly WithdrawalChannel[] = ['email', 'eds_document', 'portal', 'state_service']

export function isBiometric(item: CompiledItem): boolean {
  return item.sensitivity === 'biometric' || BIOMETRIC_KINDS.includes(item.kind)
}

/** Restricted-access data (art. 6) — biometric data is always restricted. */
export function isRestricted(item: CompiledItem): boolean {
  return item.sensitivity === 'restricted' || isBiometric(item)
}

/** The ids among `ids` whose item passes `test`. */
export function itemIdsWhere(policy: CompiledPolicy, ids: readonly string[], test: (item: CompiledItem) => boolean): string[] {
  return ids.filter((id) => {
    const item = policy.items.get(id)
    return item !== undefined && test(item)
  })
}

export function indexById(list: readonly { id: string }[], id: string): number {
  return list.findIndex((entry) => entry.id === id)
}

export function itemPath(policy: CompiledPolicy, itemId: string): (string | number)[] {
  const item = policy.items.get(itemId)
  const c = indexById(policy.document.categories, item?.categoryId ?? '')
  const i = c < 0 ? -1 : indexById(policy.document.categories[c]!.items, itemId)
  return ['categories', c, 'items', i]
}

export function purposePath(policy: CompiledPolicy, purposeId: string): (string | number)[] {
  return ['purposes', indexById(policy.document.purposes, purposeId)]
}

/** Place of the version of a form that is in force (the newest). */
export function formPath(policy: CompiledPolicy, form: ConsentForm): (string | number)[] {
  return ['consentForms', policy.document.consentForms.findIndex((f) => f.id === form.id && f.version === form.version)]
}

/** The forms in force that name the purpose. */
export function formsCovering(policy: CompiledPolicy, purposeId: string): ConsentForm[] {
  return [...policy.consentForms.values()].filter((form) => form.purposes.includes(purposeId))
}

/** The data a recipient receives: the items of its purposes, narrowed to its categories when it lists them. */
export function recipientItems(policy: CompiledPolicy, recipient: Recipient): CompiledItem[] {
  const ids = new Set(recipient.purposes.flatMap((p) => policy.purposes.get(p)?.itemIds ?? []))
  return [...ids]
    .map((id) => policy.items.get(id))
    .filter((item): item is CompiledItem => item !== undefined && (!recipient.categories || recipient.categories.includes(item.categoryId)))
}

/** Whether a form may be given for a subject kind (no list = every kind). */
export function formAppliesTo(form: ConsentForm, kindId: string): boolean {
  return !form.subjectKinds || form.subjectKinds.includes(kindId)
}

/** Whether a form is given by a parent or other legal representative. */
export function givenByRepresentative(form: ConsentForm): boolean {
  return form.givenBy === 'legal_representative' || form.givenBy === 'either'
}

/**
 * The fewest days an ISO 8601 duration can last (a month counts 28 days), so
 * a rule comparing it with a limit only fires when it is certainly longer.
 */
export function durationMinDays(duration: string): number {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration)
  if (!match) return Number.NaN
  const [, y = '0', m = '0', w = '0', d = '0'] = match
  return Number(y) * 365 + Number(m) * 28 + Number(w) * 7 + Number(d)
}

/**
 * The most calendar days N business days can span: the weekends inside them,
 * the weekend before counting starts (it starts the next business day), and
 * up to four holidays in a row (Nauryz with its transferred days). An upper
 * bound: a keep longer than it outlasts the deadline on every day of the year.
 */
export function businessDaysMaxCalendar(days: number): number {
  return days + 2 * Math.ceil(days / 5) + 6
}

/** ISO 3166 reserves ZZ for an unknown country; policies use it where the original names no destination (PS-4.7). */
export function countryLabel(code: string): string {
  return code === 'ZZ' ? 'an unnamed country (ZZ)' : code
}

export function list(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ')
}
