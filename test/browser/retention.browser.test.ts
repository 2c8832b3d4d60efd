import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { PERMISSIONS } from '../../src/access/index.ts'
import { scanMinors } from '../../src/retention/minors/index.ts'
import { registerSubject } from '../../src/subjects/index.ts'
import { describeInBrowser, openBrowser, screenshot, seriousA11yViolations, startDerbes, type RunningDerbes } from './browser-kit.ts'
import { signInToConsole } from './console-kit.ts'

// Issue 5 §3, issue 6 §1: a real retention run destroys a subscriber under TTC's minimum age (TTC-10.4) and makes
// a destruction act; the responsible person signs it in the console, over the content hash shown.
describeInBrowser('a destruction act signed in the console', () => {
  let derbes: RunningDerbes
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    derbes = await startDerbes()
    await registerSubject(derbes.deps, { operatorId: 'ttc', kind: 'subscriber', birthDate: '2013-02-03' }, 'staff:test')
    await scanMinors(derbes.deps, 'ttc', 'staff:test')
    const run = await derbes.call(await derbes.token('ttc', [...PERMISSIONS]), { method: 'POST', url: '/v1/operators/ttc/retention/runs', payload: { dryRun: false } })
    expect(run.json().actId, run.body).toEqual(expect.any(String))
    browser = await openBrowser()
    page = await (await browser.newContext({ locale: 'ru-RU' })).newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await derbes?.close()
  })

  it('TTC-10.4: the act of the run is listed unsigned, signed after a look at its hash, in Russian', async () => {
    await signInToConsole(page, derbes.url, 'ttc')
    await page.getByRole('button', { name: 'Русский' }).click()
    await page.getByRole('navigation').getByRole('link', { name: 'Сроки хранения' }).click()
    await page.getByRole('heading', { name: 'Акты уничтожения' }).waitFor()
    expect(await page.getByTestId('act-1-signed').textContent()).toBe('не подписан')
    await page.getByRole('button', { name: 'Подписать № 1' }).click()
    const dialog = page.getByRole('dialog', { name: 'Подписать акт уничтожения № 1' })
    expect(await dialog.textContent()).toMatch(/[0-9a-f]{64}/)
    await screenshot(page, 'retention', '01-sign-act-ru')
    // An EDS that does not verify is refused with its reason, and the act stays unsigned (issue 5 §3).
    await dialog.getByLabel(/Подпись ЭЦП/).setInputFiles({ name: 'act.p7s', mimeType: 'application/pkcs7-signature', buffer: Buffer.from([0x30, 0x82, 0x01, 0x00, 0x06, 0x09, 0x2a]) })
    await dialog.getByRole('button', { name: 'Подписать' }).click()
    await dialog.getByRole('alert').waitFor()
    expect(await dialog.textContent()).toMatch(/EDS|ЭЦП|CMS|signature/i)
    // Said once, in the dialog, not again behind it.
    expect(await page.getByRole('alert').count()).toBe(1)
    expect(await page.getByTestId('act-1-signed').textContent()).toBe('не подписан')
    await dialog.getByLabel(/Подпись ЭЦП/).setInputFiles([])
    await dialog.getByRole('button', { name: 'Подписать' }).click()
    await expect.poll(() => page.getByTestId('act-1-signed').textContent()).toMatch(/staff:/)
    expect(await seriousA11yViolations(page)).toEqual([])
    const acts = (await derbes.call(await derbes.token('ttc', [...PERMISSIONS]), { method: 'GET', url: '/v1/operators/ttc/retention/acts' })).json().acts
    expect(acts[0]).toMatchObject({ number: 1, signedBy: expect.stringMatching(/^staff:/) })
  })
})
