import { webcrypto } from 'node:crypto'
import * as pkijs from 'pkijs'

/**
 * The PKIjs engine over Node's WebCrypto, passed explicitly to every PKIjs
 * call rather than installed globally. WebCrypto offers RSA PKCS#1 v1.5,
 * RSA-PSS and ECDSA on P-256/384/521 — not GOST 34.310, so signatures made
 * with an NCA GOST key are refused as unsupported.
 */
export const EDS_ENGINE = new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as Crypto })
