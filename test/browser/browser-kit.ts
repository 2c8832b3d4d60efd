// The kit of the browser journeys (issue 6 §4): a real Derbes listening on a loopback port with the
// seed operators, Debian's Chromium driven by playwright-core, screenshots of every step, and axe-core.
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import { chromium, type Browser, type Page } from 'playwright-core'
import { describe } from 'vitest'
import { ensureDemoAccess } from '../../src/access/index.ts'
import { TEST_DATABASES } from '../../src/db/test-databases.ts'
import { openPortalFixture, type PortalFixture } from '../../src/portal/portal-test-kit.ts'
import { WEB_APP_DIR } from '../../src/web/index.ts'

/** Debian's Chromium (`.ci/run` installs it with apt); DERBES_CHROMIUM points elsewhere. */
export const CHROMIUM_PATH = process.env.DERBES_CHROMIUM ?? '/usr/bin/chromium'

/**
 * Journeys need a browser. Without one they are skipped on a developer's machine,
 * never in CI (`CI` set): there a missing browser is a failure, so a green run
 * always means the journeys ran.
 */
export const describeInBrowser = describe.skipIf(!existsSync(CHROMIUM_PATH) && !process.env.CI)

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots')

/** The demo staff account every seed operator gets (README). */
export const DEMO_STAFF = { login: 'admin', password: 'derbes-demo' } as const

export interface RunningDerbes extends PortalFixture {
  /** http://127.0.0.1:<port> */
  url: string
}

/**
 * Derbes with the five seed operators and their demo administrators, listening
 * on a free loopback port. The clock is the fixture's (settable), the database
 * the first test database (PGlite).
 */
export async function startDerbes(start?: string): Promise<RunningDerbes> {
  if (!existsSync(join(WEB_APP_DIR, 'index.html'))) throw new Error(`the web app is not built in ${WEB_APP_DIR}: run npm run build:web`)
  const fx = await openPortalFixture(TEST_DATABASES[0]!, start)
  for (const operatorId of ['ttc', 'tw', 'esp', 'kzk', 'ps']) await ensureDemoAccess({ db: fx.deps.db, clock: fx.deps.clock }, operatorId)
  const url = await fx.app.listen({ host: '127.0.0.1', port: 0 })
  return { ...fx, url }
}

/** Headless Chromium with the flags this closed network needs (no background connections). */
export async function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** Saves `test-results/screenshots/<journey>/<step>.png`: the run keeps a picture of every step. */
export async function screenshot(page: Page, journey: string, step: string): Promise<string> {
  const dir = join(SCREENSHOT_DIR, journey)
  await mkdir(dir, { recursive: true })
  const path = join(dir, `${step}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/**
 * Axe-core's findings of impact serious or critical on the page as it is now,
 * as readable lines (empty when there are none): `expect(await seriousA11yViolations(page)).toEqual([])`.
 * The page must come from `browser.newContext()`, not `browser.newPage()` (axe opens frames in its context).
 */
export async function seriousA11yViolations(page: Page, options: { include?: string } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  if (options.include) builder = builder.include(options.include)
  const result = await builder.analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}
