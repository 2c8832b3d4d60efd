import { describe, expect, it } from 'vitest'
import { MemoryKeyProvider } from '../subjects/crypto/index.ts'
import { openSecret, sealSecret } from './seal-secret.ts'

describe('sealed connection secrets', () => {
  const secret = { url: 'postgres://crm:s3cret-pw@10.0.0.5/crm' }

  it('seal and open again under the operator keyring; the sealed form reveals nothing', async () => {
    const keys = new MemoryKeyProvider()
    const sealed = await sealSecret(keys, 'esp', 'crm', secret)
    expect(JSON.stringify(sealed)).not.toMatch(/s3cret|crm:/)
    expect(await openSecret(keys, 'esp', 'crm', sealed)).toEqual(secret)
    // A fresh data key and nonce each time.
    expect((await sealSecret(keys, 'esp', 'crm', secret)).sealed).not.toBe(sealed.sealed)
  })

  it('stay readable after the keyring rotates', async () => {
    const keys = new MemoryKeyProvider()
    const sealed = await sealSecret(keys, 'esp', 'crm', secret)
    await keys.rotate('esp')
    expect(await openSecret(keys, 'esp', 'crm', sealed)).toEqual(secret)
  })

  it('do not open for another system, another operator, or once altered', async () => {
    const keys = new MemoryKeyProvider()
    const sealed = await sealSecret(keys, 'esp', 'crm', secret)
    await expect(openSecret(keys, 'esp', 'erp', sealed)).rejects.toMatchObject({ code: 'DERBES_VAULT_DECRYPT_FAILED' })
    await expect(openSecret(keys, 'ttc', 'crm', sealed)).rejects.toMatchObject({ code: expect.stringMatching(/^DERBES_VAULT_/) })
    const [version, nonce, body] = sealed.sealed.split('.')
    const bytes = Buffer.from(body!, 'base64url')
    bytes[0]! ^= 1
    const flipped = `${version}.${nonce}.${bytes.toString('base64url')}`
    await expect(openSecret(keys, 'esp', 'crm', { ...sealed, sealed: flipped })).rejects.toMatchObject({ code: 'DERBES_VAULT_DECRYPT_FAILED' })
  })
})
