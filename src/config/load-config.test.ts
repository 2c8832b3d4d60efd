import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DerbesError } from '../errors/index.ts'
import { loadConfig } from './load-config.ts'

describe('configuration', () => {
  it('fills defaults: embedded PGlite, port 3000', () => {
    const config = loadConfig({ env: {} })
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, dataDir: '.derbes/pgdata', logLevel: 'info' })
    expect(config.databaseUrl).toBeUndefined()
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('reads a file, then lets the environment win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'derbes-config-'))
    const file = join(dir, 'derbes.yaml')
    writeFileSync(file, 'port: 4000\nlogLevel: debug\n')
    const config = loadConfig({ env: { DERBES_CONFIG: file, PORT: '5000', DATABASE_URL: 'postgres://localhost/x' } })
    expect(config).toMatchObject({ port: 5000, logLevel: 'debug', databaseUrl: 'postgres://localhost/x' })
  })

  it('refuses invalid values, naming each', () => {
    let error: unknown
    try {
      loadConfig({ env: { PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' } })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DerbesError)
    const pointers = (error as DerbesError).errors.map((e) => e.pointer).sort()
    expect(pointers).toEqual(['/databaseUrl', '/logLevel', '/port'])
  })

  it('refuses unknown keys in the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'derbes-config-'))
    const file = join(dir, 'derbes.yaml')
    writeFileSync(file, 'prot: 4000\n')
    expect(() => loadConfig({ env: {}, file })).toThrow(/prot/)
  })
})
