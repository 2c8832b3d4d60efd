export { buildApp, type AppOptions } from './build-app.ts'
export { toProblem, problemType, type ProblemDetails } from './problem-details.ts'
