import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as OTPAuth from 'otpauth'
import { PERMISSIONS } from '../../src/access/index.ts'
import { phone } from '../../src/portal/portal-test-kit.ts'
import { describeInBrowser, openBrowser, screenshot, seriousA11yViolations, startDerbes, type RunningDerbes } from './browser-kit.ts'
import { signInToConsole } from './console-kit.ts'
import { signInToPortal, ttcSubscriber, withPortal } from './portal-journey.ts'

describeInBrowser('the console in a real browser (issue 6 §1, §4)', () => {
  let derbes: RunningDerbes
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    derbes = await startDerbes()
    await derbes.publishVariant('ttc', '2026-portal', withPortal)
    browser = await openBrowser()
    page = await (await browser.newContext({ locale: 'ru-RU' })).newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await derbes?.close()
  })

  it('TW-9.1: the demo administrator signs in, sees an overdue request on the dashboard, and answers an access request', async () => {
    const value = phone(7001)
    const subjectId = await derbes.subject('tw', { kind: 'user', identifiers: [{ kind: 'phone', value }] })
    const token = await derbes.signIn('tw', subjectId, value)
    const submitted = await derbes.asSubject(token, { method: 'POST', url: '/v1/operators/tw/portal/requests', payload: { kind: 'access', language: 'ru' } })
    expect(submitted.statusCode, submitted.body).toBe(201)
    const reference = submitted.json().reference as string
    derbes.setNow('2027-01-20T10:00:00+05:00') // 15 days (TW-9.1) have long passed

    await signInToConsole(page, derbes.url, 'tw')
    await page.getByRole('button', { name: 'Русский' }).click()
    await page.getByRole('heading', { name: 'Обзор' }).waitFor()
    await expect.poll(() => page.getByLabel(/Просроченные обращения: /).textContent()).toBe('1')
    await screenshot(page, 'console', '01-dashboard-ru')
    expect(await seriousA11yViolations(page)).toEqual([])

    await page.getByRole('navigation').getByRole('link', { name: 'Обращения' }).click()
    await page.getByRole('link', { name: reference }).click()
    await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor()
    expect(await page.getByRole('main').textContent()).toContain('просрочено')
    await screenshot(page, 'console', '02-request-ru')
    expect(await seriousA11yViolations(page)).toEqual([])
    for (let i = 0; i < 4; i++) {
      const state = await page.getByTestId('request-state').textContent()
      if (state === 'дан ответ') break
      const next = page.getByRole('button', { name: /Перевести: дан ответ/ }).or(page.getByRole('button', { name: /Перевести: (проверяется|в работе)/ }))
      await next.first().click()
      await expect.poll(() => page.getByTestId('request-state').textContent()).not.toBe(state)
    }
    expect(await page.getByTestId('request-state').textContent()).toBe('дан ответ')
    await screenshot(page, 'console', '03-request-answered')
    const stored = await derbes.call(await derbes.token('tw'), { method: 'GET', url: `/v1/operators/tw/requests/${submitted.json().requestId}` })
    expect(stored.json().state).toBe('answered')
    await page.getByRole('button', { name: 'Выйти' }).click()
    await page.locator('#login').waitFor()
  })

  it('TTC-9.4: a marketing consent withdrawn by the subject in the portal shows as withdrawn in the console', async () => {
    const subject = await ttcSubscriber(derbes)
    const portal = await (await browser.newContext({ locale: 'kk-KZ' })).newPage()
    await signInToPortal(portal, derbes, 'ttc', subject)
    await portal.getByRole('button', { name: /Кері қайтарып алу: .* \(sms\)/ }).click()
    await portal.getByRole('dialog').getByRole('button', { name: 'Растаймын, кері қайтарып алу' }).click()
    await portal.getByRole('status').filter({ hasText: 'Келісім кері қайтарып алынды.' }).waitFor()
    await screenshot(portal, 'console', '04-portal-withdrawn')

    await signInToConsole(page, derbes.url, 'ttc')
    await page.getByRole('button', { name: 'Қазақша' }).click()
    await page.getByRole('navigation').getByRole('link', { name: 'Субъектілер' }).click()
    await page.getByLabel('Идентификатор түрі').selectOption('phone')
    await page.getByLabel('Мәні').fill(subject.phone)
    await page.getByRole('button', { name: 'Іздеу' }).click()
    await page.getByRole('heading', { name: 'Келісімдер', exact: true }).waitFor()
    const row = page.getByRole('row').filter({ hasText: 'marketing' }).filter({ hasText: 'sms' })
    expect(await row.textContent()).toContain('withdrawn')
    await screenshot(page, 'console', '05-subject-consents-kk')
    expect(await seriousA11yViolations(page)).toEqual([])

    // TTC-7.2: the data only after a basis, and the basis is in the audit log.
    await page.getByLabel('Негіз').selectOption('management_order')
    await page.getByLabel(/Құжаттың нөмірі/).fill('Бұйрық № 12, 01.12.2026')
    await page.getByRole('button', { name: 'Деректерді көрсету' }).click()
    await page.getByText(/Рөліңізге көрінетін деректер жоқ|Мәні/).first().waitFor()
    await screenshot(page, 'console', '06-subject-data-after-basis')
    const audit = await derbes.database.db.selectFrom('audit_entries').select(['action', 'basis']).where('operator_id', '=', 'ttc').where('subject_id', '=', subject.subjectId).execute()
    expect(audit.map((a) => a.basis)).toContain('management_order')

    // Issue 6 §1: the withdrawal counts in the dashboard's chart of consents over time.
    await page.getByRole('navigation').getByRole('link', { name: 'Шолу' }).click()
    await expect.poll(() => page.locator('figure.chart figcaption').textContent()).toMatch(/кері қайтарылды: [1-9]/)
    await screenshot(page, 'console', '06b-dashboard-consents-chart')
    expect(await seriousA11yViolations(page)).toEqual([])
  })

  it('a role without requests:read sees no Requests page', async () => {
    const res = await derbes.call(await derbes.token('ttc', ['staff:manage', 'consents:read', 'consents:write', 'data:read', 'data:write', 'decisions', 'subjects:read', 'subjects:write']), {
      method: 'POST', url: '/v1/operators/ttc/staff', payload: { login: 'clerk', password: 'clerk-password-2026', displayName: 'Clerk', roleId: 'contractor' },
    })
    expect(res.statusCode, res.body).toBe(201)
    // TTC's contractor role reads and writes subjects' data; it has no request permissions (permissions-for-role.ts).
    expect(res.json().permissions).not.toContain('requests:read')
    await page.getByRole('button', { name: /Шығу|Выйти|Sign out/ }).click()
    await signInToConsole(page, derbes.url, 'ttc', { login: 'clerk', password: 'clerk-password-2026' })
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Субъектілер' }).count()).toBe(1)
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Өтініштер' }).count()).toBe(0)
    await screenshot(page, 'console', '07-limited-role')
  })

  it('issue 3 §3: a member of staff with a TOTP second factor signs in with the code from their app', async () => {
    const admin = await derbes.token('esp', [...PERMISSIONS])
    const created = await derbes.call(admin, { method: 'POST', url: '/v1/operators/esp/staff', payload: { login: 'officer', password: 'officer-password-2026', displayName: 'Айгүл Серікқызы', roleId: 'consultant' } })
    expect(created.statusCode, created.body).toBe(201)
    const session = (await derbes.call(undefined, { method: 'POST', url: '/v1/operators/esp/sessions', payload: { login: 'officer', password: 'officer-password-2026' } })).json().token as string
    const enrolled = await derbes.call(session, { method: 'POST', url: '/v1/operators/esp/staff/me/totp' })
    expect(enrolled.statusCode, enrolled.body).toBe(201)
    const totp = OTPAuth.URI.parse(enrolled.json().uri) as OTPAuth.TOTP
    const code = () => totp.generate({ timestamp: derbes.now().getTime() })
    expect((await derbes.call(session, { method: 'POST', url: '/v1/operators/esp/staff/me/totp/confirm', payload: { code: code() } })).statusCode).toBe(204)
    derbes.setNow(new Date(derbes.now().getTime() + 60_000)) // a fresh code: each is accepted once

    await page.goto(`${derbes.url}/console/esp/sign-in`)
    await page.locator('#login').fill('officer')
    await page.locator('#password').fill('officer-password-2026')
    await page.locator('form button[type=submit]').click()
    await page.locator('#totp').waitFor()
    await screenshot(page, 'console', '08-second-factor')
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.locator('#totp').fill(code())
    await page.locator('form button[type=submit]').click()
    await page.getByRole('heading', { level: 1, name: /^(Шолу|Обзор|Overview)$/ }).waitFor()
    expect(await page.locator('.layout > nav').textContent()).toContain('Айгүл Серікқызы')
    await screenshot(page, 'console', '09-signed-in-with-totp')
  })

  it('issue 3, issue 5: the audit log verifies intact, a dry retention run is listed, the breach register opens — in English', async () => {
    await signInToConsole(page, derbes.url, 'kzk')
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)
    await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click()
    await page.getByRole('button', { name: 'Verify the chain' }).click()
    const verdict = page.getByRole('status').filter({ hasText: 'The chain is intact' })
    await verdict.waitFor()
    expect(await verdict.textContent()).toMatch(/intact: \d+ entries/)
    await page.getByRole('table').waitFor()
    await screenshot(page, 'console', '10-audit-verified-en')
    expect(await seriousA11yViolations(page)).toEqual([])

    await page.getByRole('navigation').getByRole('link', { name: 'Retention' }).click()
    await page.getByRole('button', { name: 'Dry run (changes nothing)' }).click()
    await page.getByRole('status').filter({ hasText: 'The dry run has finished.' }).waitFor()
    expect(await page.getByRole('table').getByRole('row').nth(1).textContent()).toContain('dry run')
    await screenshot(page, 'console', '11-retention-dry-run')

    await page.getByRole('navigation').getByRole('link', { name: 'Incidents' }).click()
    await page.getByRole('heading', { name: 'Breach register' }).waitFor()
    expect(await page.getByRole('main').textContent()).toContain('art. 25(2)(8)')
    await screenshot(page, 'console', '12-incidents')
    expect(await seriousA11yViolations(page)).toEqual([])
  })

  it('TTC-3.7: a new policy version is uploaded, reviewed with its findings and changes, approved by order and published after a last look', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Policy' }).click()
    await page.getByRole('heading', { level: 1, name: 'Policy versions' }).waitFor()
    await page.getByRole('button', { name: 'Start from the published text' }).click()
    const editor = page.getByLabel('A new version (YAML)')
    await expect.poll(async () => (await editor.inputValue()).length).toBeGreaterThan(1000)
    const text = (await editor.inputValue()).replace(/^(version:\n(?:\s*#.*\n)*\s*id:\s*)"[^"]*"/m, '$1"2027-console"')
    // Issue 6 §1: the draft is checked as it is typed — a mistake shows its line, then the findings and the notice preview.
    await editor.fill(text.replace(/categories: \[([a-z-]+)/, 'categories: [no-such-category'))
    await expect.poll(() => page.getByTestId('draft-issues').textContent(), { timeout: 15_000 }).toMatch(/^\d+:\d+ .*no-such-category/)
    await editor.fill(text)
    await expect.poll(() => page.getByTestId('draft-findings').textContent(), { timeout: 15_000 }).toContain('retention-unlimited')
    await expect.poll(() => page.getByTestId('notice-preview').getAttribute('lang')).toBe('kk')
    await page.getByRole('group', { name: 'Notice preview' }).getByRole('button', { name: 'Русский' }).click()
    await expect.poll(() => page.getByTestId('notice-preview').textContent(), { timeout: 15_000 }).toMatch(/персональн/)
    await screenshot(page, 'console', '12b-policy-draft-live-check')
    await page.getByRole('button', { name: 'Upload as a draft' }).click()
    await page.getByRole('heading', { level: 2, name: /Version 2027-console — draft/ }).waitFor()
    await page.getByRole('heading', { name: 'Checked against Law 94-V' }).waitFor()
    await expect.poll(() => page.getByRole('main').textContent()).toContain('retention-unlimited') // KZK-3.12, art. 12(2)
    await screenshot(page, 'console', '13-policy-draft-reviewed')
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.getByLabel('Approved by (name, position)').fill('А. Директоров, директор')
    await page.getByLabel('Order or decision (TTC-3.7)').fill('Бұйрық № 7')
    await page.getByRole('button', { name: 'Approve', exact: true }).click()
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    await screenshot(page, 'console', '14-policy-publish-confirm')
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click()
    await expect.poll(async () => (await derbes.app.inject({ url: '/v1/operators/kzk' })).json().publishedVersionId).toBe('2027-console')
    const stored = await derbes.database.db.selectFrom('policy_versions').select(['approved_by', 'approval_order', 'published_by']).where('operator_id', '=', 'kzk').where('version_id', '=', '2027-console').executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ approved_by: 'А. Директоров, директор', approval_order: 'Бұйрық № 7' })
    expect(stored.published_by).toMatch(/^staff:/)
  })
})
