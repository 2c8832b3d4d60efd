import { Type, type Static } from '@sinclair/typebox'
import { Clauses, Country, Email, Enum, Id, LocalDate, LocalizedText, Strict } from './common.ts'

export const CHANGE_NOTICES = ['none', 'publication', 'notify_subjects'] as const

export const ResponsiblePerson = Strict(
  {
    title: LocalizedText,
    name: Type.Optional(Type.String({ minLength: 1 })),
    email: Type.Optional(Email),
    phone: Type.Optional(Type.String({ minLength: 5 })),
    clauses: Clauses(),
  },
  'The person responsible for organising processing (art. 25(2)(10))',
)

export const DataLocation = Strict(
  {
    /** Where the database of record is (art. 12(2) requires Kazakhstan). */
    database: Country,
    /** Copies kept elsewhere (backups, mirrors); a mirror abroad is read as allowed while the database stays in KZ. */
    mirrors: Type.Optional(Type.Array(Country)),
    note: Type.Optional(LocalizedText),
    clauses: Clauses(),
  },
  'Where personal data is stored',
)

export const Operator = Strict({
  id: Id,
  name: LocalizedText,
  /** Business identification number; an individual entrepreneur gives an IIN instead. */
  bin: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
  iin: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
  address: LocalizedText,
  postalAddress: Type.Optional(LocalizedText),
  contacts: Strict({
    email: Type.Optional(Email),
    phone: Type.Optional(Type.String({ minLength: 5 })),
    website: Type.Optional(Type.String({ format: 'uri' })),
  }),
  responsiblePerson: Type.Optional(ResponsiblePerson),
  dataLocation: DataLocation,
  /** Legal acts the processing rests on (TW-3.1), shown in the notice. */
  legalActs: Type.Optional(Type.Array(LocalizedText)),
  clauses: Clauses(),
})
export type Operator = Static<typeof Operator>

export const Approval = Strict(
  {
    by: Type.String({ minLength: 1, description: 'Who approved: name and position' }),
    order: Type.String({ minLength: 1, description: 'The order or decision that approved it (TTC-3.7)' }),
    at: LocalDate,
  },
  'Who approved a policy version, when and by which order',
)
export type Approval = Static<typeof Approval>

export const PolicyVersion = Strict({
  id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }),
  effectiveFrom: Type.Optional(LocalDate),
  /** How subjects learn of a new version (TTC-1.8: without notice; TW-10: on publication). */
  changeNotice: Type.Optional(Enum(CHANGE_NOTICES)),
  approved: Type.Optional(Approval),
  /** Who must approve a version when the file does not record the approval itself (TTC-3.7: the Chairman, by order). */
  approvalAuthority: Type.Optional(LocalizedText),
  source: Type.Optional(Type.String({ description: 'The published original this version is modelled on' })),
  clauses: Clauses(),
})
export type PolicyVersion = Static<typeof PolicyVersion>
