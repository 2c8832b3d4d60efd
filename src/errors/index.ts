export { ERROR_CODES, type ErrorCode } from './error-codes.ts'
export { DerbesError, type FieldProblem } from './derbes-error.ts'
