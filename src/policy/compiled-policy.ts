import type { LawDeadline } from './law-profile.ts'
import type {
  Category, ConsentForm, DataItem, Deadline, PolicyDocument, Purpose, Recipient, RequestKind, RetentionRule, SubjectKind,
} from './schema/index.ts'

export interface CompiledItem extends DataItem {
  readonly categoryId: string
}

export interface CompiledPurpose extends Purpose {
  /** Every data item the purpose may use: its `items`, or all items of its categories. */
  readonly itemIds: readonly string[]
  readonly retentionRule: RetentionRule
  /** Recipients that receive data for this purpose. */
  readonly recipientIds: readonly string[]
}

export interface EffectiveDeadline {
  readonly kind: RequestKind
  readonly law?: LawDeadline
  readonly policy?: Deadline
  /**
   * The deadlines that bind. The stricter one wins (law.md); when law and
   * policy count in different units both bind and the earlier due date wins.
   */
  readonly binding: readonly Deadline[]
}

/** An immutable, indexed view of one policy version — what every other module reads. */
export interface CompiledPolicy {
  readonly document: PolicyDocument
  readonly operatorId: string
  readonly versionId: string
  /** SHA-256 of the canonical JSON of the document. */
  readonly hash: string
  readonly subjectKinds: ReadonlyMap<string, SubjectKind>
  readonly categories: ReadonlyMap<string, Category>
  readonly items: ReadonlyMap<string, CompiledItem>
  readonly purposes: ReadonlyMap<string, CompiledPurpose>
  readonly retention: ReadonlyMap<string, RetentionRule>
  /** The newest version of each consent form. */
  readonly consentForms: ReadonlyMap<string, ConsentForm>
  readonly recipients: ReadonlyMap<string, Recipient>
  readonly deadlines: ReadonlyMap<RequestKind, EffectiveDeadline>
}
