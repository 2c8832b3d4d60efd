import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'policies/**/*.test.ts', 'test/**/*.test.ts'],
    // Most suites wait on a database or a child process, not the CPU: one worker more than cores keeps both busy
    // (vitest's default, cores − 1, is a single worker on a 2-core CI machine).
    maxWorkers: availableParallelism() + 1,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CI prints every test, so its log shows the PostgreSQL suites ran ("… on 'postgres'").
    reporters: process.env.CI ? ['verbose'] : ['default'],
  },
})
