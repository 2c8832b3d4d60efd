import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { MemoryKeyProvider } from '../subjects/crypto/index.ts'
import { maskingKey, maskValue } from './masking.ts'

const key = Buffer.alloc(32, 7)

describe('masking', () => {
  it('redact keeps length and shape, the first and the last two letters or digits', () => {
    expect(maskValue({ strategy: 'redact' }, '+7 701 123 45 67', key)).toBe('+7 *** *** ** 67')
    expect(maskValue({ strategy: 'redact' }, 'aidos@mail.kz', key)).toBe('a****@****.kz')
    expect(maskValue({ strategy: 'redact' }, 'Айдос Серіков', key)).toBe('А**** *****ов')
    expect(maskValue({ strategy: 'redact', keepStart: 0, keepEnd: 4 }, '4400 4301 2345 6789', key)).toBe('**** **** **** 6789')
  })

  it('redact stars a short value whole: nothing of it survives', () => {
    expect(maskValue({ strategy: 'redact' }, 'Ли', key)).toBe('**')
    expect(maskValue({ strategy: 'redact' }, 'Ann', key)).toBe('***')
    expect(maskValue({ strategy: 'redact' }, 'Анна', key)).toBe('А*на')
  })

  it('hash is an HMAC-SHA256 under the key, hex, cut to the length asked', () => {
    const full = maskValue({ strategy: 'hash' }, '900517300123', key)
    expect(full).toBe(createHmac('sha256', key).update('900517300123').digest('hex'))
    expect(maskValue({ strategy: 'hash', length: 12 }, '900517300123', key)).toBe(full!.slice(0, 12))
    expect(maskValue({ strategy: 'hash' }, '900517300123', Buffer.alloc(32, 8))).not.toBe(full)
    expect(maskValue({ strategy: 'hash' }, 12, key)).toBe(maskValue({ strategy: 'hash' }, '12', key))
  })

  it('leaves null as null', () => {
    expect(maskValue({ strategy: 'hash' }, null, key)).toBeNull()
    expect(maskValue({ strategy: 'redact' }, undefined, key)).toBeNull()
  })

  it("derives the operator's masking key apart from its blind-index key: never the blind-index key itself", async () => {
    const keys = new MemoryKeyProvider()
    const ttc = await maskingKey(keys, 'ttc')
    expect(ttc).toHaveLength(32)
    expect(await maskingKey(keys, 'ttc')).toEqual(ttc)
    expect(await maskingKey(keys, 'esp')).not.toEqual(ttc)
    const indexKey = await keys.indexKey('ttc')
    expect(ttc).not.toEqual(indexKey)
  })
})
