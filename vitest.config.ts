import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'policies/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CI prints every test, so its log shows the PostgreSQL suites ran ("… on 'postgres'").
    reporters: process.env.CI ? ['verbose'] : ['default'],
  },
})
