import { describe, expect, it } from 'vitest'
import { newDataKey } from './field-cipher.ts'
import { unwrapDataKey, wrapDataKey } from './wrap-data-key.ts'

// Under one and the same KEK, so only the bound AAD can tell the contexts apart.
const kek = Buffer.alloc(32, 1)

describe('wrapDataKey', () => {
  it('round-trips', () => {
    const dek = newDataKey()
    expect(unwrapDataKey(kek, 'ttc', wrapDataKey(kek, 'ttc', 'kek-1', dek)).equals(dek)).toBe(true)
  })

  it('binds the operator id: the same KEK does not unwrap it for another operator', () => {
    const wrapped = wrapDataKey(kek, 'ttc', 'kek-1', newDataKey())
    expect(() => unwrapDataKey(kek, 'kcell', wrapped)).toThrow(expect.objectContaining({ code: 'DERBES_VAULT_KEY_UNWRAP_FAILED' }))
  })

  it('binds the key id', () => {
    const wrapped = wrapDataKey(kek, 'ttc', 'kek-1', newDataKey())
    expect(() => unwrapDataKey(kek, 'ttc', { ...wrapped, keyId: 'kek-2' })).toThrow(
      expect.objectContaining({ code: 'DERBES_VAULT_KEY_UNWRAP_FAILED' }),
    )
  })

  it('refuses a data key that is not 32 bytes', () => {
    expect(() => wrapDataKey(kek, 'ttc', 'kek-1', Buffer.alloc(16))).toThrow(RangeError)
  })
})
