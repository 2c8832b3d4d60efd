import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeInBrowser, openBrowser, screenshot, seriousA11yViolations, startDerbes, type RunningDerbes } from './browser-kit.ts'
import { signInToPortal, ttcSubscriber, withPortal } from './portal-journey.ts'

describeInBrowser('the portal in a real browser (issue 6 §2)', () => {
  let derbes: RunningDerbes
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    derbes = await startDerbes()
    await derbes.publishVariant('ttc', '2026-portal', withPortal)
    browser = await openBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await derbes?.close()
  })

  it('opens in Kazakh for a Kazakh operator, with the notice, and switches to ru and en', async () => {
    page = await (await browser.newContext({ locale: 'en-US' })).newPage()
    await page.goto(`${derbes.url}/portal/ttc/`)
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('kk')
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Дербес деректерді өңдеу туралы')
    expect(await page.getByRole('link', { name: 'Саясатты оқу' }).getAttribute('href')).toBe('/notice/ttc/kk')
    await screenshot(page, 'portal', '01-notice-kk')
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Русский' }).click()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Об обработке персональных данных')
    await page.getByRole('button', { name: 'English' }).click()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('How your personal data is processed')
    await page.getByRole('button', { name: 'Қазақша' }).click()
  })

  it('TTC-9.4, TTC-9.2: a subscriber signs in with a code, sees the consequences, and withdraws marketing by SMS alone', async () => {
    const subject = await ttcSubscriber(derbes)
    await signInToPortal(page, derbes, 'ttc', subject)
    await screenshot(page, 'portal', '02-consents-kk')
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.getByRole('button', { name: /Кері қайтарып алу: .* \(sms\)/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Келісім бірден кері қайтарып алынады')
    await screenshot(page, 'portal', '03-withdrawal-consequences')
    expect(await seriousA11yViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Растаймын, кері қайтарып алу' }).click()
    await page.getByRole('status').filter({ hasText: 'Келісім кері қайтарып алынды.' }).waitFor()
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: /Келісім беру: .* \(sms\)/ }) })
    expect(await row.textContent()).toContain('кері қайтарып алынған')
    await screenshot(page, 'portal', '04-withdrawn')
    const state = await derbes.deps.db.selectFrom('consent_state').select(['purpose_id', 'channel', 'status']).where('subject_id', '=', subject.subjectId).execute()
    // Only SMS goes; marketing by e-mail, messenger and phone stays as given (TTC-9.4).
    expect(state.filter((s) => s.purpose_id === 'marketing').map((s) => `${s.channel}:${s.status}`).sort()).toEqual(['email:given', 'messenger:given', 'phone:given', 'sms:withdrawn'])
  })

  it('art. 24(1): the subject asks for information and sees the request with its due date; the data page lists what is held', async () => {
    await page.getByRole('link', { name: 'Менің өтініштерім' }).click()
    await page.getByLabel('Не сұрайсыз').selectOption('access')
    await page.getByRole('button', { name: 'Жіберу' }).click()
    const receipt = page.getByRole('status').filter({ hasText: 'Өтініш қабылданды' })
    await receipt.waitFor()
    expect(await receipt.textContent()).toMatch(/Жауап беру мерзімі: .*2026/)
    await page.getByRole('table').waitFor()
    await screenshot(page, 'portal', '05-requests')
    expect(await seriousA11yViolations(page)).toEqual([])
    const reference = (await page.getByRole('table').getByRole('link').first().textContent())!
    await page.getByRole('table').getByRole('link').first().click()
    await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor()
    expect(await page.getByRole('main').textContent()).toContain('Жауап беру мерзімі')
    await screenshot(page, 'portal', '06-request')
    await page.getByRole('link', { name: 'Менің деректерім' }).click()
    await page.getByRole('heading', { name: 'Сіз туралы сақталатын деректер' }).waitFor()
    await screenshot(page, 'portal', '07-data')
    expect(await seriousA11yViolations(page)).toEqual([])
  })

  it('a wrong code is refused with the problem shown, and signing out ends the session', async () => {
    await page.getByRole('button', { name: 'Шығу' }).click()
    await page.getByRole('link', { name: 'Кіру' }).first().waitFor()
    const subject = await ttcSubscriber(derbes)
    await page.goto(`${derbes.url}/portal/ttc/sign-in`)
    await page.locator('#identifier').fill(subject.phone)
    await page.locator('form button[type=submit]').click()
    await page.locator('#code').fill('000000')
    await page.locator('form button[type=submit]').click()
    await page.getByRole('alert').waitFor()
    await screenshot(page, 'portal', '08-wrong-code')
    expect(await page.evaluate(() => sessionStorage.getItem('derbes.portal.ttc'))).toBeNull()
  })
})
