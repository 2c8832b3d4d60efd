import { describe, expect, it } from 'vitest'
import { identityProofCheck } from './identity-proof.ts'
import { seedPolicy } from './requests-test-kit.ts'

describe('identityProofCheck', () => {
  const esp = seedPolicy('esp')
  const document = { idDocumentNumber: '041234567', idDocumentIssueDate: '2019-05-04', idDocumentIssuer: 'ҚР ІІМ' }

  it('ESP-9: the ID document’s number, issue date and issuer, and a handwritten or electronic signature', () => {
    const check = identityProofCheck(esp, 'written', { ...document, signature: { kind: 'handwritten_signature' } })
    expect(check).toEqual({
      required: ['id_document_number', 'id_document_issue_date', 'id_document_issuer', 'handwritten_signature|eds'],
      given: ['id_document_number', 'id_document_issue_date', 'id_document_issuer', 'handwritten_signature'],
      missing: [],
    })
    expect(identityProofCheck(esp, 'electronic_document', { ...document, signature: { kind: 'eds', reference: 'ED-17' } }).missing).toEqual([])
  })

  it('ESP-9: names what is missing, never a value', () => {
    const check = identityProofCheck(esp, 'written', { idDocumentNumber: '041234567' })
    expect(check.missing).toEqual(['id_document_issue_date', 'id_document_issuer', 'handwritten_signature|eds'])
    expect(JSON.stringify(check)).not.toContain('041234567')
    expect(identityProofCheck(esp, 'api', undefined).missing).toHaveLength(4)
  })

  it('ESP-9: a portal login or SMS code counts as the signature of a portal request only', () => {
    expect(identityProofCheck(esp, 'portal', { ...document, signature: { kind: 'sms_code', reference: 'challenge-1' } }).missing).toEqual([])
    const onPaper = identityProofCheck(esp, 'written', { ...document, signature: { kind: 'portal_login' } })
    expect(onPaper.missing).toEqual(['handwritten_signature|eds'])
    expect(onPaper.given).not.toContain('portal_login')
  })

  it('a policy that demands no proof (TTC, TW, KZK, PS) misses nothing; the authorised body’s requests need none', () => {
    for (const seed of ['ttc', 'tw', 'kzk', 'ps'] as const) expect(identityProofCheck(seedPolicy(seed), 'post', undefined)).toEqual({ required: [], given: [], missing: [] })
    expect(identityProofCheck(esp, 'written', undefined, 'authorised_body').missing).toEqual([])
  })
})
