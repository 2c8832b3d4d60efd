import { describe, expect, it } from 'vitest'
import { blindIndex, blindIndexFor, IDENTIFIER_KINDS, normalizeIdentifier } from './blind-index.ts'
import { MemoryKeyProvider } from './memory-key-provider.ts'

const key = Buffer.alloc(32, 7)

describe('normalizeIdentifier', () => {
  it.each([
    ['phone', '8 (701) 123-45-67', '+77011234567'],
    ['phone', '+7 701 1234567', '+77011234567'],
    ['phone', '7011234567', '+77011234567'],
    ['iin', ' 791028 302728 ', '791028302728'],
    ['email', '  Aigerim.Nurgali@Mail.KZ ', 'aigerim.nurgali@mail.kz'],
    ['email', 'ҚАЙРАТ@пошта.қз', 'қайрат@пошта.қз'],
    ['id_document', 'n 1234 5678', 'N12345678'],
    ['id_document', '04 123 4567', '041234567'],
  ] as const)('%s %j → %j', (kind, input, normalised) => {
    expect(normalizeIdentifier(kind, input)).toBe(normalised)
  })

  it.each([
    ['iin', '791028302729'], // wrong check digit
    ['iin', '79102830272'],
    ['phone', '+7 495 123-45-67'], // Moscow
    ['phone', 'call me'],
    ['email', 'no-at-sign'],
    ['email', 'two@at@signs'],
    ['email', 'a b@c.kz'],
    ['id_document', '   '],
  ] as const)('refuses %s %j without repeating it', (kind, input) => {
    expect(() => normalizeIdentifier(kind, input)).toThrow(expect.objectContaining({ code: 'DERBES_IDENTIFIER_INVALID' }))
    try {
      normalizeIdentifier(kind, input)
    } catch (error) {
      if (input.trim()) expect((error as Error).message).not.toContain(input)
    }
  })
})

describe('blindIndex', () => {
  it('is equal for every spelling of one phone number', () => {
    const a = blindIndex(key, 'ttc', 'phone', '8 (701) 123-45-67')
    expect(a).toBe(blindIndex(key, 'ttc', 'phone', '+77011234567'))
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(a).not.toBe(blindIndex(key, 'ttc', 'phone', '+77011234568'))
  })

  it('is equal for e-mails that differ in case and surrounding spaces', () => {
    expect(blindIndex(key, 'ttc', 'email', ' Aigerim@Mail.kz')).toBe(blindIndex(key, 'ttc', 'email', 'aigerim@mail.kz'))
  })

  it('differs across operators, both under one key and under each operator’s own key', async () => {
    expect(blindIndex(key, 'ttc', 'iin', '791028302728')).not.toBe(blindIndex(key, 'kcell', 'iin', '791028302728'))
    const keys = new MemoryKeyProvider()
    const ttc = await blindIndexFor(keys, 'ttc', 'phone', '8 (701) 123-45-67')
    expect(ttc).toBe(await blindIndexFor(keys, 'ttc', 'phone', '+77011234567'))
    expect(ttc).not.toBe(await blindIndexFor(keys, 'kcell', 'phone', '+77011234567'))
  })

  it('differs across kinds for the same characters (domain separation)', () => {
    // 12 digits that are a valid IIN and also a document number.
    const iin = blindIndex(key, 'ttc', 'iin', '791028302728')
    const document = blindIndex(key, 'ttc', 'id_document', '791028302728')
    expect(iin).not.toBe(document)
    expect(new Set(IDENTIFIER_KINDS.map((kind) => blindIndex(key, 'ttc', kind, kind === 'phone' ? '+77011234567' : kind === 'email' ? 'a@b.kz' : '791028302728'))).size).toBe(4)
  })

  it('depends on the index key', () => {
    expect(blindIndex(key, 'ttc', 'iin', '791028302728')).not.toBe(blindIndex(Buffer.alloc(32, 8), 'ttc', 'iin', '791028302728'))
  })

  it('is pinned: changing the construction would orphan every stored index', () => {
    expect(blindIndex(key, 'ttc', 'iin', '791028302728')).toMatchInlineSnapshot(`"vQwdpueDh8u9A1ZGiwMgYB-Ma9qsa2vtP2gJBNYNqiw"`)
  })
})
