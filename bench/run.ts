import { benchBusinessDays } from './kz-business-days.ts'
import { formatResult } from './measure.ts'
import { benchPolicyCompile } from './policy-compile.ts'

// Benchmarks print ratios against a baseline measured in the same run, never absolute promises.
process.stdout.write(`Derbes benchmarks — Node ${process.version}, ${new Date().toISOString()}\n\n`)
for (const result of benchPolicyCompile()) process.stdout.write(`${formatResult(result)}\n\n`)
process.stdout.write(`${formatResult(await benchBusinessDays())}\n`)
