import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * The console (staff) and the portal (subjects): one React app (DESIGN.md,
 * Interfaces), served by Derbes under /console/ and /portal/, its files under
 * /ui/. Each area is its own lazy chunk, so a subject's first page never loads
 * the console.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./app/', import.meta.url)),
  base: '/ui/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/app/', import.meta.url)),
    emptyOutDir: true,
    // The bench reads sizes from the manifest (issue 6: the portal's first page under 150 KB gzipped).
    manifest: true,
  },
  server: {
    proxy: { '/v1': 'http://127.0.0.1:3000', '/notice': 'http://127.0.0.1:3000' },
  },
})
