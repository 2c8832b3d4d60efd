import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanReport } from '../report/scan-report.ts'
import { scanTarget } from '../scan-target.ts'
import { SAMPLE_CRM_KINDS, sampleCrm } from './sample-crm.ts'
import { createMysqlSample, createPostgresSample, type SampleDatabase } from './sample-databases.ts'

// Issue 7, "Done when": `derbes scan` finds the personal data in a sample PostgreSQL database and a sample
// MariaDB database the tests create — on the real servers of this machine and CI.
const servers = [
  { name: 'PostgreSQL', create: createPostgresSample },
  { name: 'MariaDB', create: createMysqlSample },
]

const kindsOf = (report: ScanReport) =>
  Object.fromEntries(report.tables.flatMap((t) => t.columns.map((c) => [`${t.name}.${c.name}`, c.kind])).filter(([, kind]) => kind !== undefined))

describe.each(servers)('discovery in a sample $name database', ({ create }) => {
  let database: SampleDatabase
  beforeAll(async () => {
    database = await create(sampleCrm(3000))
  }, 120_000)
  afterAll(async () => database?.drop())

  it('classifies every personal column of the sample CRM from a sample of rows, and no other column', async () => {
    const report = await scanTarget(database.url, { sampleSize: 500 })
    expect(report.source).toMatch(/postgres|mysql/)
    expect(kindsOf(report)).toEqual(Object.fromEntries(Object.entries(SAMPLE_CRM_KINDS)))
    const clients = report.tables.find((t) => t.name === 'clients')!
    // A sample spread over the table, not its whole: about 500 of 3,000 rows.
    expect(clients.rowsRead).toBeGreaterThan(300)
    expect(clients.rowsRead).toBeLessThanOrEqual(500)
  })

  it('never calls random 12-digit order numbers IINs, and finds phones written inside free-text notes', async () => {
    const report = await scanTarget(database.url, { mode: 'full' })
    const orders = report.tables.find((t) => t.name === 'orders')!
    expect(orders.rowsRead).toBe(6000)
    expect(orders.columns.find((c) => c.name === 'order_no')!.kind).toBeUndefined()
    const note = orders.columns.find((c) => c.name === 'note')!
    expect(note.kind).toBeUndefined()
    expect(note.mentions.find((m) => m.kind === 'phone')!.cells).toBeGreaterThan(100)
  })

  it('keeps no value in the report: only counts, kinds and masked examples', async () => {
    const report = await scanTarget(database.url, { sampleSize: 200 })
    const iin = report.tables.find((t) => t.name === 'clients')!.columns.find((c) => c.name === 'iin')!
    expect(iin.examples.length).toBeGreaterThan(0)
    for (const example of iin.examples) expect(example).toMatch(/^\*{10}\d{2}$/)
    const text = JSON.stringify(report)
    const [first] = sampleCrm(3000)[0]!.rows
    expect(text).not.toContain(String(first![1]))
    expect(text).not.toContain(String(first![4]))
  })
})
