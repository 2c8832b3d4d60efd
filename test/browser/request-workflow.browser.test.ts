import { readFile } from 'node:fs/promises'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest'
import { giveConsent } from '../../src/consent/index.ts'
import { TestPki } from '../../src/eds/eds-test-pki.ts'
import { phone } from '../../src/portal/portal-test-kit.ts'
import { makeIin } from '../../src/subjects/subjects-test-helpers.ts'
import { describeInBrowser, openBrowser, screenshot, seriousA11yViolations, startDerbes, type RunningDerbes } from './browser-kit.ts'
import { signInToConsole } from './console-kit.ts'

/** Clicks what saves a file and returns the file's first bytes, as the browser saved it. */
async function downloaded(control: Locator): Promise<string> {
  const [file] = await Promise.all([control.page().waitForEvent('download'), control.click()])
  return (await readFile(await file.path())).subarray(0, 8).toString('latin1')
}

describeInBrowser('the request workflow in a real browser: paper intake, identity proof, refusal; a parent acting for a child (issue 4 §2–§4, issue 6)', () => {
  let derbes: RunningDerbes
  let browser: Browser
  let page: Page
  const pki = new TestPki()
  beforeAll(async () => {
    pki.rootCa('nca-test-root')
    derbes = await startDerbes()
    browser = await openBrowser()
    page = await (await browser.newContext({ locale: 'ru-RU', acceptDownloads: true })).newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await derbes?.close()
    pki.remove()
  })

  it('ESP-9: staff register a written request, it waits visibly for the ID document, goes on once it is entered, and is refused citing its clause', async () => {
    const iin = makeIin('900215', 3, 5)
    const subjectId = await derbes.subject('esp', { kind: 'client', identifiers: [{ kind: 'iin', value: iin }] })
    await signInToConsole(page, derbes.url, 'esp')
    await page.getByRole('button', { name: 'Русский' }).click()
    await page.getByRole('navigation').getByRole('link', { name: 'Обращения' }).click()
    await page.getByRole('link', { name: 'Зарегистрировать бумажное обращение' }).click()
    await page.getByRole('heading', { level: 1, name: 'Регистрация обращения' }).waitFor()
    await page.getByLabel('Что просят').selectOption('information')
    await page.getByLabel('Как поступило').selectOption('written')
    await page.getByLabel('Значение').fill(iin)
    await page.getByLabel('Скан обращения (хранится только хэш)').setInputFiles({ name: 'request.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 a scanned letter') })
    expect(await seriousA11yViolations(page)).toEqual([])
    await screenshot(page, 'request-workflow', '01-register-ru')
    await page.getByRole('button', { name: 'Зарегистрировать' }).click()

    await page.getByTestId('request-waiting').waitFor()
    expect(await page.getByTestId('request-waiting').textContent()).toBe('подтверждение личности')
    const requestId = page.url().split('/').pop()!
    const registered = (await derbes.call(await derbes.token('esp'), { method: 'GET', url: `/v1/operators/esp/requests/${requestId}` })).json()
    expect(registered).toMatchObject({ subjectId, channel: 'written', kind: 'information', state: 'verifying', waitingFor: ['identity_proof'] })
    expect(registered.scanSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(await downloaded(page.getByRole('button', { name: 'Подтверждение получения для печати (PDF)' }))).toMatch(/^%PDF-/)

    await page.getByLabel('Номер удостоверения личности').fill('041234567')
    await page.getByLabel('Дата выдачи').fill('2019-05-04')
    await page.getByLabel('Кем выдано').fill('МВД РК')
    await page.getByLabel('Подпись').selectOption('handwritten_signature')
    await screenshot(page, 'request-workflow', '02-identity-proof')
    await page.getByRole('button', { name: 'Сохранить подтверждение' }).click()
    await expect.poll(() => page.getByTestId('request-waiting').count()).toBe(0)
    expect(await page.getByTestId('request-state').textContent()).toBe('в работе')

    await page.getByLabel('Основание отказа').selectOption('other')
    await page.getByLabel('Пункты или статьи (через запятую)').fill('ESP-9, art. 8(2)')
    await page.getByLabel('Пояснение субъекту (без персональных данных)').fill('Сведения уже направлены ранее.')
    await page.getByRole('button', { name: 'Отказать' }).click()
    await expect.poll(() => page.getByTestId('request-state').textContent()).toBe('отказано')
    expect(await page.getByRole('main').textContent()).toContain('ESP-9, art. 8(2)')
    await screenshot(page, 'request-workflow', '03-refused')
    const refused = (await derbes.call(await derbes.token('esp'), { method: 'GET', url: `/v1/operators/esp/requests/${requestId}` })).json()
    expect(refused).toMatchObject({ state: 'refused', refusal: { ground: 'other', clauses: ['ESP-9', 'art. 8(2)'] } })
  })

  it('ESP-9, TW-4.5: staff register an electronic request with its EDS file; Derbes checks it and shows whose signature it is', async () => {
    const iin = makeIin('880404', 4, 2)
    await derbes.subject('esp', { kind: 'client', identifiers: [{ kind: 'iin', value: iin }] })
    pki.issue('nca-test-root', 'client', { subject: `/C=KZ/CN=ҚАНАТҚЫЗЫ ӘСЕЛ/serialNumber=IIN${iin}` })
    const letter = 'Прошу сообщить, какие мои персональные данные у вас есть.'
    process.env.DERBES_EDS_TRUST_DIR = pki.trustDir('nca-test-root')
    // openssl dates the signature now: Derbes' clock must be now too, for this journey only.
    const fixed = derbes.now()
    derbes.setNow(new Date())
    onTestFinished(() => derbes.setNow(fixed))
    await signInToConsole(page, derbes.url, 'esp')
    await page.getByRole('button', { name: 'Русский' }).click()
    await page.goto(`${derbes.url}/console/esp/requests/new`)
    await page.getByRole('heading', { level: 1, name: 'Регистрация обращения' }).waitFor()
    await page.getByLabel('Как поступило').selectOption('electronic_document')
    await page.getByLabel('Значение').fill(iin)
    await page.getByLabel('Номер удостоверения личности').fill('041234567')
    await page.getByLabel('Дата выдачи').fill('2019-05-04')
    await page.getByLabel('Кем выдано').fill('МВД РК')
    await page.getByLabel('Подпись', { exact: true }).selectOption('eds')
    await page.getByLabel(/Файл ЭЦП/).setInputFiles({ name: 'request.cms', mimeType: 'application/pkcs7-signature', buffer: Buffer.from(pki.sign('client', letter), 'base64') })
    expect(await seriousA11yViolations(page)).toEqual([])
    await screenshot(page, 'request-workflow', '04-register-eds-ru')
    await page.getByRole('button', { name: 'Зарегистрировать' }).click()
    await page.getByTestId('request-eds').waitFor()
    expect(await page.getByTestId('request-eds').textContent()).toContain('сам субъект')
    expect(await page.getByTestId('request-state').textContent()).toBe('в работе')
    await screenshot(page, 'request-workflow', '05-eds-checked')
  })

  it('KZK-1.13: a parent acts for their child in the portal — the child’s consent receipt, a correction backed by a document', async () => {
    const value = phone(7301)
    const parent = await derbes.subject('kzk', { kind: 'parent', birthDate: '1985-03-03', identifiers: [{ kind: 'phone', value }] })
    const child = await derbes.subject('kzk', { kind: 'child', identifiers: [{ kind: 'iin', value: makeIin('150505', 6, 4) }] })
    await derbes.representative({ operatorId: 'kzk', subjectId: child, representativeId: parent, relation: 'parent' })
    await giveConsent(derbes.deps, { operatorId: 'kzk', subjectId: child, formId: 'registration', language: 'kk', evidence: { method: 'checkbox' }, recordedBy: 'staff:1', givenBy: { representativeId: parent } })

    await page.goto(`${derbes.url}/portal/kzk/sign-in`)
    await page.getByRole('button', { name: 'Русский' }).click()
    await page.locator('#identifier').fill(value)
    await page.locator('form button[type=submit]').click()
    await page.locator('#code').waitFor()
    await page.locator('#code').fill((await derbes.smsCode('kzk', parent)).code)
    await page.locator('form button[type=submit]').click()
    await page.getByLabel('От чьего имени').waitFor()
    await page.getByLabel('От чьего имени').selectOption(child)
    const receipt = page.getByRole('button', { name: /^Квитанция \(PDF\)/ }).first()
    await receipt.waitFor()
    expect(await seriousA11yViolations(page)).toEqual([])
    await screenshot(page, 'request-workflow', '04-portal-child-consents')
    expect(await downloaded(receipt)).toMatch(/^%PDF-/)

    await page.getByRole('navigation').getByRole('link', { name: 'Мои обращения' }).click()
    await page.getByLabel('О чём вы просите').selectOption('rectify')
    await page.getByLabel('Данные', { exact: true }).selectOption('child-full-name')
    await page.getByLabel('Правильное значение').fill('Әлібекова Айгүл Серікқызы')
    await page.getByLabel(/Подтверждающие документы/).setInputFiles({ name: 'birth-certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 свидетельство о рождении') })
    expect(await seriousA11yViolations(page)).toEqual([])
    await screenshot(page, 'request-workflow', '05-portal-rectify-for-child')
    await page.getByRole('button', { name: 'Отправить' }).click()
    await page.getByRole('status').waitFor()
    expect(await page.getByRole('status').textContent()).toContain('Обращение принято')
    await page.getByRole('table').getByRole('link').first().click()
    expect(await downloaded(page.getByRole('button', { name: 'Подтверждение получения (PDF)' }))).toMatch(/^%PDF-/)

    const staff = (await derbes.call(await derbes.token('kzk'), { method: 'GET', url: `/v1/operators/kzk/requests?subjectId=${child}` })).json()
    expect(staff.items).toEqual([expect.objectContaining({ kind: 'rectify', channel: 'portal', representativeId: parent, requestedBy: 'representative', hasSealedData: true })])
    const [documentHash] = staff.items[0].scope.documents['child-full-name']
    expect(documentHash).toMatch(/^[0-9a-f]{64}$/)

    // Staff see the new value and the document's hash only after giving a basis (TTC-7.2).
    await signInToConsole(page, derbes.url, 'kzk')
    await page.getByRole('button', { name: 'Русский' }).click()
    await page.goto(`${derbes.url}/console/kzk/requests/${staff.items[0].requestId}`)
    await page.getByRole('heading', { name: 'Содержание обращения' }).waitFor()
    expect(await page.getByRole('main').textContent()).not.toContain('Әлібекова')
    await page.getByRole('button', { name: 'Показать содержание' }).click()
    await page.getByTestId('request-content').waitFor()
    const shown = await page.getByTestId('request-content').textContent()
    expect(shown).toContain('Әлібекова Айгүл Серікқызы')
    expect(shown).toContain(documentHash)
    await screenshot(page, 'request-workflow', '06-console-request-content')
    const audited = await derbes.database.db.selectFrom('audit_entries').select(['action', 'details']).where('subject_id', '=', child).where('action', '=', 'view').execute()
    expect(audited.some((e) => JSON.stringify(e.details).includes(staff.items[0].requestId))).toBe(true)
  })
})
