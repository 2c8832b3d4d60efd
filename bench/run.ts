import { benchAuditVerify } from './audit-verify.ts'
import { benchConsentIngest } from './consent-ingest.ts'
import { benchDecisionBulk, formatBulkResult } from './decision-bulk.ts'
import { benchDecisionEngine } from './decision-engine.ts'
import { benchDecisionHttp } from './decision-http.ts'
import { benchBusinessDays } from './kz-business-days.ts'
import { formatResult } from './measure.ts'
import { benchPolicyCompile } from './policy-compile.ts'
import { benchFieldCipher } from './vault-crypto.ts'

// Benchmarks print ratios against a baseline measured in the same run, never absolute promises.
// With DATABASE_URL set, the storage benchmarks also run on that PostgreSQL server.
const out = (text: string) => process.stdout.write(`${text}\n`)
const databaseUrl = process.env.DATABASE_URL || undefined
out(`Derbes benchmarks — Node ${process.version}, ${new Date().toISOString()}${databaseUrl ? ', PostgreSQL at DATABASE_URL' : ', PGlite only'}\n`)

for (const result of benchPolicyCompile()) out(`${formatResult(result)}\n`)
out(`${formatResult(await benchBusinessDays())}\n`)
out(`${formatResult(await benchFieldCipher())}\n`)

const engine = await benchDecisionEngine()
out(`${formatResult(engine)}\n  target: at least 1,000,000 decisions/s on one core\n`)
const http = await benchDecisionHttp()
out(`${formatResult(http)}\n  requests/s ratio ${http.ratio.toFixed(2)} (target ≥ 0.6); p99 latency ${http.p99Ms} ms (bare route ${http.baselineP99Ms} ms)\n`)
out(formatBulkResult(await benchDecisionBulk()))

for (const url of [undefined, databaseUrl].filter((u, i) => i === 0 || u)) {
  const ingest = await benchConsentIngest(url ? { databaseUrl: url } : {})
  out(`${formatResult(ingest)}\n  ratio ${ingest.ratio.toFixed(2)} of the plain INSERT's speed (target ≥ 0.5)\n`)
}
for (const result of await benchAuditVerify(databaseUrl ? { databaseUrl } : {})) {
  out(`${formatResult(result)}\n  ratio ${result.ratio.toFixed(3)} of raw SHA-256's speed (target ≥ 0.5)\n`)
}
