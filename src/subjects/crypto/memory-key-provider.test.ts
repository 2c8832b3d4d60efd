import { describe, expect, it } from 'vitest'
import { DerbesError } from '../../errors/index.ts'
import { decryptField, encryptField, newDataKey, type FieldContext } from './field-cipher.ts'
import type { WrappedKey } from './key-provider.ts'
import { MemoryKeyProvider } from './memory-key-provider.ts'

const context: FieldContext = { operatorId: 'ttc', subjectId: 'subject-1', itemId: 'iin' }

async function expectUnwrapFailure(run: Promise<unknown>): Promise<void> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DerbesError)
  expect((error as DerbesError).code).toBe('DERBES_VAULT_KEY_UNWRAP_FAILED')
}

function flipByte(wrapped: WrappedKey, index: number): WrappedKey {
  const bytes = Buffer.from(wrapped.ciphertext, 'base64')
  bytes[index]! ^= 0x80
  return { ...wrapped, ciphertext: bytes.toString('base64') }
}

describe('MemoryKeyProvider (the KeyringKeyProvider logic, without files)', () => {
  it('wraps and unwraps a data key under the current KEK', async () => {
    const keys = new MemoryKeyProvider()
    const dek = newDataKey()
    const wrapped = await keys.wrap('ttc', dek)
    expect(wrapped.keyId).toBe(await keys.currentKeyId('ttc'))
    expect(Buffer.from(wrapped.ciphertext, 'base64')).toHaveLength(12 + 32 + 16)
    expect(Buffer.from(wrapped.ciphertext, 'base64').includes(dek)).toBe(false)
    expect((await keys.unwrap('ttc', wrapped)).equals(dek)).toBe(true)
  })

  it('detects an altered nonce, wrapped key or tag', async () => {
    const keys = new MemoryKeyProvider()
    const wrapped = await keys.wrap('ttc', newDataKey())
    for (const index of [0, 11, 12, 43, 44, 59]) await expectUnwrapFailure(keys.unwrap('ttc', flipByte(wrapped, index)))
    await expectUnwrapFailure(keys.unwrap('ttc', { ...wrapped, ciphertext: wrapped.ciphertext.slice(4) }))
  })

  it('binds the operator: a wrapped key moved to another operator does not unwrap, even under the same KEK', async () => {
    const keys = new MemoryKeyProvider()
    const wrapped = await keys.wrap('ttc', newDataKey())
    await expectUnwrapFailure(keys.unwrap('kcell', wrapped))
  })

  it('binds the key id: relabelling a wrapped key as another KEK of the same operator fails', async () => {
    const keys = new MemoryKeyProvider()
    const wrapped = await keys.wrap('ttc', newDataKey())
    const second = await keys.rotate('ttc')
    await expectUnwrapFailure(keys.unwrap('ttc', { ...wrapped, keyId: second }))
    await expectUnwrapFailure(keys.unwrap('ttc', { ...wrapped, keyId: 'kek-unknown' }))
  })

  it('rotation: values under DEKs wrapped with key 1 still decrypt after rotation to key 2; rewrap moves the DEK to key 2', async () => {
    const keys = new MemoryKeyProvider({ clock: () => new Date('2026-11-21T10:00:00Z') })
    const first = await keys.currentKeyId('ttc')
    const dek = newDataKey()
    const wrapped = await keys.wrap('ttc', dek)
    const ciphertext = encryptField(dek, context, '791028302728')

    const second = await keys.rotate('ttc')
    expect(second).not.toBe(first)
    expect(second).toMatch(/^kek-20261121-[0-9a-f]{8}$/)
    expect(await keys.currentKeyId('ttc')).toBe(second)
    expect(decryptField(await keys.unwrap('ttc', wrapped), context, ciphertext)).toBe('791028302728')

    const rewrapped = await keys.rewrap('ttc', wrapped)
    expect(rewrapped.keyId).toBe(second)
    expect(rewrapped.ciphertext).not.toBe(wrapped.ciphertext)
    // The value itself was not re-encrypted: the same ciphertext opens with the re-wrapped DEK.
    expect(decryptField(await keys.unwrap('ttc', rewrapped), context, ciphertext)).toBe('791028302728')
    expect(await keys.rewrap('ttc', rewrapped)).toBe(rewrapped)
    expect((await keys.wrap('ttc', newDataKey())).keyId).toBe(second)
  })

  it('crypto-shredding: once the wrapped DEK is deleted, nothing else in the system can decrypt the value', async () => {
    const keys = new MemoryKeyProvider()
    // The database's view: only the wrapped key row and the ciphertext are stored.
    const rows = new Map<string, WrappedKey>()
    const dek = newDataKey()
    rows.set('subject-1', await keys.wrap('ttc', dek))
    dek.fill(0) // the plaintext DEK lives in memory only for the encryption
    const ciphertext = encryptField(await keys.unwrap('ttc', rows.get('subject-1')!), context, '791028302728')

    rows.delete('subject-1') // destroy the subject
    expect(rows.get('subject-1')).toBeUndefined()
    // Every other key the operator holds — KEKs, index key, other subjects' DEKs — fails to open it.
    const other = await keys.unwrap('ttc', await keys.wrap('ttc', newDataKey()))
    for (const key of [other, await keys.indexKey('ttc'), newDataKey()]) {
      expect(() => decryptField(key, context, ciphertext)).toThrow(DerbesError)
    }
  })

  it('keeps each operator’s keys apart and creates them on first use', async () => {
    const keys = new MemoryKeyProvider()
    expect((await keys.indexKey('ttc')).equals(await keys.indexKey('kcell'))).toBe(false)
    expect(await keys.indexKey('ttc')).toHaveLength(32)
    expect((await keys.indexKey('ttc')).equals(await keys.indexKey('ttc'))).toBe(true)
  })

  it('hands out a copy of the index key', async () => {
    const keys = new MemoryKeyProvider()
    const copy = await keys.indexKey('ttc')
    const before = Buffer.from(copy)
    copy.fill(0)
    expect((await keys.indexKey('ttc')).equals(before)).toBe(true)
  })

  it('refuses an operator id outside the API pattern', async () => {
    const keys = new MemoryKeyProvider()
    for (const id of ['../etc', 'TTC', '', 'a/b']) {
      await expect(keys.currentKeyId(id)).rejects.toMatchObject({ code: 'DERBES_VALIDATION' })
    }
  })

  it('creates one keyring for concurrent first uses', async () => {
    const keys = new MemoryKeyProvider()
    const ids = await Promise.all([keys.currentKeyId('ttc'), keys.currentKeyId('ttc'), keys.wrap('ttc', newDataKey())])
    expect(ids[0]).toBe(ids[1])
    expect(ids[2].keyId).toBe(ids[0])
  })
})
