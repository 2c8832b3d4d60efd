import { describe, expect, it } from 'vitest'
import type { PolicyDocument } from '../../schema/index.ts'
import { byId, findingsOf } from '../lint-test-kit.ts'
import { biometricMarketing, biometricUnlocked, purposeLockBreached } from './biometrics.ts'

/** An adult's voice sample, biometric, in a category of its own. */
const collectVoice = (p: PolicyDocument) => {
  p.categories.push({
    id: 'voice-data',
    name: { kk: 'Дауыс', ru: 'Голос', en: 'Voice' },
    items: [{ id: 'voice-sample', name: { kk: 'Дауыс үлгісі', ru: 'Образец голоса', en: 'Voice sample' }, kind: 'voice', sensitivity: 'biometric', sources: ['subject'], subjectKinds: ['client'] }],
  })
}

describe('biometric-unlocked', () => {
  it("art. 7(12): flags a child's biometrics no purpose lock limits (KZK-3.16)", () => {
    const findings = findingsOf(biometricUnlocked, (p) => {
      delete p.ageRules.purposeLocks
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/categories/3/items/0' }])
    expect(findings[0]!.message).toContain("'pupil-face'")
  })

  it("art. 7(12): quiet on an adult's biometrics, which no lock is expected for (TTC-3.1 voice)", () => {
    expect(findingsOf(biometricUnlocked, (p) => {
      collectVoice(p)
      byId(p.purposes, 'contract').categories.push('voice-data')
    })).toEqual([])
  })
})

describe('biometric-marketing', () => {
  it('art. 7(9), art. 7(12): flags biometric data in a marketing purpose', () => {
    const findings = findingsOf(biometricMarketing, (p) => {
      collectVoice(p)
      byId(p.purposes, 'newsletter').categories.push('voice-data')
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/purposes/2' }])
    expect(findings[0]!.message).toContain("'voice-sample'")
  })

  it('art. 7(9): quiet when the marketing purpose is narrowed to contact items', () => {
    expect(findingsOf(biometricMarketing, (p) => {
      collectVoice(p)
      const newsletter = byId(p.purposes, 'newsletter')
      newsletter.categories.push('voice-data')
      newsletter.items = ['phone', 'email']
    })).toEqual([])
  })
})

describe('purpose-lock-breached', () => {
  it("art. 7(12): flags a child's face image used for marketing (KZK-3.17)", () => {
    const findings = findingsOf(purposeLockBreached, (p) => {
      byId(p.purposes, 'newsletter').categories.push('pupil-biometrics')
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/purposes/2' }])
    expect(findings[0]!.message).toBe("purpose 'newsletter' uses 'pupil-face', which purpose lock 0 reserves for 'school-access'")
  })

  it('art. 8(1): flags other use allowed on parental consent when no such consent exists (KZK-3.17)', () => {
    const findings = findingsOf(purposeLockBreached, (p) => {
      p.ageRules.purposeLocks![0]!.otherUse = 'additional_parental_consent'
      byId(p.purposes, 'site-statistics').categories.push('pupil-biometrics')
    })
    expect(findings).toHaveLength(1)
    expect(findings[0]!.message).toContain('unless a parent gives a separate consent')
  })

  it("art. 8(1): quiet when a parent's separate consent covers the other use (KZK-3.17)", () => {
    expect(findingsOf(purposeLockBreached, (p) => {
      p.ageRules.purposeLocks![0]!.otherUse = 'additional_parental_consent'
      byId(p.purposes, 'site-statistics').categories.push('pupil-biometrics')
      byId(p.consentForms, 'pupil-access').purposes.push('site-statistics')
    })).toEqual([])
  })

  it('art. 9: quiet on a disclosure a law requires, which no lock can refuse (KZK-3.13)', () => {
    expect(findingsOf(purposeLockBreached, (p) => {
      byId(p.purposes, 'tax-reporting').categories.push('pupil-biometrics')
      delete byId(p.purposes, 'tax-reporting').items
    })).toEqual([])
  })

  it('art. 7(12): quiet while only the listed purposes use the locked item (KZK-3.16)', () => {
    expect(findingsOf(purposeLockBreached)).toEqual([])
  })
})
