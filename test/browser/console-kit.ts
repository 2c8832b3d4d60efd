// Signing in to the console the way a member of staff does, for the console's browser journeys.
import type { Page } from 'playwright-core'
import { DEMO_STAFF } from './browser-kit.ts'

export async function signInToConsole(page: Page, url: string, operatorId: string, staff: { login: string; password: string } = DEMO_STAFF, totp?: () => string): Promise<void> {
  await page.goto(`${url}/console/${operatorId}/sign-in`)
  await page.locator('#login').fill(staff.login)
  await page.locator('#password').fill(staff.password)
  await page.locator('form button[type=submit]').click()
  if (totp) {
    await page.locator('#totp').fill(totp())
    await page.locator('form button[type=submit]').click()
  }
  await page.getByRole('navigation').first().waitFor()
  await page.locator('.layout').waitFor()
}
