import { createHmac } from 'node:crypto'
import { DerbesError } from '../../errors/index.ts'
import { isValidIin, normalizeKzPhone } from '../../kz/index.ts'
import { encodeContext } from './encode-context.ts'
import type { KeyProvider } from './key-provider.ts'

/** The identifiers a subject can be looked up by; the same list as `subject_identifiers.kind`. */
export const IDENTIFIER_KINDS = ['iin', 'phone', 'email', 'id_document'] as const
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number]

export function isIdentifierKind(kind: string): kind is IdentifierKind {
  return (IDENTIFIER_KINDS as readonly string[]).includes(kind)
}

const invalid = (kind: IdentifierKind, problem: string) =>
  new DerbesError('DERBES_IDENTIFIER_INVALID', `${kind}: ${problem}`)

/**
 * The one spelling of an identifier that is hashed, so every way people write
 * it finds the same subject: an IIN without spaces (checked); a phone in
 * E.164 (Kazakhstan numbers only, as `normalizeKzPhone` reads them); an
 * e-mail trimmed and lower-cased; a document number upper-cased without
 * spaces. Throws `DERBES_IDENTIFIER_INVALID`; the message never repeats the value.
 *
 * @example
 * normalizeIdentifier('phone', '8 (701) 123-45-67')   // '+77011234567'
 * normalizeIdentifier('email', ' Aigerim@Mail.KZ ')   // 'aigerim@mail.kz'
 * normalizeIdentifier('id_document', 'n 1234 5678')   // 'N12345678'
 */
export function normalizeIdentifier(kind: IdentifierKind, value: string): string {
  switch (kind) {
    case 'iin': {
      const iin = value.replace(/\s+/g, '')
      if (!isValidIin(iin)) throw invalid(kind, 'not 12 digits with a correct check digit')
      return iin
    }
    case 'phone': {
      const phone = normalizeKzPhone(value)
      if (!phone.ok) throw invalid(kind, `not a Kazakhstan phone number (${phone.reason})`)
      return phone.value
    }
    case 'email': {
      // NFC first, so a precomposed and a decomposed letter are one address; toLowerCase, not a locale's.
      const email = value.normalize('NFC').trim().toLowerCase()
      if (!/^[^\s@]+@[^\s@]+$/u.test(email)) throw invalid(kind, 'not one local part, @ and a domain')
      return email
    }
    case 'id_document': {
      const number = value.normalize('NFC').toUpperCase().replace(/\s+/g, '')
      if (number === '') throw invalid(kind, 'empty')
      return number
    }
  }
}

/**
 * The blind index of an identifier: HMAC-SHA-256 under the operator's index
 * key over `derbes.blind-index.v1 ‖ operatorId ‖ "<kind>:<normalised value>"`
 * (length-prefixed), as base64url (43 characters).
 *
 * Deterministic by design: the same identifier must give the same index so
 * `subject_identifiers` can be searched by equality without storing it. So
 * what it leaks is equality — whoever reads the table sees which rows share
 * an identifier, and nothing else. Without the index key it cannot be
 * reversed by trying every IIN or phone number (a plain hash could: there are
 * only some 10^9 Kazakhstan mobile numbers and fewer than 10^11 IINs). The kind prefix keeps an IIN and a document number
 * with the same digits apart; the operator id (besides each operator's own
 * key) keeps two operators' indexes of one person unlinkable.
 *
 * @example
 * blindIndex(indexKey, 'ttc', 'phone', '8 (701) 123-45-67') === blindIndex(indexKey, 'ttc', 'phone', '+77011234567')
 */
export function blindIndex(indexKey: Buffer, operatorId: string, kind: IdentifierKind, value: string): string {
  const message = encodeContext(['derbes.blind-index.v1', operatorId, `${kind}:${normalizeIdentifier(kind, value)}`])
  return createHmac('sha256', indexKey).update(message).digest('base64url')
}

/** `blindIndex` with the operator's index key from its key provider. */
export async function blindIndexFor(keys: KeyProvider, operatorId: string, kind: IdentifierKind, value: string): Promise<string> {
  return blindIndex(await keys.indexKey(operatorId), operatorId, kind, value)
}
