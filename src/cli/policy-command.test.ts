import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const MINIMAL = join(ROOT, 'src/policy/fixtures/minimal.yaml')

function derbes(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/derbes.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('derbes policy', () => {
  it('lint exits non-zero on errors and names line, column, rule and article (KZK-3.12, art. 12(2))', () => {
    const { code, stdout } = derbes('policy', 'lint', 'policies/kzk.yaml')
    expect(code).toBe(1)
    expect(stdout).toMatch(/^policies\/kzk\.yaml:\d+:\d+ +error +retention-unlimited .*art\. 12\(2\)/m)
  })

  it('lint exits zero on a compliant policy and writes SARIF 2.1.0', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'derbes-lint-')), 'lint.sarif')
    const { code } = derbes('policy', 'lint', MINIMAL, '--format', 'sarif', '--output', out)
    expect(code).toBe(0)
    const sarif = JSON.parse(readFileSync(out, 'utf8'))
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0].results).toEqual([])
  })

  it('lint refuses a file that does not load, with its line and column', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'derbes-lint-')), 'broken.yaml')
    writeFileSync(broken, readFileSync(MINIMAL, 'utf8').replace('categories: [identification]', 'categories: [nowhere]'))
    const { code, stderr } = derbes('policy', 'lint', broken, '--format', 'json')
    expect(code).toBe(1)
    expect(stderr).toMatch(/broken\.yaml:\d+:\d+ \/purposes\/0\/categories\/0 — unknown category 'nowhere'/)
  })

  it('render writes the notice in kk, ru and en', () => {
    const dir = mkdtempSync(join(tmpdir(), 'derbes-render-'))
    const { code } = derbes('policy', 'render', 'policies/tw.yaml', '--out', dir)
    expect(code).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['tw-notice.en.html', 'tw-notice.kk.html', 'tw-notice.ru.html'])
    expect(readFileSync(join(dir, 'tw-notice.kk.html'), 'utf8')).toContain('<html lang="kk"')
  })

  it('diff tells what changed, in the language asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'derbes-diff-'))
    const after = join(dir, 'after.yaml')
    writeFileSync(after, readFileSync(MINIMAL, 'utf8').replace('keep: P5Y', 'keep: P7Y').replace('id: "2026-1"', 'id: "2026-2"'))
    const { code, stdout } = derbes('policy', 'diff', MINIMAL, after, '--lang', 'ru')
    expect(code).toBe(0)
    expect(stdout).toMatch(/5 лет/)
    expect(stdout).toMatch(/7 лет/)
  })

  it('schema prints the JSON Schema of a policy', () => {
    const schema = JSON.parse(derbes('policy', 'schema').stdout)
    expect(schema.$id).toBe('derbes/policy/v1')
    expect(schema.required).toEqual(expect.arrayContaining(['operator', 'purposes', 'consentForms']))
  })
})
