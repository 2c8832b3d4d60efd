import { DecisionIndex } from '../src/consent/decisions/index.ts'
import type { DecisionRequest } from '../src/consent/decisions/index.ts'
import { migrateToLatest, openDatabase } from '../src/db/index.ts'
import { benchSubjectId, generateEspSubjects, seedEsp } from './decision-fixtures.ts'
import { compare, type BenchResult } from './measure.ts'

const SUBJECTS = 100_000
const BATCH = 1024

/** A mix of what an operator asks: SMS marketing, the loyalty programme abroad, delivery with its items, order messages. */
function requests(): DecisionRequest[] {
  const shapes: Omit<DecisionRequest, 'subjectId'>[] = [
    { purpose: 'advertising', channel: 'sms', items: ['phone'] },
    { purpose: 'loyalty', recipient: 'third-parties-ru' },
    { purpose: 'delivery-service', items: ['full-name', 'residence-address', 'phone'] },
    { purpose: 'order-notifications', channel: 'email' },
  ]
  let seed = 42
  const out: DecisionRequest[] = []
  for (let i = 0; i < BATCH; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    out.push({ subjectId: benchSubjectId(1 + (seed % SUBJECTS)), ...shapes[i % shapes.length]! })
  }
  return out
}

/**
 * In-process decisions from a warm projection (100,000 ESP subjects loaded
 * from PGlite into a DecisionIndex) against a plain `Map.get` over the same
 * keys, one core, in the same run. Target: ≥ 1,000,000 decisions/s.
 */
export async function benchDecisionEngine(): Promise<BenchResult & { ratio: number; allowedShare: number }> {
  const database = await openDatabase({ dataDir: 'memory://' })
  try {
    await migrateToLatest(database.db)
    await seedEsp(database.db)
    await generateEspSubjects(database.db, SUBJECTS)
    const index = new DecisionIndex(database.db, 'esp')
    await index.sync()
    if (index.size !== SUBJECTS) throw new Error(`the projection holds ${index.size} subjects, not ${SUBJECTS}`)
    const batch = requests()
    const keys = batch.map((r) => r.subjectId)
    // The baseline holds every subject too, so both walk a map of the same size.
    const plain = new Map<string, unknown>()
    for (let n = 1; n <= SUBJECTS; n++) plain.set(benchSubjectId(n), index.facts(benchSubjectId(n)))
    const nowMs = Date.now()
    let allowed = 0
    let sink = 0
    const subject = () => {
      for (let i = 0; i < BATCH; i++) {
        const request = batch[i]!
        if (index.decide(index.facts(request.subjectId), request, nowMs).allow) allowed++
      }
    }
    const baseline = () => {
      for (let i = 0; i < BATCH; i++) if (plain.get(keys[i]!) !== undefined) sink++
    }
    subject()
    const allowedShare = allowed / BATCH
    const measured = compare(subject, baseline)
    if (sink === 0) throw new Error('nothing was looked up')
    const opsPerSec = measured.opsPerSec * BATCH
    const baselineOpsPerSec = measured.baselineOpsPerSec * BATCH
    return {
      name: `decisions in process — warm projection of ${SUBJECTS.toLocaleString('en-US')} ESP subjects (${Math.round(allowedShare * 100)}% allowed)`,
      subject: 'DecisionIndex.facts + decide',
      baseline: `Map.get over the same keys (a Map of ${SUBJECTS.toLocaleString('en-US')})`,
      opsPerSec,
      baselineOpsPerSec,
      ratio: opsPerSec / baselineOpsPerSec,
      allowedShare,
    }
  } finally {
    await database.close()
  }
}
