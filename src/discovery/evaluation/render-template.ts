import type { DetectedKind } from '../detectors/detection.ts'
import { negativeSlot } from './hard-negatives.ts'
import { bin, birthDate, card, email, iban, idCard, iin, ipv4, ipv6, mac, passport, phone, postcode, writtenDate, type BirthDate } from './identifiers.ts'
import { kazakhGenitive, nameForm, person, russianCaseForm, type Language, type Person } from './people.ts'
import { address } from './places.ts'
import { pad, pick, type Random } from './random.ts'
import type { Label } from './metrics.ts'

/** The person a document (or one line of it) is about: the `{name}`, `{iin}`, `{dob}`, `{email}` slots are theirs. */
export interface Subject {
  person: Person
  born: BirthDate
  /** Slots written once and repeated as written (a chat sender's name, the holder's IIN). */
  written: Map<string, string>
}

export const newSubject = (r: Random): Subject => ({ person: person(r), born: birthDate(r), written: new Map() })

/** Builds one document's UTF-8 text and its labels, in byte offsets, as parts are appended. */
export class DocumentBuilder {
  readonly #parts: string[] = []
  readonly labels: Label[] = []
  #bytes = 0

  text(part: string): void {
    this.#parts.push(part)
    this.#bytes += Buffer.byteLength(part)
  }

  endsWith(s: string): boolean {
    return this.#parts.length > 0 && this.#parts[this.#parts.length - 1]!.endsWith(s)
  }

  value(kind: DetectedKind, value: string): void {
    const start = this.#bytes
    this.text(value)
    this.labels.push({ kind, start, end: this.#bytes })
  }

  build(): { bytes: Buffer; labels: Label[] } {
    return { bytes: Buffer.from(this.#parts.join('')), labels: this.labels }
  }
}

/** A labelled slot: its kind and a value for the subject, in the document's language. */
function labelledSlot(slot: string, r: Random, language: Language, subject: Subject): [DetectedKind, string] | undefined {
  const p = subject.person
  switch (slot) {
    case 'name': return ['person_name', nameForm(r, p, language)]
    case 'name2': return ['person_name', nameForm(r, person(r), language)]
    case 'name_gen': return ['person_name', russianCaseForm(p, 'genitive')]
    case 'name_dat': return ['person_name', russianCaseForm(p, 'dative')]
    case 'name_kk_gen': return ['person_name', kazakhGenitive(p)]
    case 'iin': return ['iin', iin(r, subject.born, p.gender === 'f')]
    case 'iin2': return ['iin', iin(r)]
    case 'bin': return ['bin', bin(r)]
    case 'phone': return ['phone', phone(r)]
    case 'phone_digits': return ['phone', phone(r).replace(/\D/g, '').replace(/^8/, '7')]
    case 'email': return ['email', email(r, p)]
    case 'card': return ['bank_card', card(r)]
    case 'iban': return ['iban', iban(r)]
    case 'idcard': return ['id_card', idCard(r)]
    case 'passport': return ['passport', passport(r)]
    case 'postcode': return ['postcode', postcode(r)]
    case 'ip': return ['ip_address', ipv4(r)]
    case 'ip6': return ['ip_address', ipv6(r)]
    case 'mac': return ['mac_address', mac(r)]
    case 'dob': return ['birth_date', writtenDate(r, subject.born, language)]
    case 'dob_numeric': return ['birth_date', `${pad(subject.born.day)}.${pad(subject.born.month)}.${subject.born.year}`]
    case 'address': return ['address', address(r, language)]
    default: return undefined
  }
}

/** Slots whose value stays the same wherever a document repeats them. */
const ONCE_PER_SUBJECT = new Set(['name', 'iin', 'email'])

/**
 * Appends a template to a document: `{slot}` becomes a value (labelled when it
 * is personal data, plain when it is a hard negative) and `[a|b|c]` one of
 * the wordings. Templates are the evaluation set's sentences; see the text
 * templates for their wording.
 */
export function renderTemplate(d: DocumentBuilder, template: string, r: Random, language: Language, subject: Subject): void {
  const chosen = template.replace(/\[([^\]]*\|[^\]]*)\]/g, (_, options: string) => pick(r, options.split('|')))
  const pieces = chosen.split(/\{(\w+)\}/)
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 0) {
      // «…, Иванова М. П.» ends the sentence with the initial's full stop, not a second one.
      const text = i > 0 && pieces[i - 1] && d.endsWith('.') ? pieces[i]!.replace(/^\./, '') : pieces[i]!
      if (text) d.text(text)
      continue
    }
    const slot = pieces[i]!
    const labelled = labelledSlot(slot, r, language, subject)
    if (labelled) {
      let value = labelled[1]
      if (ONCE_PER_SUBJECT.has(slot)) {
        value = subject.written.get(slot) ?? value
        subject.written.set(slot, value)
      }
      d.value(labelled[0], value)
      continue
    }
    const plain = negativeSlot(slot, r, language)
    if (plain === undefined) throw new Error(`evaluation template has an unknown slot {${slot}}`)
    d.text(plain)
  }
}
