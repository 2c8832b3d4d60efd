import { benchAccessRequest, formatAccessResult } from './access-request.ts'
import { benchAuditVerify } from './audit-verify.ts'
import { benchBannerSize, formatBannerSize } from './banner-size.ts'
import { benchRetentionShred, formatShredResult } from './retention-shred.ts'
import { benchRetentionSweep, formatRetentionSweep } from './retention-sweep.ts'
import { benchConsentIngest, formatIngestResult } from './consent-ingest.ts'
import { benchDecisionBulk, formatBulkResult } from './decision-bulk.ts'
import { benchDecisionEngine } from './decision-engine.ts'
import { benchDecisionHttp } from './decision-http.ts'
import { benchDiscoveryAccuracy, formatDiscoveryAccuracy } from './discovery-accuracy.ts'
import { benchDiscoveryDatabases, benchDiscoveryFiles, formatDiscoveryDatabases, formatDiscoveryFiles } from './discovery-speed.ts'
import { benchBusinessDays } from './kz-business-days.ts'
import { formatResult } from './measure.ts'
import { benchPolicyCompile } from './policy-compile.ts'
import { benchFirstPageWeight, formatPageWeight } from './portal-size.ts'
import { benchFieldCipher } from './vault-crypto.ts'

// Benchmarks print ratios against a baseline measured in the same run, never absolute promises.
// With DATABASE_URL set, the storage benchmarks also run on that PostgreSQL server.
// Names as arguments run only those: `npm run bench -- audit ingest`.
const BENCHMARKS = ['policy', 'calendar', 'cipher', 'engine', 'http', 'bulk', 'ingest', 'audit', 'access', 'shred', 'retention', 'web', 'discovery', 'accuracy'] as const
const asked = process.argv.slice(2)
const unknown = asked.filter((name) => !(BENCHMARKS as readonly string[]).includes(name))
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.join(', ')}\n`)
  process.exit(2)
}
const wanted = (name: (typeof BENCHMARKS)[number]) => asked.length === 0 || asked.includes(name)
const out = (text: string) => process.stdout.write(`${text}\n`)
const databaseUrl = process.env.DATABASE_URL || undefined
const databases = [undefined, ...(databaseUrl ? [databaseUrl] : [])]
out(`Derbes benchmarks — Node ${process.version}, ${new Date().toISOString()}${databaseUrl ? ', PostgreSQL at DATABASE_URL' : ', PGlite only'}\n`)

if (wanted('policy')) for (const result of benchPolicyCompile()) out(`${formatResult(result)}\n`)
if (wanted('calendar')) out(`${formatResult(await benchBusinessDays())}\n`)
if (wanted('cipher')) out(`${formatResult(await benchFieldCipher())}\n`)

if (wanted('engine')) {
  const engine = await benchDecisionEngine()
  out(`${formatResult(engine)}\n  target: at least 1,000,000 decisions/s on one core\n`)
}
if (wanted('http')) {
  const http = await benchDecisionHttp()
  out(`${formatResult(http)}\n  requests/s ratio ${http.ratio.toFixed(2)} (target ≥ 0.6); p99 latency ${http.p99Ms} ms (bare route ${http.baselineP99Ms} ms)\n`)
}
if (wanted('bulk')) out(formatBulkResult(await benchDecisionBulk()))

if (wanted('ingest')) {
  for (const url of databases) {
    const ingest = await benchConsentIngest(url ? { databaseUrl: url } : {})
    out(formatIngestResult(ingest, formatResult))
  }
}
if (wanted('audit')) {
  for (const url of databases) {
    for (const result of await benchAuditVerify(url ? { databaseUrl: url } : {})) {
      out(`${formatResult(result)}\n  ratio ${result.ratio.toFixed(3)} of the baseline's speed — ${result.meaning}${result.target ? ' (target ≥ 0.5)' : ''}\n`)
    }
  }
}
// Derbes on the PostgreSQL server when DATABASE_URL is set, else PGlite; the systems on the local PostgreSQL and MariaDB.
if (wanted('access')) out(`${formatAccessResult(await benchAccessRequest(databaseUrl ? { databaseUrl } : {}))}\n`)
// Issue 5, Speed: crypto-shredding ≥ 10,000 subjects/s on PostgreSQL (100,000 subjects; 20,000 on PGlite).
if (wanted('shred')) for (const url of databases) out(formatShredResult(await benchRetentionShred(url ? { databaseUrl: url } : {})))
// The retention sweep: 1,000,000 subjects on PostgreSQL (DATABASE_URL), 100,000 on PGlite.
if (wanted('retention')) for (const url of databases) out(`${formatRetentionSweep(await benchRetentionSweep(url ? { databaseUrl: url } : {}), formatResult)}\n`)
// Issue 6, Size: the portal's first page under 150 KB of gzipped JavaScript; the banner at most 6 KB, beside two npm banners.
if (wanted('web')) out(`${formatPageWeight(benchFirstPageWeight())}\n${formatBannerSize(benchBannerSize())}\n`)
// Issue 7, Speed: files per core with and without names, beside read + decode; database cells classified per core.
if (wanted('discovery')) {
  // The end-to-end scan needs a PostgreSQL server to create the sample CRM in: DATABASE_URL, or the local one.
  out(`${formatDiscoveryDatabases(await benchDiscoveryDatabases({ databaseUrl: databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/test' }))}\n`)
  out(`${formatDiscoveryFiles(await benchDiscoveryFiles())}\n`)
}
// Issue 7, accuracy: precision, recall, F1 and F2 per detector on the project's labelled set; column classification.
if (wanted('accuracy')) out(`${formatDiscoveryAccuracy(benchDiscoveryAccuracy())}\n`)
