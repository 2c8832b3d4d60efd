import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * FOR TESTS. A throw-away PKI made with the `openssl` command line in a temp
 * directory: CAs, signer certificates named the way Kazakhstan's NCA names
 * them (serialNumber=IIN…), and CMS signatures (`openssl cms -sign`). Real
 * NCA certificates cannot be used offline; these exercise the same checks.
 */
export class TestPki {
  readonly dir = mkdtempSync(join(tmpdir(), 'derbes-eds-'))
  #serial = 1

  openssl(...args: string[]): Buffer {
    return execFileSync('openssl', args, { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] })
  }

  #newKey(name: string, kind: 'rsa' | 'ec'): string[] {
    return kind === 'rsa' ? ['-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`]
  }

  /** A self-signed root CA; returns its name (files `<name>.pem`, `<name>.key`). */
  rootCa(name: string, kind: 'rsa' | 'ec' = 'rsa'): string {
    this.openssl('req', '-x509', '-new', ...this.#newKey(name, kind), '-out', `${name}.pem`, '-days', '3650', '-subj', `/C=KZ/O=Derbes Test/CN=${name}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign')
    return name
  }

  /**
   * A certificate issued by `issuer` between two dates (YYYYMMDDHHMMSSZ), through
   * `openssl ca` so that dates in the past can be given (an expired certificate).
   */
  issue(issuer: string, name: string, options: { subject: string; kind?: 'rsa' | 'ec'; ca?: boolean; from?: Date; until?: Date }): string {
    const stamp = (d: Date) => `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`
    const from = options.from ?? new Date(Date.now() - 86_400_000)
    const until = options.until ?? new Date(Date.now() + 365 * 86_400_000)
    this.openssl('req', '-new', ...this.#newKey(name, options.kind ?? 'rsa'), '-out', `${name}.csr`, '-utf8', '-subj', options.subject)
    const db = join(this.dir, `${issuer}-db`)
    mkdirSync(join(db, 'new'), { recursive: true })
    writeFileSync(join(db, 'index.txt'), '', { flag: 'a' })
    writeFileSync(join(db, 'serial'), `${(this.#serial++).toString(16).padStart(4, '0')}\n`)
    writeFileSync(join(this.dir, `${name}.cnf`), [
      '[ca]', 'default_ca = test', '[test]', `database = ${join(db, 'index.txt')}`, `new_certs_dir = ${join(db, 'new')}`, `serial = ${join(db, 'serial')}`,
      'default_md = sha256', 'policy = any', 'unique_subject = no', 'email_in_dn = no', 'preserve = yes', 'string_mask = utf8only',
      '[any]', 'countryName = optional', 'organizationName = optional', 'organizationalUnitName = optional', 'commonName = supplied', 'serialNumber = optional', 'surname = optional', 'givenName = optional',
      '[ext]', options.ca ? 'basicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign' : 'basicConstraints = CA:FALSE\nkeyUsage = critical,digitalSignature,nonRepudiation',
    ].join('\n'))
    this.openssl('ca', '-batch', '-utf8', '-config', `${name}.cnf`, '-extensions', 'ext', '-cert', `${issuer}.pem`, '-keyfile', `${issuer}.key`, '-in', `${name}.csr`, '-out', `${name}.pem`, '-notext', '-startdate', stamp(from), '-enddate', stamp(until))
    return name
  }

  /** base64 of a DER CMS SignedData over `content` by `signer` (`openssl cms -sign -binary [-nodetach] -outform DER`). */
  sign(signer: string, content: string, options: { detached?: boolean; certfile?: string } = {}): string {
    writeFileSync(join(this.dir, 'content.txt'), content, 'utf8')
    this.openssl('cms', '-sign', '-binary', ...(options.detached ? [] : ['-nodetach']), '-md', 'sha256', '-in', 'content.txt', '-signer', `${signer}.pem`, '-inkey', `${signer}.key`,
      ...(options.certfile ? ['-certfile', `${options.certfile}.pem`] : []), '-outform', 'DER', '-out', 'signed.p7s')
    return readFileSync(join(this.dir, 'signed.p7s')).toString('base64')
  }

  /** A trust directory holding these CAs' PEM files. */
  trustDir(...cas: string[]): string {
    const dir = mkdtempSync(join(this.dir, 'trust-'))
    for (const ca of cas) writeFileSync(join(dir, `${ca}.pem`), readFileSync(join(this.dir, `${ca}.pem`)))
    return dir
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}
