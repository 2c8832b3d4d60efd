import type { Deadline, RequestKind } from './schema/index.ts'

export interface LawDeadline extends Deadline {
  /** The article the deadline comes from, cited in notices and lint findings. */
  article: string
  /** True where law.md marks the figure [U]: a default an operator may change, never a hard fact. */
  unconfirmed?: boolean
}

/**
 * The parts of Law 94-V that Derbes computes with. Kept as data so that an
 * operator (or a later amendment) can change what law.md marks unconfirmed
 * without touching code.
 */
export interface LawProfile {
  deadlines: Partial<Record<RequestKind, LawDeadline>>
  /** Where the database must be (art. 12(2)). */
  storageCountry: string
  /** Full civil capacity (Civil Code art. 17(1)). */
  adultAge: number
  /** The authorised body — a name that changes with reorganisations, so it is data. */
  authorisedBody: { kk: string; ru: string; en: string }
}

export const LAW_94V: LawProfile = Object.freeze({
  deadlines: Object.freeze({
    rectify: { days: 1, unit: 'business', article: 'art. 25(2)(8)' },
    supplement: { days: 1, unit: 'business', article: 'art. 25(2)(8)' },
    block: { days: 1, unit: 'business', article: 'art. 25(2)(8)' },
    unblock: { days: 1, unit: 'business', article: 'art. 25(2)(8)' },
    destroy_unlawful: { days: 1, unit: 'business', article: 'art. 25(2)(8)' },
    breach_notice_authority: { days: 1, unit: 'business', article: 'art. 25(2)(8)' },
    remove_published: { days: 1, unit: 'business', article: 'art. 6' },
    withdraw_consent: { days: 15, unit: 'business', article: 'art. 8(7)' },
    third_party_transfer_notice: { days: 10, unit: 'business', article: 'art. 19(1)' },
    automated_decision_objection: { days: 3, unit: 'business', article: 'art. 19-1(3)' },
  } satisfies Partial<Record<RequestKind, LawDeadline>>),
  storageCountry: 'KZ',
  adultAge: 18,
  authorisedBody: Object.freeze({
    kk: 'Қазақстан Республикасы Жасанды интеллект және цифрлық даму министрлігінің Ақпараттық қауіпсіздік комитеті',
    ru: 'Комитет по информационной безопасности Министерства искусственного интеллекта и цифрового развития Республики Казахстан',
    en: 'Information Security Committee of the Ministry of Artificial Intelligence and Digital Development of the Republic of Kazakhstan',
  }),
})
