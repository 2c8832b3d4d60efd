import { Type } from '@sinclair/typebox'
import { Enum, RETENTION_TRIGGERS } from '../policy/index.ts'
import { HOLD_REASONS, RETENTION_STEPS } from './due-retention.ts'
import { RECORDED_TRIGGERS } from './retention-tables.ts'

const strict = { additionalProperties: false } as const
const OperatorId = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' })
const SubjectId = Type.String({ minLength: 1, maxLength: 128 })
const Instant = Type.String({ format: 'date-time' })
const NullableInstant = Type.Union([Instant, Type.Null()])

export const OperatorParams = Type.Object({ operatorId: OperatorId })
export const SubjectParams = Type.Object({ operatorId: OperatorId, subjectId: SubjectId })
export const HoldParams = Type.Object({ operatorId: OperatorId, holdId: Type.String({ minLength: 1, maxLength: 64 }) })

export const DueQuery = Type.Object({
  asOf: Type.Optional(Type.String({ format: 'date-time', description: 'The time to evaluate at (now by default): a dry run of what a sweep then would do' })),
  after: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'Go on after this subject id (the last one of the previous answer)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1000, description: 'Subjects one page looks at' })),
}, strict)

export const DueStep = Type.Object({
  subjectId: SubjectId,
  ruleId: Type.String(),
  step: Enum(RETENTION_STEPS),
  trigger: Enum(RETENTION_TRIGGERS),
  triggeredAt: Instant,
  dueAt: Instant,
  deadlineAt: Type.Optional(Instant),
  itemIds: Type.Optional(Type.Array(Type.String(), { description: 'Only these items may go; other purposes still need the rest' })),
  clauses: Type.Array(Type.String()),
})

export const DueList = Type.Object({
  asOf: Instant,
  due: Type.Array(DueStep),
  next: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `after` for the next page; null at the end' }),
})

export const TriggerBody = Type.Object({
  trigger: Enum(RECORDED_TRIGGERS, 'Triggers Derbes derives (collection, relationship end, consent withdrawn or expired, deletion request) are not recorded here'),
  purposeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Required for purpose_achieved, and only for it' })),
  occurredAt: Type.Optional(Type.String({ format: 'date-time', description: 'When it happened (now by default); never in the future' })),
  note: Type.Optional(Type.String({ maxLength: 500, description: 'For staff; no personal data' })),
}, strict)

export const TriggerView = Type.Object({
  subjectId: SubjectId,
  trigger: Enum(RECORDED_TRIGGERS),
  purposeId: Type.Union([Type.String(), Type.Null()]),
  occurredAt: Instant,
  recordedAt: Instant,
  recordedBy: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
})

export const HoldBody = Type.Object({
  subjectId: SubjectId,
  reason: Enum(HOLD_REASONS),
  detail: Type.String({ minLength: 1, maxLength: 500, description: 'A case number, the law, the demand — no personal data' }),
  until: Type.Optional(Type.String({ format: 'date-time' })),
}, strict)

export const HoldView = Type.Object({
  holdId: Type.String(),
  subjectId: SubjectId,
  reason: Enum(HOLD_REASONS),
  detail: Type.String(),
  placedAt: Instant,
  placedBy: Type.String(),
  until: NullableInstant,
  releasedAt: NullableInstant,
  releasedBy: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
})

export const HoldsQuery = Type.Object({
  subjectId: Type.Optional(SubjectId),
  all: Type.Optional(Type.Boolean({ description: 'Released and lapsed holds too' })),
}, strict)

const Clock = Type.Object({ ruleId: Type.String(), trigger: Enum(RETENTION_TRIGGERS), triggeredAt: Instant, dueAt: Instant, due: Type.Boolean() })
const NullableClock = Type.Union([Clock, Type.Null()])

export const Explanation = Type.Object({
  subjectId: SubjectId,
  status: Type.String(),
  asOf: Instant,
  rules: Type.Array(Type.Object({
    ruleId: Type.String(), keep: Type.String(), keepUnit: Type.String(), then: Type.String(), triggers: Type.Array(Type.String()),
    categories: Type.Optional(Type.Array(Type.String())), blockIfDelayed: Type.Optional(Type.String()),
    statutoryMinimum: Type.Optional(Type.Object({ keep: Type.String(), from: Type.String(), law: Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() }), unconfirmed: Type.Optional(Type.Boolean()) })),
    clauses: Type.Array(Type.String()),
  })),
  triggers: Type.Array(Type.Object({ trigger: Enum(RETENTION_TRIGGERS), purposeId: Type.Union([Type.String(), Type.Null()]), at: Instant, source: Type.String() })),
  purposes: Type.Array(Type.Object({ purposeId: Type.String(), ruleId: Type.String(), ended: Type.Boolean(), clock: NullableClock, clocks: Type.Array(Clock) })),
  items: Type.Array(Type.Object({
    itemId: Type.String(), valueNo: Type.Integer(), mayGo: Type.Boolean(), dueAt: NullableInstant, decidedBy: NullableClock,
    purposes: Type.Array(Type.Object({ purposeId: Type.String(), clock: NullableClock })), statutoryUntil: Type.Optional(NullableInstant),
  })),
  holds: Type.Array(Type.Object({
    reason: Enum(HOLD_REASONS), detail: Type.String(), source: Type.String(), holdId: Type.Optional(Type.String()), since: NullableInstant, until: NullableInstant,
    clauses: Type.Array(Type.String()), itemIds: Type.Optional(Type.Array(Type.String())), unconfirmed: Type.Optional(Type.Boolean()),
  })),
  due: Type.Array(DueStep),
})
