import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeInBrowser, openBrowser, screenshot, seriousA11yViolations, startDerbes, type RunningDerbes } from './browser-kit.ts'

/**
 * A page of the operator's own site, on another origin than Derbes: an inline and a src analytics
 * script and an inline marketing script, all held until their category is granted.
 */
function samplePage(derbesUrl: string, lang: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>TTC</title>
<script>window.consentEvents = []; document.addEventListener('derbes:consent', (e) => window.consentEvents.push(e.detail))</script></head>
<body><main><h1>Transtelecom</h1><p>Қазақстан — Kazakh letters: ә ғ қ ң ө ұ ү һ і</p><p><a href="/about">…</a></p></main>
<script src="${derbesUrl}/banner/v1/ttc.js" async></script>
<script type="text/plain" data-derbes-category="analytics">window.analyticsRan = true</script>
<script type="text/plain" data-derbes-category="analytics" src="/analytics.js"></script>
<script type="text/plain" data-derbes-category="marketing">window.marketingRan = true</script>
</body></html>`
}

describeInBrowser('the consent banner on an operator page (issue 6 §3, TTC-5)', () => {
  let derbes: RunningDerbes
  let browser: Browser
  let site: Server
  let siteUrl: string
  beforeAll(async () => {
    derbes = await startDerbes()
    site = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      if (url.pathname === '/analytics.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end('window.analyticsSrcRan = true')
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(samplePage(derbes.url, url.searchParams.get('lang') ?? 'kk'))
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

  const visit = async (lang: string, options: BrowserContextOptions = {}, gpcInNavigator = false) => {
    const context = await browser.newContext(options)
    if (gpcInNavigator) await context.addInitScript(() => Object.defineProperty(navigator, 'globalPrivacyControl', { get: () => true }))
    const page = await context.newPage()
    await page.goto(`${siteUrl}/?lang=${lang}`)
    return { context, page }
  }
  /** The ledger's current choice for the browser's visitor id (the public endpoint the banner records through). */
  const recorded = async (page: Page) => {
    const id = await page.evaluate(() => JSON.parse(localStorage.getItem('derbes.banner.ttc') ?? 'null')?.visitorId as string | undefined)
    return id ? (await derbes.app.inject({ url: `/v1/operators/ttc/cookie-consents/${id}` })).json() : null
  }
  const ran = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>
      return { inline: w.analyticsRan === true, src: w.analyticsSrcRan === true, marketing: w.marketingRan === true }
    })
  const none = { inline: false, src: false, marketing: false }
  const published = async () => (await derbes.app.inject({ url: '/banner/v1/ttc.js' })).body.match(/"versionId":"([^"]+)"/)![1]
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '')

  it('TTC-5.7: asks in Kazakh with accept and reject of equal weight; Escape decides nothing; rejecting keeps every held script off and is recorded with the version shown', async () => {
    const { context, page } = await visit('kk')
    const banner = page.getByRole('dialog', { name: 'Cookie файлдары' })
    await banner.waitFor()
    await screenshot(page, 'banner', '01-first-visit-kk')
    expect(await seriousA11yViolations(page)).toEqual([])
    const accept = banner.getByRole('button', { name: 'Барлығын қабылдау' })
    const reject = banner.getByRole('button', { name: 'Барлығынан бас тарту' })
    const choose = banner.getByRole('button', { name: 'Таңдау' })
    // Equal prominence: the same element, size and colours for all three.
    const look = (b: typeof accept) =>
      b.evaluate((e) => {
        const s = getComputedStyle(e)
        const r = e.getBoundingClientRect()
        return [e.tagName, s.backgroundColor, s.color, s.fontSize, s.fontWeight, s.borderColor, Math.round(r.height), Math.round(r.width)]
      })
    expect(await look(reject)).toEqual(await look(accept))
    expect(await look(choose)).toEqual(await look(accept))
    // Vendors abroad are named before any choice (art. 16: cross-border transfer).
    await banner.getByText('Google Analytics (US)').waitFor()
    expect(await ran(page)).toEqual(none)

    // Escape neither accepts nor closes a banner that still waits for a first choice.
    await page.keyboard.press('Escape')
    expect(await banner.isVisible()).toBe(true)
    expect(await focused(page)).toBe('Барлығын қабылдау')
    expect(await recorded(page)).toBeNull()
    expect(await ran(page)).toEqual(none)

    await reject.click()
    await banner.waitFor({ state: 'detached' })
    await expect.poll(() => recorded(page)).toMatchObject({ gpc: false, language: 'kk', policyVersionId: await published(), choices: { necessary: true, functional: false, analytics: false, marketing: false } })
    expect(await ran(page)).toEqual(none)
    expect(await page.evaluate(() => (window as unknown as { consentEvents: unknown[] }).consentEvents)).toEqual([
      { choices: { functional: false, necessary: true, marketing: false, analytics: false }, gpc: false, versionId: await published() },
    ])
    await screenshot(page, 'banner', '02-rejected-kk')

    await page.reload()
    await page.getByRole('heading', { name: 'Transtelecom' }).waitFor()
    await expect.poll(() => page.evaluate(() => (window as unknown as { consentEvents: unknown[] }).consentEvents.length)).toBe(1)
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(await ran(page)).toEqual(none)
    await context.close()
  })

  it('keyboard only, in Russian: Tab reaches the buttons, Enter opens the categories, analytics chosen runs only the analytics scripts; a reload asks nothing; a new policy version asks again', async () => {
    const { context, page } = await visit('ru')
    const banner = page.getByRole('dialog', { name: 'Файлы cookie' })
    await banner.waitFor()
    // Focus starts on the banner's first button; Tab walks accept → reject → choose.
    expect(await focused(page)).toBe('Принять все')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Отклонить все')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Выбрать')
    await page.keyboard.press('Enter')
    const analytics = banner.getByRole('checkbox', { name: /Аналитические/ })
    await analytics.waitFor()
    await screenshot(page, 'banner', '03-choose-ru')
    expect(await seriousA11yViolations(page)).toEqual([])
    expect(await banner.getByRole('checkbox', { name: /Обязательные/ }).isDisabled()).toBe(true)
    expect(await banner.getByRole('checkbox', { name: /Обязательные/ }).isChecked()).toBe(true)
    // Focus moved into the categories (the first optional one); Tab on to analytics, Space ticks it.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('functional')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('analytics')
    await page.keyboard.press('Space')
    expect(await analytics.isChecked()).toBe(true)
    // Tab past the three buttons' first two to "Save my choice", then Enter.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Сохранить выбор')
    await page.keyboard.press('Enter')
    await expect.poll(() => ran(page)).toEqual({ inline: true, src: true, marketing: false })
    expect((await recorded(page)).choices).toEqual({ necessary: true, functional: false, analytics: true, marketing: false })
    await screenshot(page, 'banner', '04-analytics-running-ru')

    // The choice stands: no banner, the analytics scripts run again at once, and the site can read it.
    await page.reload()
    await expect.poll(() => ran(page)).toEqual({ inline: true, src: true, marketing: false })
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { derbes: { banner: { choices(): unknown } } }).derbes.banner.choices())).toMatchObject({ analytics: true, marketing: false })

    // TTC-5.3: changed at any time — reopened, the banner shows the standing choice; Escape closes it unchanged.
    await page.evaluate(() => (window as unknown as { derbes: { banner: { open(): void } } }).derbes.banner.open())
    await banner.getByRole('button', { name: 'Выбрать' }).click()
    expect(await analytics.isChecked()).toBe(true)
    await page.keyboard.press('Escape')
    await banner.waitFor({ state: 'detached' })
    expect((await recorded(page)).choices.analytics).toBe(true)

    await derbes.publishVariant('ttc', '2026-banner', (yaml) => yaml)
    // The script may be cached for five minutes (banner-routes.ts); the visitor comes back after that.
    await (await context.newCDPSession(page)).send('Network.clearBrowserCache')
    await page.reload()
    await page.getByRole('dialog', { name: 'Файлы cookie' }).waitFor()
    expect(await ran(page)).toEqual(none)
    expect(await page.evaluate(() => (window as unknown as { derbes: { banner: { choices(): unknown } } }).derbes.banner.choices())).toBeNull()
    await screenshot(page, 'banner', '05-new-version-asks-again-ru')
    await page.getByRole('button', { name: 'Принять все' }).click()
    await expect.poll(() => ran(page)).toEqual({ inline: true, src: true, marketing: true })
    expect(await recorded(page)).toMatchObject({ policyVersionId: '2026-banner', choices: { necessary: true, functional: true, analytics: true, marketing: true } })
    await context.close()
  })

  it('GPC: with navigator.globalPrivacyControl and Sec-GPC, nothing is asked, no optional script runs, the ledger says GPC; reopened, the banner explains and grants nothing', async () => {
    const { context, page } = await visit('en', { extraHTTPHeaders: { 'Sec-GPC': '1' } }, true)
    await expect.poll(() => recorded(page)).toMatchObject({ gpc: true, choices: { necessary: true, functional: false, analytics: false, marketing: false } })
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(await ran(page)).toEqual(none)
    await screenshot(page, 'banner', '06-gpc-no-banner')

    await page.evaluate(() => (window as unknown as { derbes: { banner: { open(): void } } }).derbes.banner.open())
    const banner = page.getByRole('dialog', { name: 'Cookies' })
    await banner.getByText(/Global Privacy Control signal, so every optional cookie is off/).waitFor()
    expect(await banner.getByRole('button', { name: 'Accept all' }).count()).toBe(0)
    expect(await seriousA11yViolations(page)).toEqual([])
    await screenshot(page, 'banner', '07-gpc-opened-en')
    await banner.getByRole('button', { name: 'Close' }).click()
    await banner.waitFor({ state: 'detached' })
    expect(await ran(page)).toEqual(none)
    await context.close()
  })

  it('GPC by the Sec-GPC header alone: "accept all" in the banner is recorded as GPC with every optional category off, and the page follows the ledger', async () => {
    const { context, page } = await visit('kk', { extraHTTPHeaders: { 'Sec-GPC': '1' } })
    const banner = page.getByRole('dialog', { name: 'Cookie файлдары' })
    await banner.getByRole('button', { name: 'Барлығын қабылдау' }).click()
    await expect.poll(() => recorded(page)).toMatchObject({ gpc: true, choices: { necessary: true, functional: false, analytics: false, marketing: false } })
    expect(await ran(page)).toEqual(none)
    await screenshot(page, 'banner', '08-sec-gpc-header-kk')
    await context.close()
  })
})
