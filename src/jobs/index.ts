export { runEvery, type JobLog } from './run-every.ts'
