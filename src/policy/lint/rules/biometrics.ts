import type { CompiledPolicy } from '../../compiled-policy.ts'
import { defineRule } from '../lint-rule.ts'
import { formsCovering, givenByRepresentative, isBiometric, itemIdsWhere, itemPath, list, purposePath } from '../policy-facts.ts'

const minorKindIds = (policy: CompiledPolicy) => [...policy.subjectKinds.values()].filter((k) => k.minor).map((k) => k.id)

/** KZK-3.16: a child's biometrics serve only the listed purposes; without a lock nothing stops other uses. */
export const biometricUnlocked = defineRule(
  {
    id: 'biometric-unlocked',
    article: 'art. 7(12)',
    severity: 'warning',
    title: "Minors' biometric data without a purpose lock",
    hint: 'Add an `ageRules.purposeLocks` entry for the item naming the only purposes it may serve and `otherUse: forbidden` (or `additional_parental_consent`, KZK-3.17).',
  },
  ({ policy, report }) => {
    const minors = minorKindIds(policy)
    if (minors.length === 0) return
    const locked = new Set(policy.document.ageRules.purposeLocks?.flatMap((lock) => lock.items) ?? [])
    for (const item of policy.items.values()) {
      const aboutMinors = !item.subjectKinds || item.subjectKinds.some((k) => minors.includes(k))
      if (isBiometric(item) && aboutMinors && !locked.has(item.id))
        report(itemPath(policy, item.id), `biometric item '${item.id}' is collected about minors but no purpose lock limits its use`)
    }
  },
)

/** Biometric data for advertising is beyond what identification needs (art. 7(9)) and outside art. 7(12)'s interests; KZK-3.17 forbids it. */
export const biometricMarketing = defineRule(
  {
    id: 'biometric-marketing',
    article: 'art. 7(9), art. 7(12)',
    severity: 'warning',
    title: 'Biometric data used for marketing',
    hint: 'Narrow the marketing purpose with `items:` so it leaves biometric items out.',
  },
  ({ policy, report }) => {
    for (const purpose of policy.purposes.values()) {
      if (!purpose.marketing) continue
      const biometric = itemIdsWhere(policy, purpose.itemIds, isBiometric)
      if (biometric.length > 0) report(purposePath(policy, purpose.id), `marketing purpose '${purpose.id}' uses biometric items ${list(biometric)}`)
    }
  },
)

/**
 * KZK-3.16–3.17: a locked item may serve another purpose only with a further,
 * separate consent of the parent — if the lock allows it at all. A duty a law
 * imposes (KZK-3.13: data handed to state bodies on the grounds the law sets)
 * is not a use the operator chooses, and art. 9 needs no consent for it, so
 * purposes resting on a legal obligation are left out.
 */
export const purposeLockBreached = defineRule(
  {
    id: 'purpose-lock-breached',
    article: 'art. 7(12), art. 8(1)',
    severity: 'error',
    title: 'Purpose-locked data used by another purpose',
    hint: "Take the item out of the purpose (narrow it with `items:`), add the purpose to the lock, or — where `otherUse` is 'additional_parental_consent' — cover the purpose with a separate consent form given by the legal representative.",
  },
  ({ policy, report }) => {
    policy.document.ageRules.purposeLocks?.forEach((lock, l) => {
      for (const purpose of policy.purposes.values()) {
        if (lock.purposes.includes(purpose.id) || purpose.basis === 'legal_obligation') continue
        if (lock.subjectKinds && purpose.subjectKinds && !purpose.subjectKinds.some((k) => lock.subjectKinds!.includes(k))) continue
        const used = lock.items.filter((id) => purpose.itemIds.includes(id))
        if (used.length === 0) continue
        const parentalConsent = formsCovering(policy, purpose.id).some((form) => form.separate === true && givenByRepresentative(form))
        if (lock.otherUse === 'additional_parental_consent' && parentalConsent) continue
        report(
          purposePath(policy, purpose.id),
          `purpose '${purpose.id}' uses ${list(used)}, which purpose lock ${l} reserves for ${list(lock.purposes)}${lock.otherUse === 'additional_parental_consent' ? ' unless a parent gives a separate consent' : ''}`,
        )
      }
    })
  },
)
