import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleCrm } from '../discovery/databases/sample-crm.ts'
import { createMysqlSample, createPostgresSample, type SampleDatabase } from '../discovery/databases/sample-databases.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function derbes(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/derbes.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

// Issue 7, "CLI": `derbes scan <connection-url|path>` with a summary table and JSON/SARIF output.
describe('derbes scan', () => {
  const databases: SampleDatabase[] = []
  beforeAll(async () => {
    databases.push(await createPostgresSample(sampleCrm(500)), await createMysqlSample(sampleCrm(500)))
  }, 120_000)
  afterAll(async () => {
    for (const database of databases) await database.drop()
  })

  it('prints a summary table of the personal columns of a PostgreSQL and a MariaDB database', () => {
    for (const database of databases) {
      const { code, stdout } = derbes('scan', database.url, '--sample', '300')
      expect(code).toBe(0)
      expect(stdout).toMatch(/10 of \d+ column\(s\) hold personal data/)
      expect(stdout).toMatch(/^clients +iin +iin +\d\.\d\d +\d+\/\d+ +iin +\*{10}\d\d/m)
      expect(stdout).toMatch(/^payments +card_pan +bank_card /m)
      expect(stdout).not.toMatch(/order_no/)
    }
  })

  it("maps what it finds to a policy's items (ESP: the phone to its item 'phone'; an IIN it does not list stays a kind)", () => {
    const { code, stdout } = derbes('scan', databases[0]!.url, '--sample', '200', '--policy', 'policies/esp.yaml', '--format', 'json')
    expect(code).toBe(0)
    const clients = JSON.parse(stdout).tables.find((t: { name: string }) => t.name === 'clients').columns as { name: string; itemId?: string }[]
    expect(clients.find((c) => c.name === 'phone')!.itemId).toBe('phone')
    expect(clients.find((c) => c.name === 'fio')!.itemId).toBe('full-name')
    expect(clients.find((c) => c.name === 'iin')!.itemId).toBeUndefined()
  })

  it('writes JSON and SARIF 2.1.0 for a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'derbes-scan-'))
    const [clients] = sampleCrm(50)
    const csv = join(dir, 'clients.csv')
    writeFileSync(csv, [clients!.columns.map(([c]) => c).join(','), ...clients!.rows.map((r) => r.map((v) => (v === null ? '' : `"${v}"`)).join(','))].join('\n'))
    const json = derbes('scan', csv, '--format', 'json')
    expect(json.code).toBe(0)
    const report = JSON.parse(json.stdout)
    expect(report.files[0].columns.find((c: { name: string }) => c.name === 'phone').kind).toBe('phone')
    const out = join(dir, 'scan.sarif')
    expect(derbes('scan', csv, '--format', 'sarif', '--output', out).code).toBe(0)
    const sarif = JSON.parse(readFileSync(out, 'utf8'))
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('iin')
    expect(sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'iin').locations[0].physicalLocation.artifactLocation.uri).toBe(csv)
  })

  it('refuses what it cannot read, with a code, and reads nothing', () => {
    const missing = derbes('scan', '/nowhere/at/all.csv')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/DERBES_SCAN_TARGET_UNKNOWN: cannot scan '\/nowhere\/at\/all.csv': no such file or directory/)
    expect(derbes('scan', 'redis://127.0.0.1:6379').stderr).toMatch(/DERBES_SCAN_TARGET_UNKNOWN/)
    expect(derbes('scan', 'x.csv', '--sample', 'many').stderr).toMatch(/--sample takes a whole number/)
  })
})
