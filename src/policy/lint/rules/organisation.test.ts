import { describe, expect, it } from 'vitest'
import { findingsOf } from '../lint-test-kit.ts'
import { noResponsiblePerson, operatorUnidentified, requestsNotFree } from './organisation.ts'

describe('no-responsible-person', () => {
  it('art. 25(2)(10): flags an operator naming no responsible person (ESP)', () => {
    const findings = findingsOf(noResponsiblePerson, (p) => {
      delete p.operator.responsiblePerson
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/operator' }])
    expect(findings[0]!.message).toContain("operator 'demo-school'")
  })

  it('art. 25(2)(10): quiet once a responsible person is appointed (TW-7.1)', () => {
    expect(findingsOf(noResponsiblePerson)).toEqual([])
  })
})

describe('requests-not-free', () => {
  it('art. 25(2)(9): flags a charge for access to own data', () => {
    const findings = findingsOf(requestsNotFree, (p) => {
      p.requests!.free = false
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/requests/free' }])
  })

  it('art. 25(2)(9): quiet on free access (TW-9.2, ESP-9)', () => {
    expect(findingsOf(requestsNotFree)).toEqual([])
  })
})

describe('operator-unidentified', () => {
  it('art. 8(4)(1): flags an operator with neither BIN nor IIN (KZK)', () => {
    const findings = findingsOf(operatorUnidentified, (p) => {
      delete p.operator.bin
    })
    expect(findings).toMatchObject([{ severity: 'error', path: '/operator' }])
    expect(findings[0]!.message).toContain("operator 'demo-school' states neither a BIN nor an IIN")
  })

  it("art. 8(4)(1): quiet on an individual entrepreneur's IIN", () => {
    expect(findingsOf(operatorUnidentified, (p) => {
      delete p.operator.bin
      p.operator.iin = '791028302728'
    })).toEqual([])
  })
})
