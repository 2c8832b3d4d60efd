import type { Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import { audiencePage } from './audience-page.ts'
import type { AudiencePlan } from './audience-plan.ts'

export interface AudienceSummary {
  purpose: string
  channel: string | null
  country: string | null
  count: number
  policyVersion: string
  decidedAt: string
  complete: true
}

/**
 * The audience as NDJSON text, one page (default 10,000 subjects) per chunk:
 * `{"subjectId":"…"}` lines, then `{"summary":{…}}`. It is a pull-based
 * generator: the next page is queried only when the reader has taken the
 * last one, so memory stays at one page whatever the audience's size. A
 * stream that ends without the summary line was cut off.
 *
 * @example
 * reply.send(Readable.from(streamAudience(db, plan), { objectMode: true, highWaterMark: 1 }))
 */
export async function* streamAudience(db: Kysely<Database>, plan: AudiencePlan, pageSize = 10_000): AsyncGenerator<string> {
  let after: string | null = null
  let count = 0
  for (;;) {
    const ids = await audiencePage(db, plan, after, pageSize)
    if (ids.length > 0) {
      let chunk = ''
      for (const id of ids) chunk += `{"subjectId":${JSON.stringify(id)}}\n`
      count += ids.length
      after = ids[ids.length - 1]!
      yield chunk
    }
    if (ids.length < pageSize) break
  }
  const summary: AudienceSummary = {
    purpose: plan.purposeId,
    channel: plan.channel === '' ? null : plan.channel,
    country: plan.country,
    count,
    policyVersion: plan.policyVersion,
    decidedAt: plan.now.toISOString(),
    complete: true,
  }
  yield `${JSON.stringify({ summary })}\n`
}
