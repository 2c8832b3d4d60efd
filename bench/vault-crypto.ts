import { createHash } from 'node:crypto'
import { decryptField, encryptField, newDataKey, type FieldContext } from '../src/subjects/crypto/index.ts'
import { compare, type BenchResult } from './measure.ts'

/** A typical vault value: an e-mail address of 32 bytes in UTF-8. */
const VALUE = 'aigerim.nurgalieva.86@mail.kz.kz'
const CONTEXT: FieldContext = { operatorId: 'ttc', subjectId: '5f0c6f0e-3a51-4d1e-9a57-1c2b9d0e7a11', itemId: 'email' }

/**
 * One vault value encrypted and decrypted (AES-256-GCM, fresh nonce, bound
 * context) against a bare SHA-256 of the same 32 bytes, in the same run: how
 * many hashes one protected round-trip costs.
 */
export async function benchFieldCipher(): Promise<BenchResult & { ratio: number }> {
  const dataKey = newDataKey()
  const bytes = Buffer.from(VALUE, 'utf8')
  if (bytes.length !== 32) throw new Error(`the sample value is ${bytes.length} bytes, not 32`)
  let sink = 0
  const subject = () => {
    sink += decryptField(dataKey, CONTEXT, encryptField(dataKey, CONTEXT, VALUE)).length
  }
  const baseline = () => {
    sink += createHash('sha256').update(bytes).digest().length
  }
  const { opsPerSec, baselineOpsPerSec } = compare(subject, baseline)
  if (sink === 0) throw new Error('nothing was computed')
  return {
    name: 'vault field cipher — encrypt + decrypt of a 32-byte value',
    subject: 'encryptField + decryptField (AES-256-GCM)',
    baseline: 'SHA-256 of the same 32 bytes',
    opsPerSec,
    baselineOpsPerSec,
    ratio: opsPerSec / baselineOpsPerSec,
  }
}
