import { describe, expect, it } from 'vitest'
import { byId, findingsOf } from '../lint-test-kit.ts'
import { sensitivityUnmarked, unusedData } from './excess-data.ts'

const name = { kk: 'Атауы', ru: 'Название', en: 'Name' }

describe('unused-data', () => {
  it('art. 7(9), art. 25(2)(1): flags a whole category no purpose uses', () => {
    const findings = findingsOf(unusedData, (p) => {
      p.categories.push({ id: 'family', name, items: [{ id: 'spouse-name', name, kind: 'family', sources: ['subject'] }] })
    })
    expect(findings).toMatchObject([{ severity: 'warning', path: '/categories/4' }])
    expect(findings[0]!.message).toBe("no purpose uses category 'family'")
  })

  it('art. 7(9): flags one item every purpose leaves out', () => {
    const findings = findingsOf(unusedData, (p) => {
      byId(p.categories, 'pupil-biometrics').items.push({ id: 'pupil-fingerprint', name, kind: 'fingerprint', sensitivity: 'biometric', sources: ['representative'], subjectKinds: ['pupil'] })
    })
    expect(findings).toMatchObject([{ path: '/categories/3/items/1' }])
    expect(findings[0]!.message).toBe("no purpose uses data item 'pupil-fingerprint' of category 'pupil-biometrics'")
  })

  it('art. 25(2)(1): quiet when every item serves a purpose', () => {
    expect(findingsOf(unusedData)).toEqual([])
  })
})

describe('sensitivity-unmarked', () => {
  it('art. 6: notes an IIN not marked restricted', () => {
    const findings = findingsOf(sensitivityUnmarked, (p) => {
      delete byId(byId(p.categories, 'identity').items, 'iin').sensitivity
    })
    expect(findings).toMatchObject([{ severity: 'info', path: '/categories/0/items/1/kind' }])
    expect(findings[0]!.message).toBe("data item 'iin' (iin) is not marked restricted")
  })

  it('art. 6: notes a face image marked merely restricted (KZK-1.13)', () => {
    const findings = findingsOf(sensitivityUnmarked, (p) => {
      byId(byId(p.categories, 'pupil-biometrics').items, 'pupil-face').sensitivity = 'restricted'
    })
    expect(findings[0]!.message).toBe("data item 'pupil-face' (face_image) is not marked biometric")
  })

  it('art. 6: quiet when restricted and biometric data are marked', () => {
    expect(findingsOf(sensitivityUnmarked)).toEqual([])
  })
})
