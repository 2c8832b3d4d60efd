import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sampleCrm, sampleIin, samplePhone, seededRandom } from '../databases/sample-crm.ts'
import { sampleLetters } from './sample-text.ts'
import { readChunks } from './read-chunks.ts'
import { scanFiles } from './scan-files.ts'

const directory = () => mkdtempSync(join(tmpdir(), 'derbes-discovery-'))
const csvCell = (v: unknown) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v))

/** The sample CRM's clients as a CSV export, the way operators hand files around. */
function clientsCsv(dir: string): string {
  const [clients] = sampleCrm(400)
  const path = join(dir, 'clients.csv')
  writeFileSync(path, [clients!.columns.map(([c]) => c).join(','), ...clients!.rows.map((r) => r.map(csvCell).join(','))].join('\n'))
  return path
}

/** Text in kk, ru and en with known numbers of IINs and phones among ordinary lines. */
function letters(path: string, lines: number): { iins: number; phones: number } {
  const { text, counts } = sampleLetters(lines)
  writeFileSync(path, text)
  return { iins: counts.iin, phones: counts.phone }
}

describe('scanning files', () => {
  it("classifies a CSV export's columns from its rows and counts what its text holds", async () => {
    const dir = directory()
    const path = clientsCsv(dir)
    const [finding] = await scanFiles(path, { mode: 'sample', sampleSize: 200, names: true, workers: 0 })
    expect(finding!.format).toBe('csv')
    const kinds = Object.fromEntries(finding!.columns.filter((c) => c.kind).map((c) => [c.name, c.kind]))
    expect(kinds).toEqual({ iin: 'iin', fio: 'person_name', phone: 'phone', email: 'email', birth_date: 'birth_date', address: 'address' })
    expect(finding!.columns.find((c) => c.name === 'iin')!.sampled).toBe(200)
    expect(finding!.kinds.find((k) => k.kind === 'iin')!.count).toBe(400)
  })

  it('reads NDJSON records with nested fields, and skips binary files in a directory', async () => {
    const dir = directory()
    const random = seededRandom(11)
    const events = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: i, user: { phone: samplePhone(random), iin: sampleIin(random) }, tags: ['web'] }))
    writeFileSync(join(dir, 'events.ndjson'), events.join('\n'))
    writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10, 0x4a, 0x46]))
    const findings = await scanFiles(dir, { mode: 'sample', sampleSize: 1000, names: false, workers: 0 })
    expect(findings.map((f) => f.path)).toEqual([join(dir, 'events.ndjson')])
    const kinds = Object.fromEntries(findings[0]!.columns.filter((c) => c.kind).map((c) => [c.name, c.kind]))
    expect(kinds).toEqual({ 'user.phone': 'phone', 'user.iin': 'iin' })
  })

  it('cuts a large file at line breaks only: the chunks put together are the file', async () => {
    const path = join(directory(), 'letters.txt')
    letters(path, 20_000)
    const chunks: Buffer[] = []
    for await (const chunk of readChunks(path, 64 << 10)) {
      expect(chunk[chunk.length - 1]).toBe(0x0a)
      chunks.push(Buffer.from(chunk))
    }
    expect(chunks.length).toBeGreaterThan(10)
    expect(Buffer.concat(chunks).equals(readFileSync(path))).toBe(true)
  })

  it('finds the same in worker threads as in one thread, every IIN and phone of a file larger than a chunk', async () => {
    const path = join(directory(), 'letters.txt')
    const expected = letters(path, 120_000)
    const inline = await scanFiles(path, { mode: 'sample', sampleSize: 10, names: false, workers: 0 })
    const progress: number[] = []
    const threaded = await scanFiles(path, { mode: 'sample', sampleSize: 10, names: false, workers: 2, onProgress: (done) => progress.push(done) })
    const count = (f: typeof inline, kind: string) => f[0]!.kinds.find((k) => k.kind === kind)?.count
    expect(count(inline, 'iin')).toBe(expected.iins)
    expect(count(inline, 'phone')).toBe(expected.phones)
    expect(threaded[0]!.kinds.map((k) => [k.kind, k.count])).toEqual(inline[0]!.kinds.map((k) => [k.kind, k.count]))
    expect(progress.length).toBeGreaterThan(1)
    expect(progress.at(-1)).toBe(threaded[0]!.bytes)
  }, 60_000)
})
