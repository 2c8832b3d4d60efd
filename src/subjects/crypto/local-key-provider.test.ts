import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decryptField, encryptField, newDataKey } from './field-cipher.ts'
import { LocalKeyProvider } from './local-key-provider.ts'

const posix = process.platform !== 'win32'
let root: string
let directory: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'derbes-keys-'))
  directory = join(root, 'keys')
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const context = { operatorId: 'ttc', subjectId: 'subject-1', itemId: 'email' }

describe('LocalKeyProvider', () => {
  it('creates the keyring file on first use: the documented JSON, mode 0600 in a 0700 directory', async () => {
    const keys = new LocalKeyProvider({ directory, clock: () => new Date('2026-11-21T05:00:00Z') })
    const keyId = await keys.currentKeyId('ttc')
    const path = join(directory, 'ttc.json')
    const file = JSON.parse(await readFile(path, 'utf8'))
    expect(file).toEqual({
      current: keyId,
      keys: [{ id: keyId, createdAt: '2026-11-21T05:00:00.000Z', material: expect.any(String) }],
      indexKey: expect.any(String),
    })
    expect(Buffer.from(file.keys[0].material, 'base64')).toHaveLength(32)
    expect(Buffer.from(file.indexKey, 'base64')).toHaveLength(32)
    if (posix) {
      expect((await stat(path)).mode & 0o777).toBe(0o600)
      expect((await stat(directory)).mode & 0o777).toBe(0o700)
    }
    expect(await readdir(directory)).toEqual(['ttc.json']) // no temporary files left
  })

  it('survives a reload from disk: a new provider unwraps, decrypts and indexes with the same keys', async () => {
    const before = new LocalKeyProvider({ directory })
    const dek = newDataKey()
    const wrapped = await before.wrap('ttc', dek)
    const ciphertext = encryptField(dek, context, 'aigerim@mail.kz')
    const indexKey = await before.indexKey('ttc')

    const after = new LocalKeyProvider({ directory })
    expect(decryptField(await after.unwrap('ttc', wrapped), context, ciphertext)).toBe('aigerim@mail.kz')
    expect((await after.indexKey('ttc')).equals(indexKey)).toBe(true)
  })

  it('rotates on disk, keeps the file 0600, and unwraps old and new keys after a reload', async () => {
    const keys = new LocalKeyProvider({ directory })
    const old = await keys.wrap('ttc', newDataKey())
    const second = await keys.rotate('ttc')
    const fresh = await keys.wrap('ttc', newDataKey())
    expect(fresh.keyId).toBe(second)

    const path = join(directory, 'ttc.json')
    const file = JSON.parse(await readFile(path, 'utf8'))
    expect(file.current).toBe(second)
    expect(file.keys.map((k: { id: string }) => k.id)).toEqual([old.keyId, second])
    if (posix) expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect(await readdir(directory)).toEqual(['ttc.json'])

    const reloaded = new LocalKeyProvider({ directory })
    await expect(reloaded.unwrap('ttc', old)).resolves.toHaveLength(32)
    await expect(reloaded.unwrap('ttc', fresh)).resolves.toHaveLength(32)
    expect((await reloaded.rewrap('ttc', old)).keyId).toBe(second)
  })

  it("picks up another process's rotation when a key it does not know arrives", async () => {
    const a = new LocalKeyProvider({ directory })
    const b = new LocalKeyProvider({ directory })
    await a.currentKeyId('ttc')
    await b.currentKeyId('ttc') // b caches the keyring before the rotation
    await a.rotate('ttc')
    const wrapped = await a.wrap('ttc', newDataKey())
    await expect(b.unwrap('ttc', wrapped)).resolves.toHaveLength(32)
  })

  it('two providers creating the same keyring at once end up with one', async () => {
    const providers = Array.from({ length: 5 }, () => new LocalKeyProvider({ directory }))
    const ids = await Promise.all(providers.map((p) => p.currentKeyId('ttc')))
    expect(new Set(ids).size).toBe(1)
    const stored = JSON.parse(await readFile(join(directory, 'ttc.json'), 'utf8'))
    expect(stored.current).toBe(ids[0])
  })

  it('keeps rotations by two providers, neither overwriting the other', async () => {
    const a = new LocalKeyProvider({ directory })
    const b = new LocalKeyProvider({ directory })
    await a.currentKeyId('ttc')
    await b.currentKeyId('ttc')
    const [ka, kb] = await Promise.all([a.rotate('ttc'), b.rotate('ttc')])
    const stored = JSON.parse(await readFile(join(directory, 'ttc.json'), 'utf8'))
    expect(stored.keys).toHaveLength(3)
    expect(stored.keys.map((k: { id: string }) => k.id)).toEqual(expect.arrayContaining([ka, kb]))
  })

  it('reports a held lock as busy', async () => {
    const keys = new LocalKeyProvider({ directory, lockTimeoutMs: 50 })
    await keys.currentKeyId('ttc')
    await writeFile(join(directory, 'ttc.json.lock'), '')
    await expect(keys.rotate('ttc')).rejects.toMatchObject({ code: 'DERBES_VAULT_KEYRING_BUSY' })
  })

  it('refuses a malformed keyring without quoting it and without rewriting it', async () => {
    const path = join(directory, 'ttc.json')
    await new LocalKeyProvider({ directory }).currentKeyId('ttc')
    const good = JSON.parse(await readFile(path, 'utf8'))
    const secret = good.keys[0].material as string
    for (const bad of [
      'not json',
      JSON.stringify({ ...good, current: 'kek-none' }),
      JSON.stringify({ ...good, keys: [{ ...good.keys[0], material: secret.slice(8) }] }),
      JSON.stringify({ ...good, keys: [good.keys[0], good.keys[0]] }),
      JSON.stringify({ ...good, indexKey: undefined }),
    ]) {
      await writeFile(path, bad)
      const error = await new LocalKeyProvider({ directory }).currentKeyId('ttc').catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'DERBES_VAULT_KEYRING_INVALID' })
      expect(String((error as Error).message)).not.toContain(secret.slice(8, 20))
      expect(await readFile(path, 'utf8')).toBe(bad)
    }
  })

  it('keeps keyring files inside the directory', async () => {
    const keys = new LocalKeyProvider({ directory })
    await expect(keys.currentKeyId('../outside')).rejects.toMatchObject({ code: 'DERBES_VALIDATION' })
    expect(await readdir(root)).toEqual([])
  })
})
