import { Type } from '@sinclair/typebox'
import { BREACH_NOTICE_EXCEPTIONS, Enum, LANGUAGES } from '../policy/index.ts'
import { AUTHORITY_CHANNELS, INCIDENT_KINDS, INCIDENT_STATUSES, NOTICE_CHANNELS } from './incident-kinds.ts'

const OperatorId = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' })
const Id = Type.String({ minLength: 1, maxLength: 200 })
const PolicyId = Type.String({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 64 })
const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) })
const Instant = (description: string) => Type.String({ format: 'date-time', description })
const Free = Type.Record(Type.String(), Type.Unknown())

export const OperatorParams = Type.Object({ operatorId: OperatorId })
export const IncidentParams = Type.Object({ operatorId: OperatorId, incidentId: Id })

const System = Type.Union([
  Type.Object({ systemId: Id }, { additionalProperties: false, description: 'A system of the data map (src/systems/)' }),
  Type.Object({ name: Text(200) }, { additionalProperties: false, description: 'A system not in the data map, by name' }),
])

const ResponsiblePerson = Type.Object(
  { name: Type.Optional(Text(200)), position: Type.Optional(Text(200)), email: Type.Optional(Text(200)), phone: Type.Optional(Text(50)) },
  { additionalProperties: false, description: "The responsible person's contacts for the notice (Order 481/НҚ), where the policy lacks them" },
)

export const RegisterBody = Type.Object({
  kind: Enum(INCIDENT_KINDS, 'What happened (art. 1(15-1))'),
  description: Text(10_000),
  discoveredAt: Type.Optional(Instant('When the breach was discovered; the art. 25(2)(8) deadline counts from here. Now when absent')),
  reportedBy: Text(200, 'Who found or reported it'),
  systems: Type.Optional(Type.Array(System, { maxItems: 100 })),
  categories: Type.Optional(Type.Array(PolicyId, { maxItems: 200 })),
  items: Type.Optional(Type.Array(PolicyId, { maxItems: 500 })),
  measures: Type.Optional(Type.Array(Text(2_000), { maxItems: 100 })),
  responsiblePerson: Type.Optional(ResponsiblePerson),
}, { additionalProperties: false })

export const SelectorBody = Type.Object({
  subjectIds: Type.Optional(Type.Array(Id, { maxItems: 10_000 })),
  kinds: Type.Optional(Type.Array(PolicyId, { maxItems: 100 })),
  items: Type.Optional(Type.Array(PolicyId, { maxItems: 500 })),
  categories: Type.Optional(Type.Array(PolicyId, { maxItems: 200 })),
  systems: Type.Optional(Type.Array(Id, { maxItems: 100 })),
  collectedFrom: Type.Optional(Instant('Values collected at or after')),
  collectedTo: Type.Optional(Instant('Values collected before')),
}, { additionalProperties: false, minProperties: 1 })

export const MeasureBody = Type.Object({ text: Text(2_000, 'The measure taken') }, { additionalProperties: false })
export const StatusBody = Type.Object({ to: Enum(INCIDENT_STATUSES), note: Type.Optional(Text(2_000)) }, { additionalProperties: false })
export const AuthorityNoticeBody = Type.Object({
  sentAt: Type.Optional(Instant('When the notice went out; now when absent')),
  channel: Enum(AUTHORITY_CHANNELS),
  reference: Type.Optional(Text(200, 'Registration number, e-Otinish or postal reference')),
}, { additionalProperties: false })

export const SubjectNoticesBody = Type.Object({
  exceptions: Type.Optional(Type.Array(Type.Object({ subjectId: Id, reason: Enum(BREACH_NOTICE_EXCEPTIONS, 'KZK-6.2.1–6.2.3') }, { additionalProperties: false }), { maxItems: 10_000 })),
  languages: Type.Optional(Type.Record(Type.String(), Enum(LANGUAGES))),
  channels: Type.Optional(Type.Array(Enum(NOTICE_CHANNELS), { uniqueItems: true, minItems: 1 })),
}, { additionalProperties: false })

export const ListQuery = Type.Object({
  overdue: Type.Optional(Type.Boolean({ description: 'true: only incidents whose notice to the authorised body is past due' })),
  status: Type.Optional(Enum(INCIDENT_STATUSES)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
}, { additionalProperties: false })
export const PdfQuery = Type.Object({ lang: Type.Optional(Enum(['kk', 'ru', 'en'] as const)) }, { additionalProperties: false })

export const IncidentSchema = Type.Object({
  incidentId: Type.String(), reference: Type.String(), kind: Type.String(), description: Type.String(), discoveredAt: Type.String(), reportedBy: Type.String(),
  systems: Type.Array(Free), categories: Type.Array(Type.String()), items: Type.Array(Type.String()), policyVersionId: Type.String(), status: Type.String(),
  measures: Type.Array(Free), responsiblePerson: Type.Union([Free, Type.Null()]), subjectCount: Type.Integer(),
  dueOn: Type.String(), dueAt: Type.String(), dueBasis: Free, overdue: Type.Boolean(), businessDaysLeft: Type.Union([Type.Integer(), Type.Null()]),
  authorityNotice: Type.Union([Free, Type.Null()]), remindedAt: Type.Union([Type.String(), Type.Null()]), escalatedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(), updatedAt: Type.String(),
}, { $id: 'Incident' })
