import { randomBytes } from 'node:crypto'
import { DerbesError } from '../../errors/index.ts'
import { KEY_BYTES } from './wrap-data-key.ts'

/** A key-encryption key. */
export interface Kek {
  id: string
  /** ISO 8601. */
  createdAt: string
  material: Buffer
}

/**
 * An operator's keys: its KEKs (the newest is `current`, older ones stay to
 * unwrap what they wrapped) and its blind-index key. Its file form is
 * `{ current, keys: [{ id, createdAt, material }], indexKey }`, keys in base64.
 */
export interface Keyring {
  current: string
  keys: readonly Kek[]
  indexKey: Buffer
}

function newKek(now: Date, taken: readonly Kek[]): Kek {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '')
  let id: string
  do id = `kek-${day}-${randomBytes(4).toString('hex')}`
  while (taken.some((k) => k.id === id))
  return { id, createdAt: now.toISOString(), material: randomBytes(KEY_BYTES) }
}

/** A fresh keyring: one KEK, current, and an index key. */
export function newKeyring(now: Date): Keyring {
  const kek = newKek(now, [])
  return { current: kek.id, keys: [kek], indexKey: randomBytes(KEY_BYTES) }
}

/** The keyring with one more KEK, made current (rotation). */
export function withNewKek(keyring: Keyring, now: Date): Keyring {
  const kek = newKek(now, keyring.keys)
  return { ...keyring, current: kek.id, keys: [...keyring.keys, kek] }
}

export function currentKek(keyring: Keyring): Kek {
  return keyring.keys.find((k) => k.id === keyring.current)!
}

export function keyringToJson(keyring: Keyring): string {
  const keys = keyring.keys.map((k) => ({ id: k.id, createdAt: k.createdAt, material: k.material.toString('base64') }))
  return `${JSON.stringify({ current: keyring.current, keys, indexKey: keyring.indexKey.toString('base64') }, null, 2)}\n`
}

/**
 * Reads a keyring's file form, refusing anything not exactly as `keyringToJson`
 * writes it. Error messages name the problem and never quote the file: it holds keys.
 */
export function keyringFromJson(text: string, where: string): Keyring {
  const invalid = (problem: string) => new DerbesError('DERBES_VAULT_KEYRING_INVALID', `${where}: ${problem}`)
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw invalid('not JSON')
  }
  if (typeof raw !== 'object' || raw === null) throw invalid('not an object')
  const { current, keys, indexKey } = raw as Record<string, unknown>
  const key = (value: unknown, name: string): Buffer => {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'base64') : undefined
    if (!bytes || bytes.length !== KEY_BYTES || bytes.toString('base64') !== value) {
      throw invalid(`${name} is not ${KEY_BYTES} bytes in base64`)
    }
    return bytes
  }
  if (!Array.isArray(keys) || keys.length === 0) throw invalid('keys must be a non-empty list')
  const keks = keys.map((k: unknown, i): Kek => {
    if (typeof k !== 'object' || k === null) throw invalid(`keys[${i}] is not an object`)
    const { id, createdAt, material } = k as Record<string, unknown>
    if (typeof id !== 'string' || id === '') throw invalid(`keys[${i}].id is missing`)
    if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) throw invalid(`keys[${i}].createdAt is not a date`)
    return { id, createdAt, material: key(material, `keys[${i}].material`) }
  })
  if (new Set(keks.map((k) => k.id)).size !== keks.length) throw invalid('key ids repeat')
  if (typeof current !== 'string' || !keks.some((k) => k.id === current)) throw invalid('current names no key in keys')
  return { current, keys: keks, indexKey: key(indexKey, 'indexKey') }
}
