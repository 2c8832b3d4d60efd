// The portal half of issue 6's journey "a subject withdraws a marketing consent and sees it in the console",
// shared by the portal's and the console's browser tests.
import type { Page } from 'playwright-core'
import { giveConsent } from '../../src/consent/index.ts'
import { phone } from '../../src/portal/portal-test-kit.ts'
import type { RunningDerbes } from './browser-kit.ts'

/** TTC's form as an operator that adopted the portal publishes it: the portal is one of its withdrawal channels (TTC-9.2). */
export const withPortal = (yaml: string) => yaml.replace(/^(\s+channels: \[)(registered_mail, courier|written_application|written_application, eds_document)\]/gm, '$1$2, portal]')

let n = 9000

/** A TTC subscriber with app-2 given on paper (registration and marketing by SMS and e-mail), reachable by phone. */
export async function ttcSubscriber(derbes: RunningDerbes): Promise<{ subjectId: string; phone: string }> {
  const value = phone(++n)
  const subjectId = await derbes.subject('ttc', { kind: 'subscriber', identifiers: [{ kind: 'phone', value }] })
  await giveConsent(derbes.deps, { operatorId: 'ttc', subjectId, formId: 'app-2', language: 'kk', evidence: { method: 'paper_signature', scanSha256: 'a'.repeat(64) }, recordedBy: 'staff:1' })
  return { subjectId, phone: value }
}

/** Signs in to the portal with the one-time code from the SMS outbox, as a subject would type it. */
export async function signInToPortal(page: Page, derbes: RunningDerbes, operatorId: string, subject: { subjectId: string; phone: string }): Promise<void> {
  await page.goto(`${derbes.url}/portal/${operatorId}/sign-in`)
  await page.locator('#identifier').fill(subject.phone)
  await page.locator('form button[type=submit]').click()
  await page.locator('#code').waitFor()
  const { code } = await derbes.smsCode(operatorId, subject.subjectId)
  await page.locator('#code').fill(code)
  await page.locator('form button[type=submit]').click()
  await page.getByRole('table').waitFor()
}
