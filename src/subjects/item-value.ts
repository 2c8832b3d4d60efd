import { DerbesError } from '../errors/index.ts'
import { isLocalDate, isValidBin, normalizeKzPhone, parseIin, parseKzIban, parsePostcode } from '../kz/index.ts'
import type { ItemKind } from '../policy/index.ts'
import { normalizeIdentifier } from './crypto/index.ts'

/** A value's check failed: the message names the problem and the field, never the value. */
const invalid = (pointer: string, detail: string) => new DerbesError('DERBES_VAULT_VALUE_INVALID', detail, [{ pointer, detail }])

/**
 * Checks a value against its policy item's kind where `kz/` knows the format,
 * and returns the one spelling to store: an IIN or BIN without spaces
 * (check digit verified), a phone in E.164 (Kazakhstan numbers), an e-mail
 * trimmed and lower-cased, a postcode or a Kazakhstan IBAN upper-cased, a
 * birth date as YYYY-MM-DD not in the future. Other kinds are stored as given
 * (a name, an address, a template) once known not to be blank.
 *
 * @example
 * normalizeItemValue('phone', '8 (701) 123-45-67', '/body/items/0/value', '2026-12-02') // '+77011234567'
 */
export function normalizeItemValue(kind: ItemKind, value: string, pointer: string, today: string): string {
  if (value.trim() === '') throw invalid(pointer, 'is blank')
  switch (kind) {
    case 'iin': {
      const parsed = parseIin(value.replace(/\s+/g, ''))
      if (!parsed.ok) throw invalid(pointer, `not an IIN (${parsed.reason})`)
      return parsed.value.iin
    }
    case 'bin': {
      const bin = value.replace(/\s+/g, '')
      if (!isValidBin(bin)) throw invalid(pointer, 'not a BIN (12 digits with a correct check digit)')
      return bin
    }
    case 'phone': {
      const phone = normalizeKzPhone(value)
      if (!phone.ok) throw invalid(pointer, `not a Kazakhstan phone number (${phone.reason})`)
      return phone.value
    }
    case 'email': {
      try {
        return normalizeIdentifier('email', value)
      } catch {
        throw invalid(pointer, 'not an e-mail address (one local part, @ and a domain)')
      }
    }
    case 'postcode': {
      const postcode = parsePostcode(value)
      if (!postcode.ok) throw invalid(pointer, 'not a Kazakhstan postcode (A00A0A0 or 6 digits)')
      return postcode.value.postcode
    }
    case 'bank_account': {
      const iban = parseKzIban(value)
      if (!iban.ok) throw invalid(pointer, `not a Kazakhstan IBAN (${iban.reason})`)
      return iban.value.iban
    }
    case 'birth_date': {
      const date = value.trim()
      if (!isLocalDate(date) || date > today) throw invalid(pointer, 'not a past date YYYY-MM-DD')
      return date
    }
    default:
      return value
  }
}
