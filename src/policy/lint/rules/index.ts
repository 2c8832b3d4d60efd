import type { LintRule } from '../lint-rule.ts'
import { biometricMarketing, biometricUnlocked, purposeLockBreached } from './biometrics.ts'
import {
  consentCrossBorderUnstated, consentDataListMissing, consentOperatorIdentity, consentPublicationUnstated, consentSubjectName,
  consentTermMissing, consentThirdPartyUnstated,
} from './consent-content.ts'
import { consentPurposeUncovered, impliedConsentSensitive } from './consent-coverage.ts'
import { cookieBannerMissing, cookieChoiceFixed, cookieConsentMissing, cookieVendorAbroad } from './cookies.ts'
import { crossBorderCountryUnnamed, crossBorderWithoutGround } from './cross-border.ts'
import { deadlineExceedsLaw, deadlineInformationMissing } from './deadlines.ts'
import { sensitivityUnmarked, unusedData } from './excess-data.ts'
import { idDocumentCopy } from './id-document-copy.ts'
import { marketingChannelsMissing, marketingConsentBundled, marketingWithoutConsent, transactionalMarketing } from './marketing.ts'
import { adultAgeBelowLaw, minorActsAlone, minorConsentRoute } from './minors.ts'
import { cookiesNotPersonal, nonPersonalIdentifier, nonPersonalLinkedData } from './non-personal-data.ts'
import { noResponsiblePerson, operatorUnidentified, requestsNotFree } from './organisation.ts'
import { automatedDecisionWithoutConsent, publicationWithoutConsent, researchNotAnonymised } from './purpose-grounds.ts'
import { recipientNotConfidential } from './recipient-confidentiality.ts'
import { retentionAfterWithdrawal, retentionFromCollection, retentionIgnoresWithdrawal, retentionUnlimited } from './retention.ts'
import { accessBeyondPurpose, accessBiometricUnscoped, accessNotMinimum } from './staff-access.ts'
import { mirrorAbroad, storageOutsideKz } from './storage-location.ts'
import { thirdPartyWithoutConsent } from './third-party-transfer.ts'
import { withdrawalBlockedOther, withdrawalNoticeExceedsLaw, withdrawalNoticePeriod, withdrawalPaperOnly } from './withdrawal.ts'

/** Every rule `derbes policy lint` runs, grouped by the part of the policy it reads. */
export const LINT_RULES: readonly LintRule[] = Object.freeze([
  // Operator and storage
  operatorUnidentified,
  noResponsiblePerson,
  storageOutsideKz,
  mirrorAbroad,
  // What is personal data, and how much of it
  nonPersonalIdentifier,
  nonPersonalLinkedData,
  unusedData,
  sensitivityUnmarked,
  idDocumentCopy,
  // Purposes and their grounds
  consentPurposeUncovered,
  researchNotAnonymised,
  automatedDecisionWithoutConsent,
  publicationWithoutConsent,
  marketingWithoutConsent,
  marketingChannelsMissing,
  marketingConsentBundled,
  transactionalMarketing,
  // Consent forms
  consentOperatorIdentity,
  consentSubjectName,
  consentTermMissing,
  consentThirdPartyUnstated,
  consentCrossBorderUnstated,
  consentPublicationUnstated,
  consentDataListMissing,
  impliedConsentSensitive,
  withdrawalBlockedOther,
  withdrawalNoticeExceedsLaw,
  withdrawalNoticePeriod,
  withdrawalPaperOnly,
  // Retention
  retentionUnlimited,
  retentionAfterWithdrawal,
  retentionIgnoresWithdrawal,
  retentionFromCollection,
  // Recipients and transfers
  thirdPartyWithoutConsent,
  crossBorderWithoutGround,
  crossBorderCountryUnnamed,
  recipientNotConfidential,
  // Minors and biometrics
  minorConsentRoute,
  minorActsAlone,
  adultAgeBelowLaw,
  biometricUnlocked,
  biometricMarketing,
  purposeLockBreached,
  // Cookies
  cookiesNotPersonal,
  cookieConsentMissing,
  cookieBannerMissing,
  cookieVendorAbroad,
  cookieChoiceFixed,
  // Deadlines and requests
  deadlineExceedsLaw,
  deadlineInformationMissing,
  requestsNotFree,
  // Staff access
  accessNotMinimum,
  accessBeyondPurpose,
  accessBiometricUnscoped,
])
