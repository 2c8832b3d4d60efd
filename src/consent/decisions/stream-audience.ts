import type { Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import { audiencePage, nextPageBound } from './audience-page.ts'
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

export interface AudienceStreamOptions {
  /** Subjects per keyset page. Default 10,000. */
  pageSize?: number
  /** Pages queried at once, ahead of the reader. Default 2: the database works on the next page while one is written out. */
  readAhead?: number
}

/**
 * The audience as NDJSON text, one keyset page of (default) 10,000 subjects
 * per chunk: `{"subjectId":"…"}` lines in subject order, then
 * `{"summary":{…}}`. A pull-based generator: it queries at most `readAhead`
 * pages beyond what the reader has taken, so memory stays at a few pages
 * whatever the audience's size, and a slow reader slows the queries down.
 * Each page is a short query of its own — no transaction or connection is
 * held between pages, so subjects change under a long stream page by page,
 * each appearing at most once. A stream that ends without the summary line
 * was cut off.
 *
 * @example
 * reply.send(Readable.from(streamAudience(db, plan), { objectMode: true, highWaterMark: 1 }))
 */
export async function* streamAudience(db: Kysely<Database>, plan: AudiencePlan, options: AudienceStreamOptions = {}): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? 10_000
  const readAhead = Math.max(1, options.readAhead ?? 2)
  const pages: Promise<string[]>[] = []
  let after: string | null = null
  // A purpose no requested kind may serve has no audience (art. 25(2)(1-1)).
  let planned = plan.kinds !== null && plan.kinds.length === 0
  let count = 0
  try {
    for (;;) {
      // Page bounds come one by one from the primary key (cheap); the pages themselves run side by side.
      while (!planned && pages.length < readAhead) {
        const upper: string | null = await nextPageBound(db, plan.operatorId, after, pageSize)
        pages.push(audiencePage(db, plan, after, upper))
        if (upper === null) planned = true
        else after = upper
      }
      const page = pages.shift()
      if (page === undefined) break
      const ids = await page
      if (ids.length === 0) continue
      let chunk = ''
      for (const id of ids) chunk += `{"subjectId":${JSON.stringify(id)}}\n`
      count += ids.length
      yield chunk
    }
  } finally {
    // A reader that stops early (a client gone) leaves the pages read ahead to finish quietly.
    for (const page of pages) page.catch(() => undefined)
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
