export { buildApp, type AppOptions } from './build-app.ts'
export { toProblem, problemType, type ProblemDetails } from './problem-details.ts'
export { buildTestApp } from './build-test-app.ts'
export type { AppDeps } from './app-deps.ts'
