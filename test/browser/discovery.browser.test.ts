import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { PERMISSIONS } from '../../src/access/index.ts'
import { sampleCrm } from '../../src/discovery/databases/sample-crm.ts'
import { createPostgresSample, type SampleDatabase } from '../../src/discovery/databases/sample-databases.ts'
import { describeInBrowser, openBrowser, screenshot, seriousA11yViolations, startDerbes, type RunningDerbes } from './browser-kit.ts'
import { signInToConsole } from './console-kit.ts'

// Issue 6 §1 "connected systems" and issue 7 item 3: the responsible person scans a connected database from
// the console and accepts or rejects what discovery proposes; the sample CRM lives on the PostgreSQL server.
describeInBrowser('connected systems and discovery in the console', () => {
  let derbes: RunningDerbes
  let crm: SampleDatabase
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    derbes = await startDerbes()
    crm = await createPostgresSample(sampleCrm(300))
    const declared = await derbes.call(await derbes.token('esp', [...PERMISSIONS]), {
      method: 'POST',
      url: '/v1/operators/esp/systems',
      payload: {
        systemId: 'crm', name: 'CRM', kind: 'postgres', connection: { url: crm.url },
        tables: [{ name: 'clients', columns: [{ name: 'email', itemId: 'email', identifies: 'email', masking: { strategy: 'hash' } }] }],
      },
    })
    expect(declared.statusCode, declared.body).toBe(201)
    browser = await openBrowser()
    page = await (await browser.newContext({ locale: 'en-GB' })).newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await derbes?.close()
    await crm?.drop()
  })

  it('scans the CRM, maps the phone column it found, gets the IIN item to add to the policy, and rejects a finding with a reason', async () => {
    await signInToConsole(page, derbes.url, 'esp')
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('navigation').getByRole('link', { name: 'Systems' }).click()
    await page.getByRole('heading', { level: 2, name: 'CRM' }).waitFor()
    await page.getByRole('button', { name: 'Scan for personal data' }).click()
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/Scan finished: columns holding personal data — \d+/)
    const row = (column: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `crm: ${column}` }) })
    await row('clients.phone').waitFor()
    await screenshot(page, 'discovery', '01-proposals')
    expect(await seriousA11yViolations(page)).toEqual([])

    await row('clients.phone').getByRole('button', { name: 'Accept' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('The column is now in the data map.')
    await expect.poll(() => row('clients.phone').count()).toBe(0)

    await row('clients.iin').getByRole('button', { name: 'Accept' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('kind: iin')

    await row('devices.last_ip').getByRole('button', { name: 'Reject' }).click()
    const dialog = page.getByRole('dialog', { name: 'Reject the proposal' })
    await dialog.getByLabel('Reason (kept)').fill('addresses of our own office network')
    await screenshot(page, 'discovery', '02-reject')
    await dialog.getByRole('button', { name: 'Reject' }).click()
    await expect.poll(() => row('devices.last_ip').count()).toBe(0)

    const token = await derbes.token('esp', [...PERMISSIONS])
    const system = (await derbes.call(token, { method: 'GET', url: '/v1/operators/esp/systems/crm' })).json()
    expect(system.tables[0].columns).toContainEqual({ name: 'phone', itemId: 'phone', masking: { strategy: 'hash' } })
    const rejected = (await derbes.call(token, { method: 'GET', url: '/v1/operators/esp/discovery/proposals?status=rejected' })).json().proposals
    expect(rejected).toEqual([expect.objectContaining({ table: 'devices', column: 'last_ip', reason: 'addresses of our own office network' })])
  })
})
