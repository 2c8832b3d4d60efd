import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { WEB_APP_DIR } from '../src/web/index.ts'

interface ManifestChunk { file: string; imports?: string[]; css?: string[]; isEntry?: boolean; src?: string }

export interface PageWeight {
  page: string
  files: number
  jsGzipBytes: number
  cssGzipBytes: number
}

/**
 * Issue 6, Size: what a browser downloads to show a first page — the entry
 * chunk, the area's own chunk, and every chunk they import statically — each
 * file gzipped at level 9, the way a server would send it. Read from the Vite
 * manifest of the build in web/dist/app (`npm run build:web`).
 */
export function benchFirstPageWeight(directory = WEB_APP_DIR): PageWeight[] {
  const manifestPath = join(directory, '.vite', 'manifest.json')
  if (!existsSync(manifestPath)) throw new Error(`no build in ${directory}: run npm run build:web`)
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>
  const weigh = (page: string, area: string): PageWeight => {
    const seen = new Set<string>()
    const visit = (key: string) => {
      if (seen.has(key) || !manifest[key]) return
      seen.add(key)
      for (const next of manifest[key]!.imports ?? []) visit(next)
    }
    visit('index.html')
    visit(area)
    let js = 0
    let css = 0
    for (const key of seen) {
      const chunk = manifest[key]!
      js += gzipSync(readFileSync(join(directory, chunk.file)), { level: 9 }).length
      for (const sheet of chunk.css ?? []) css += gzipSync(readFileSync(join(directory, sheet)), { level: 9 }).length
    }
    return { page, files: seen.size, jsGzipBytes: js, cssGzipBytes: css }
  }
  return [weigh("portal's first page", 'portal/portal-app.tsx'), weigh("console's sign-in page", 'console/console-app.tsx')]
}

export function formatPageWeight(weights: PageWeight[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
  return weights
    .map((w) => `${w.page}: JavaScript ${kb(w.jsGzipBytes)} gzipped in ${w.files} files, CSS ${kb(w.cssGzipBytes)}${w.page.startsWith('portal') ? ` — target < 150 KB: ${w.jsGzipBytes < 150 * 1024 ? 'met' : 'NOT met'}` : ''}`)
    .join('\n')
}
