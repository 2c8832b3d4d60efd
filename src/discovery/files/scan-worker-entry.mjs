// The file scan's worker thread starts here: Node 20 does not pass a `--import` loader on to worker threads,
// so the thread registers tsx itself, then runs the TypeScript worker the way the rest of Derbes runs.
import { register } from 'tsx/esm/api'

register()
await import('./scan-worker.ts')
