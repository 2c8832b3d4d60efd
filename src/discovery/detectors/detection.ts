import type { ItemKind } from '../../policy/schema/data.ts'

/**
 * What discovery can recognise in bytes (issue 7, "Detectors"). Each kind maps to the policy's
 * item kind (`ITEM_KINDS`) so a finding can be proposed as an item of the operator's list.
 */
export const DETECTED_KINDS = [
  'iin', 'bin', 'phone', 'email', 'bank_card', 'iban', 'id_card', 'passport', 'postcode',
  'ip_address', 'mac_address', 'birth_date', 'person_name', 'address',
] as const
export type DetectedKind = (typeof DETECTED_KINDS)[number]

export const ITEM_KIND_OF: Readonly<Record<DetectedKind, ItemKind>> = {
  iin: 'iin',
  bin: 'bin',
  phone: 'phone',
  email: 'email',
  bank_card: 'bank_card',
  iban: 'bank_account',
  id_card: 'id_document',
  passport: 'id_document',
  postcode: 'postcode',
  ip_address: 'ip_address',
  mac_address: 'device_id',
  birth_date: 'birth_date',
  person_name: 'full_name',
  address: 'address',
}

/**
 * Receives one detection: a span of the scanned bytes, `[start, end)` as byte offsets into the
 * array given to the scanner, and a confidence in (0, 1]. A callback rather than returned objects
 * so a scan over hundreds of megabytes allocates nothing per match it only counts.
 */
export type DetectionSink = (kind: DetectedKind, start: number, end: number, confidence: number) => void

/** A detection kept as a value (tests, the evaluation set, masked examples). */
export interface Detection {
  readonly kind: DetectedKind
  readonly start: number
  readonly end: number
  readonly confidence: number
}
