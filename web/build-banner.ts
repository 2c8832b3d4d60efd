// Builds the consent banner (web/banner/) into one minified script: web/dist/banner/banner.js.
import { build } from 'esbuild'

await build({
  entryPoints: [new URL('./banner/banner.ts', import.meta.url).pathname],
  outfile: new URL('./dist/banner/banner.js', import.meta.url).pathname,
  bundle: true,
  minify: true,
  format: 'iife',
  // A name inside the function the server wraps it in (src/banner/), not a global of the operator's page.
  globalName: '__derbesBanner',
  target: ['es2019'],
  legalComments: 'none',
})
