import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { BANNER_SCRIPT, bannerConfig, servedBannerScript } from '../src/banner/index.ts'
import { loadPolicy } from '../src/policy/index.ts'

export interface BannerWeight {
  name: string
  files: string[]
  gzipBytes: number
  /** Derbes' own banner, held to the target; the others are the comparison. */
  ours: boolean
}

const require = createRequire(import.meta.url)
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`))
const gzipped = (paths: string[]) => gzipSync(Buffer.concat(paths.map((p) => readFileSync(p))), { level: 9 }).length

/**
 * Issue 6, Size: the banner's script and styles, minified and gzipped (level
 * 9, as one response would be), beside the same figure for two widely used
 * open-source banners installed from npm, measured in the same run.
 */
export function benchBannerSize(): BannerWeight[] {
  const cookieconsent = packageDir('vanilla-cookieconsent')
  const klaro = packageDir('klaro')
  const rows: Array<[string, string[]]> = [
    ['Derbes banner (script with its styles)', [BANNER_SCRIPT]],
    ['vanilla-cookieconsent (umd + css)', [join(cookieconsent, 'dist', 'cookieconsent.umd.js'), join(cookieconsent, 'dist', 'cookieconsent.css')]],
    ['klaro (klaro.js, styles built in)', [join(klaro, 'dist', 'klaro.js')]],
  ]
  const measured: BannerWeight[] = rows.map(([name, files], i) => ({ name, files, gzipBytes: gzipped(files), ours: i === 0 }))
  // What a visitor of TTC's site downloads: the same script with TTC's categories, vendors and kk/ru/en texts (src/banner/).
  const ttc = loadPolicy(readFileSync('policies/ttc.yaml', 'utf8'), 'policies/ttc.yaml')
  if (ttc.ok && ttc.document.cookies) {
    const served = servedBannerScript(readFileSync(BANNER_SCRIPT, 'utf8'), bannerConfig('ttc', ttc.document.version.id, ttc.document.cookies))
    measured.splice(1, 0, { name: "  as served for TTC (its categories, kk/ru/en)", files: ['policies/ttc.yaml'], gzipBytes: gzipSync(served, { level: 9 }).length, ours: true })
  }
  return measured
}

export function formatBannerSize(rows: BannerWeight[]): string {
  const ours = rows.filter((r) => r.ours)
  const kb = (b: number) => `${(b / 1024).toFixed(2)} KB`
  return [
    ...rows.map((r) => `${r.name.padEnd(46)} ${kb(r.gzipBytes).padStart(9)} gzipped${r.ours ? '' : `  (the Derbes script is ${(ours[0]!.gzipBytes / r.gzipBytes).toFixed(2)}× its size)`}`),
    `  target: at most 6 KB — ${ours.every((r) => r.gzipBytes <= 6 * 1024) ? 'met' : 'NOT met'}`,
  ].join('\n')
}
