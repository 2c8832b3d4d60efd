import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { DerbesError } from '../errors/index.ts'

/** The CA certificates an EDS must chain to. */
export interface EdsTrustStore {
  anchors: readonly pkijs.Certificate[]
  /** Where they came from, for error messages. */
  source: string
}

/** Where the trust directory is when DERBES_EDS_TRUST_DIR is not set. */
export const DEFAULT_EDS_TRUST_DIR = '.derbes/eds-trust'

const PEM = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g

function parseCertificate(der: Uint8Array, where: string): pkijs.Certificate {
  try {
    const asn = asn1js.fromBER(der)
    if (asn.offset === -1) throw new Error(asn.result.error)
    return new pkijs.Certificate({ schema: asn.result })
  } catch (error) {
    throw new DerbesError('DERBES_CONFIG_INVALID', `${where} is not an X.509 certificate: ${(error as Error).message}`)
  }
}

/**
 * Reads every `*.pem`, `*.crt` and `*.cer` file of a directory: PEM (one or
 * more certificates per file) or a single DER certificate, as Kazakhstan's
 * NCA publishes its roots. A missing directory is an empty store — every EDS
 * is then refused as untrusted, with a message saying where to put the CAs.
 *
 * @example
 * const trust = await loadEdsTrustDirectory('/etc/derbes/eds-trust')
 */
export async function loadEdsTrustDirectory(dir: string): Promise<EdsTrustStore> {
  let files: string[]
  try {
    files = (await readdir(dir)).filter((f) => /\.(pem|crt|cer)$/i.test(f)).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { anchors: [], source: dir }
    throw error
  }
  const anchors: pkijs.Certificate[] = []
  for (const file of files) {
    const bytes = await readFile(join(dir, file))
    const text = bytes.toString('latin1')
    const blocks = [...text.matchAll(PEM)].map((m) => Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'))
    const ders = blocks.length > 0 ? blocks : [bytes]
    ders.forEach((der, i) => anchors.push(parseCertificate(new Uint8Array(der), `${join(dir, file)}${ders.length > 1 ? ` #${i + 1}` : ''}`)))
  }
  return { anchors, source: dir }
}

const cache = new Map<string, { store: Promise<EdsTrustStore>; until: number }>()
const CACHE_MS = 60_000

/**
 * The trust store of `DERBES_EDS_TRUST_DIR` (default `.derbes/eds-trust`),
 * re-read at most once a minute, so a CA added by the operator counts
 * without a restart (docs/operations.md).
 */
export function edsTrustFromEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<EdsTrustStore> {
  const dir = env.DERBES_EDS_TRUST_DIR || DEFAULT_EDS_TRUST_DIR
  const hit = cache.get(dir)
  if (hit && hit.until > Date.now()) return hit.store
  const store = loadEdsTrustDirectory(dir)
  cache.set(dir, { store, until: Date.now() + CACHE_MS })
  store.catch(() => cache.delete(dir))
  return store
}
