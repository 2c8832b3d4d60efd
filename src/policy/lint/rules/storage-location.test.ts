import { describe, expect, it } from 'vitest'
import { findingsOf } from '../lint-test-kit.ts'
import { mirrorAbroad, storageOutsideKz } from './storage-location.ts'

describe('storage-outside-kz', () => {
  it('art. 12(2): flags a database of record outside Kazakhstan', () => {
    const findings = findingsOf(storageOutsideKz, (p) => {
      p.operator.dataLocation.database = 'DE'
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/operator/dataLocation/database' }])
    expect(findings[0]!.message).toContain("operator 'demo-school' keeps its database in DE")
  })

  it('art. 12(2): quiet on a database in Kazakhstan (TTC-8.2, ESP-5)', () => {
    expect(findingsOf(storageOutsideKz)).toEqual([])
  })
})

describe('mirror-abroad', () => {
  it('art. 12(2), art. 16: notes a mirror abroad', () => {
    const findings = findingsOf(mirrorAbroad, (p) => {
      p.operator.dataLocation.mirrors = ['KZ', 'FI']
    })
    expect(findings).toMatchObject([{ severity: 'info', path: '/operator/dataLocation/mirrors/1' }])
    expect(findings[0]!.message).toContain('FI')
  })

  it('art. 12(2): quiet on backups kept in Kazakhstan', () => {
    expect(findingsOf(mirrorAbroad, (p) => {
      p.operator.dataLocation.mirrors = ['KZ']
    })).toEqual([])
  })
})
