import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'policies/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    // Most suites wait on a database or a child process, not the CPU: one worker more than cores keeps both busy
    // (vitest's default, cores − 1, is a single worker on a 2-core CI machine).
    maxWorkers: availableParallelism() + 1,
    // One module graph per worker, not per file: re-importing Fastify, PGlite and the app for each of ~200 files
    // cost ~580 s of a 25-minute CI run; with it shared the run takes ~10 minutes. Suites keep no state in
    // modules that another file could see (test databases are reset per open; clocks are per fixture).
    isolate: false,
    // Generous limits: a 2-core CI machine running three workers against PGlite and the server at once is slow,
    // and a limit is a hang detector here, never a speed check (speed lives in `npm run bench`).
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // CI prints every test, so its log shows the PostgreSQL suites ran ("… on 'postgres'").
    reporters: process.env.CI ? ['verbose'] : ['default'],
  },
})
