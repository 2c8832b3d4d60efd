import { Type, type Static } from '@sinclair/typebox'
import { Access } from './access.ts'
import { AgeRules } from './age-rules.ts'
import { LocalizedText, Strict } from './common.ts'
import { ConsentForm } from './consent-form.ts'
import { Cookies } from './cookies.ts'
import { Category, NonPersonalDeclaration, SubjectKind } from './data.ts'
import { Deadlines } from './deadlines.ts'
import { Operator, PolicyVersion } from './operator.ts'
import { Accuracy, BreachHandling, NoticeSection, RequestHandling, Security } from './practice.ts'
import { Purpose } from './purpose.ts'
import { Recipient } from './recipient.ts'
import { RetentionRule } from './retention.ts'

/**
 * One operator's personal-data policy: the single source of truth from which
 * Derbes derives the notice, the consent forms, the list (Тізбе), deadlines,
 * retention schedules, access rules and lint findings.
 *
 * @example
 * ```yaml
 * schema: derbes/policy/v1
 * operator: { id: ttc, name: { kk: …, ru: …, en: … }, bin: "991140001226", … }
 * ```
 */
export const PolicyDocument = Strict({
  schema: Type.Literal('derbes/policy/v1'),
  operator: Operator,
  version: PolicyVersion,
  subjectKinds: Type.Array(SubjectKind, { minItems: 1 }),
  categories: Type.Array(Category, { minItems: 1 }),
  nonPersonalData: Type.Optional(Type.Array(NonPersonalDeclaration)),
  purposes: Type.Array(Purpose, { minItems: 1 }),
  retention: Type.Array(RetentionRule, { minItems: 1 }),
  consentForms: Type.Array(ConsentForm),
  recipients: Type.Array(Recipient),
  cookies: Type.Optional(Cookies),
  deadlines: Deadlines,
  requests: Type.Optional(RequestHandling),
  access: Access,
  ageRules: AgeRules,
  breach: Type.Optional(BreachHandling),
  accuracy: Type.Optional(Accuracy),
  security: Type.Optional(Security),
  principles: Type.Optional(Type.Array(LocalizedText)),
  /** Free text the notice carries that no field above expresses. */
  notice: Type.Optional(Type.Array(NoticeSection)),
})
export type PolicyDocument = Static<typeof PolicyDocument>
