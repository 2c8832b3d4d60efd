// Test support for the CLI suites: the built `derbes` run as a child process on a PGlite data directory,
// and that directory opened here between runs (one process at a time: PGlite is single-user).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase, type DatabaseHandle } from '../db/index.ts'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Runs `derbes …args` with the environment given over this process's (DATABASE_URL emptied: PGlite). */
export function runDerbes(args: readonly string[], env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/derbes.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, DATABASE_URL: '', ...env },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** Opens the PGlite data directory, does `work`, and closes it again. */
export async function withDataDir<T>(dataDir: string, work: (db: DatabaseHandle['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir })
  try {
    return await work(database.db)
  } finally {
    await database.close()
  }
}
