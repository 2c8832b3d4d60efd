import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { PERMISSIONS } from '../../src/access/index.ts'
import { describeInBrowser, openBrowser, screenshot, seriousA11yViolations, startDerbes, type RunningDerbes } from './browser-kit.ts'
import { signInToConsole } from './console-kit.ts'

// Issue 6 §1 "incidents", issue 5 §6, art. 25(2)(8): the responsible person opens a breach from the register,
// sees its one-working-day deadline, adds a measure, contains it and records the notice to the authorised body.
describeInBrowser('an incident in the console', () => {
  let derbes: RunningDerbes
  let browser: Browser
  let page: Page
  let reference: string
  beforeAll(async () => {
    derbes = await startDerbes()
    const registered = await derbes.call(await derbes.token('kzk', [...PERMISSIONS]), {
      method: 'POST',
      url: '/v1/operators/kzk/incidents',
      payload: { kind: 'unauthorised_access', description: 'A journal export left on a shared drive', reportedBy: 'IT department' },
    })
    expect(registered.statusCode, registered.body).toBe(201)
    reference = registered.json().reference
    browser = await openBrowser()
    page = await (await browser.newContext({ locale: 'kk-KZ' })).newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await derbes?.close()
  })

  it('art. 25(2)(8): opens the incident, adds a measure, contains it and records the authority notice, in Kazakh', async () => {
    await signInToConsole(page, derbes.url, 'kzk')
    await page.getByRole('button', { name: 'Қазақша' }).click()
    await page.getByRole('navigation').getByRole('link', { name: 'Инциденттер' }).click()
    await page.getByRole('link', { name: reference }).click()
    await page.getByRole('heading', { level: 1, name: reference }).waitFor()
    expect(await page.getByRole('main').textContent()).toContain('жұмыс күні қалды')
    expect(await seriousA11yViolations(page)).toEqual([])

    await page.getByLabel('Шара қосу').fill('Файл жойылды, қолжетімділік жабылды')
    await page.getByRole('button', { name: 'Шара қосу' }).click()
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Файл жойылды, қолжетімділік жабылды')

    await page.getByRole('button', { name: 'шектелді' }).click()
    await expect.poll(() => page.getByTestId('incident-status').textContent()).toBe('шектелді')
    // Recording the notice sent stops the clock and moves the incident to "notified".
    await page.getByLabel('Тіркеу нөмірі').fill('ЖТ-2026-0042')
    await page.getByRole('button', { name: 'Жіберілгенін тіркеу' }).click()
    await expect.poll(() => page.getByRole('main').textContent()).toContain('ЖТ-2026-0042')
    await expect.poll(() => page.getByTestId('incident-status').textContent()).toBe('хабарланды')
    await screenshot(page, 'incident', '01-incident-kk')
    expect(await page.getByRole('listitem').filter({ hasText: 'орган хабардар етілді' }).count()).toBe(1)
    expect(await page.getByRole('main').textContent()).toContain('рұқсатсыз қол жеткізу')
  })
})
