import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SEEDS = readdirSync(join(ROOT, 'policies')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace('.yaml', ''))

/** Starts `derbes serve --seed` the way `npm start` does, on a free port and a fresh data directory. */
function start(dataDir: string): Promise<{ child: ChildProcessWithoutNullStreams; stdout: () => string; urls: string[] }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/derbes.js'), 'serve', '--seed', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', DERBES_DATA_DIR: dataDir, DERBES_KEYS_DIR: join(dataDir, 'keys'), LOG_LEVEL: 'warn' },
  })
  let out = ''
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no notice URLs within 60 s\nstdout: ${out}\nstderr: ${err}`)), 60_000)
    child.on('exit', (code) => reject(new Error(`derbes serve exited with ${code}\n${err}`)))
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const urls = [...out.matchAll(/http:\/\/\S+\/notice\/\S+/g)].map((m) => m[0])
      if (urls.length >= SEEDS.length * 3) {
        clearTimeout(timer)
        child.removeAllListeners('exit')
        resolve({ child, stdout: () => out, urls })
      }
    })
  })
}

function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })
}

describe('npm start (derbes serve --seed) on a fresh machine', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'derbes-serve-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('serves the five seed operators on embedded PGlite, prints every notice URL, and stops gracefully', async () => {
    const { child, urls, stdout } = await start(dataDir)
    try {
      expect(SEEDS.sort()).toEqual(['esp', 'kzk', 'ps', 'ttc', 'tw'])
      for (const operator of SEEDS) for (const lang of ['kk', 'ru', 'en']) expect(urls.some((u) => u.endsWith(`/notice/${operator}/${lang}`))).toBe(true)
      const kk = await fetch(urls.find((u) => u.endsWith('/notice/ttc/kk'))!)
      expect(kk.status).toBe(200)
      expect(kk.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await kk.text()).toContain('Транстелеком')
      // The demo administrator's API key works on the audit log, which every action writes to.
      const key = /ttc\s+demo API key \(shown once\): (\S+)/.exec(stdout())?.[1]
      expect(key).toMatch(/^dk\.ttc\./)
      const base = urls[0]!.replace(/\/notice\/.*/, '')
      const verified = await fetch(`${base}/v1/operators/ttc/audit/verify`, { headers: { authorization: `Bearer ${key}` } })
      expect(await verified.json()).toMatchObject({ ok: true, operatorId: 'ttc' })
      // The demo installation administrator key registers a further operator (issue 3: that route is authenticated).
      const adminKey = /demo installation administrator key \(shown once[^)]*\): (\S+)/.exec(stdout())?.[1]
      expect(adminKey).toMatch(/^da\./)
      const policy = parseDocument(readFileSync(join(ROOT, 'policies/tw.yaml'), 'utf8'))
      policy.setIn(['operator', 'id'], 'tw-branch')
      const register = (authorization?: string) =>
        fetch(`${base}/v1/operators`, { method: 'POST', headers: { 'content-type': 'application/yaml', ...(authorization ? { authorization } : {}) }, body: policy.toString() })
      expect((await register()).status).toBe(401)
      expect((await register(`Bearer ${key}`)).status).toBe(403)
      const registered = await register(`Bearer ${adminKey}`)
      expect(registered.status).toBe(201)
      expect((await registered.json()).uploadedBy).toMatch(/^installation_admin:/)
    } finally {
      expect(await stop(child)).toBe(0)
    }
  }, 120_000)

  it('restarts on the same data directory without storing the seeds twice', async () => {
    const { child, urls, stdout } = await start(dataDir)
    try {
      // The demo administrator key is shown once, on the first start; it is not stored in a usable form.
      expect(stdout()).not.toContain('demo installation administrator key')
      const base = urls[0]!.replace(/\/notice\/.*/, '')
      const session = await (await fetch(`${base}/v1/operators/ttc/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: 'derbes-demo' }) })).json()
      const versions = await (await fetch(`${base}/v1/operators/ttc/policy/versions`, { headers: { authorization: `Bearer ${session.token}` } })).json()
      expect(versions.versions).toHaveLength(1)
      expect(versions.versions[0].state).toBe('published')
    } finally {
      expect(await stop(child)).toBe(0)
    }
  }, 120_000)
})
