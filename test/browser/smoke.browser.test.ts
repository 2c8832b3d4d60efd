import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { describeInBrowser, openBrowser, screenshot, startDerbes, type RunningDerbes } from './browser-kit.ts'

describeInBrowser('the app opens in a real browser (issue 6 §4)', () => {
  let derbes: RunningDerbes
  let browser: Browser
  beforeAll(async () => {
    derbes = await startDerbes()
    browser = await openBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await derbes?.close()
  })

  it('the console and the portal open without a script error', async () => {
    const page = await (await browser.newContext()).newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${derbes.url}/console/`)
    await page.locator('#root *').first().waitFor()
    await screenshot(page, 'smoke', 'console')
    await page.goto(`${derbes.url}/portal/ttc/`)
    await page.locator('#root *').first().waitFor()
    await screenshot(page, 'smoke', 'portal')
    expect(errors).toEqual([])
    await page.close()
  })
})
