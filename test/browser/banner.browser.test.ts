import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeInBrowser, openBrowser, screenshot, seriousA11yViolations, startDerbes, type RunningDerbes } from './browser-kit.ts'

/** A page of the operator's own site, on another origin than Derbes, with an analytics script held until consent. */
function samplePage(derbesUrl: string, lang: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>TTC</title></head>
<body><main><h1>Transtelecom</h1><p>…</p></main>
<script type="text/plain" data-derbes-category="analytics">window.analyticsRan = true</script>
<script src="${derbesUrl}/banner/v1/ttc.js" async></script></body></html>`
}

describeInBrowser('the consent banner on an operator page (issue 6 §3, TTC-5)', () => {
  let derbes: RunningDerbes
  let browser: Browser
  let site: Server
  let siteUrl: string
  beforeAll(async () => {
    derbes = await startDerbes()
    site = createServer((req, res) => {
      const lang = new URL(req.url ?? '/', 'http://x').searchParams.get('lang') ?? 'kk'
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(samplePage(derbes.url, lang))
    })
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
    browser = await openBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    site?.close()
    await derbes?.close()
  })

  const choices = async (visitorId: string) => (await derbes.app.inject({ url: `/v1/operators/ttc/cookie-consents/${visitorId}` })).json()
  const visitor = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('derbes.banner.ttc') ?? 'null')?.visitorId as string | undefined)
  const ran = (page: Page) => page.evaluate(() => (window as unknown as { analyticsRan?: boolean }).analyticsRan === true)

  it('TTC-5.7: asks in Kazakh with accept and reject of equal weight; rejecting keeps analytics off and is recorded with the version shown', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteUrl}/?lang=kk`)
    const banner = page.getByRole('dialog', { name: 'Cookie файлдары' })
    await banner.waitFor()
    await screenshot(page, 'banner', '01-first-visit-kk')
    expect(await seriousA11yViolations(page)).toEqual([])
    const accept = banner.getByRole('button', { name: 'Барлығын қабылдау' })
    const reject = banner.getByRole('button', { name: 'Барлығынан бас тарту' })
    // Equal prominence: the same element, size and colours.
    const look = (b: typeof accept) => b.evaluate((e) => { const s = getComputedStyle(e); const r = e.getBoundingClientRect(); return [e.tagName, s.backgroundColor, s.color, s.fontSize, Math.round(r.height)] })
    expect(await look(reject)).toEqual(await look(accept))
    expect(await ran(page)).toBe(false)
    await reject.click()
    await banner.waitFor({ state: 'detached' })
    expect(await ran(page)).toBe(false)
    const recorded = await choices((await visitor(page))!)
    expect(recorded).toMatchObject({ gpc: false, language: 'kk', choices: { necessary: true, functional: false, analytics: false, marketing: false } })
    await page.reload()
    await page.waitForTimeout(300)
    expect(await page.getByRole('dialog').count()).toBe(0)
    await context.close()
  })

  it('choosing analytics by keyboard alone runs the held script; a new policy version asks again', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteUrl}/?lang=ru`)
    const banner = page.getByRole('dialog', { name: 'Файлы cookie' })
    await banner.waitFor()
    // Focus starts in the banner; Tab reaches "Choose", Enter opens the categories.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await banner.getByRole('checkbox', { name: /Аналитические/ }).waitFor()
    await screenshot(page, 'banner', '02-choose-ru')
    expect(await seriousA11yViolations(page)).toEqual([])
    expect(await banner.getByRole('checkbox', { name: /Обязательные/ }).isDisabled()).toBe(true)
    await banner.getByRole('checkbox', { name: /Аналитические/ }).focus()
    await page.keyboard.press('Space')
    await banner.getByRole('button', { name: 'Сохранить выбор' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => ran(page)).toBe(true)
    const id = (await visitor(page))!
    await expect.poll(async () => (await choices(id)).choices).toEqual({ necessary: true, functional: false, analytics: true, marketing: false })
    await screenshot(page, 'banner', '03-analytics-running')

    await derbes.publishVariant('ttc', '2026-banner', (yaml) => yaml)
    // The script may be cached for five minutes (banner-routes.ts); the visitor comes back after that.
    await (await context.newCDPSession(page)).send('Network.clearBrowserCache')
    await page.reload()
    await page.getByRole('dialog', { name: 'Файлы cookie' }).waitFor()
    expect(await ran(page)).toBe(false)
    await screenshot(page, 'banner', '04-new-version-asks-again')
    await context.close()
  })

  it('GPC: with Global Privacy Control on, no optional category runs, nothing is asked, and the ledger says GPC', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'Sec-GPC': '1' } })
    await context.addInitScript(() => Object.defineProperty(navigator, 'globalPrivacyControl', { get: () => true }))
    const page = await context.newPage()
    await page.goto(`${siteUrl}/?lang=en`)
    await expect.poll(() => visitor(page)).toBeTruthy()
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(await ran(page)).toBe(false)
    const id = (await visitor(page))!
    await expect.poll(async () => (await choices(id)).gpc).toBe(true)
    expect((await choices(id)).choices).toEqual({ necessary: true, functional: false, analytics: false, marketing: false })
    await screenshot(page, 'banner', '05-gpc-no-banner')
    // The visitor may still open the banner on purpose (TTC-5.3: changeable at any time).
    await page.evaluate(() => (window as unknown as { derbes: { banner: { open(): void } } }).derbes.banner.open())
    await page.getByRole('dialog', { name: 'Cookies' }).waitFor()
    await screenshot(page, 'banner', '06-gpc-opened-en')
    await context.close()
  })
})
