import { describe, expect, it } from 'vitest'
import type { PolicyDocument } from '../../schema/index.ts'
import { byId, findingsOf } from '../lint-test-kit.ts'
import { idDocumentCopy } from './id-document-copy.ts'

const collect = (kind: 'id_document' | 'id_document_copy') => (p: PolicyDocument) => {
  byId(p.categories, 'identity').items.push({
    id: 'passport',
    name: { kk: 'Жеке куәлік', ru: 'Удостоверение личности', en: 'Identity document' },
    kind,
    sensitivity: 'restricted',
    sources: ['subject'],
  })
}

describe('id-document-copy', () => {
  it('art. 7(10): flags a copy of the identity document (PS-2.3)', () => {
    const findings = findingsOf(idDocumentCopy, collect('id_document_copy'))
    expect(findings).toMatchObject([{ severity: 'warning', path: '/categories/0/items/2' }])
    expect(findings[0]!.message).toContain("'passport'")
  })

  it("art. 7(10): quiet on the document's number, issuer and date (ESP-3)", () => {
    expect(findingsOf(idDocumentCopy, collect('id_document'))).toEqual([])
  })
})
