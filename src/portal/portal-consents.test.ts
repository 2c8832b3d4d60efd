import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fulfilObligation, giveConsent, openObligation } from '../consent/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { openPortalFixture, phone, type PortalFixture } from './portal-test-kit.ts'

/** Each seed form as published, except that the portal is one of its withdrawal channels: an operator that adopted the portal. */
const withPortal = (yaml: string) => yaml.replace(/^(\s+channels: \[)(registered_mail, courier|written_application|written_application, eds_document)\]/gm, '$1$2, portal]')

describe.each(TEST_DATABASES)('portal: my consents, on $name', (target) => {
  let fx: PortalFixture
  beforeAll(async () => {
    fx = await openPortalFixture(target)
  })
  afterAll(() => fx.close())

  let n = 500
  /** A subject of the operator with the whole form given on paper (as staff would register it), signed in to the portal. */
  async function consented(operatorId: string, kind: string, formId: string): Promise<{ subjectId: string; token: string }> {
    const value = phone(++n)
    const subjectId = await fx.subject(operatorId, { kind, identifiers: [{ kind: 'phone', value }] })
    await giveConsent(fx.deps, { operatorId, subjectId, formId, language: 'kk', evidence: { method: 'paper_signature', scanSha256: 'a'.repeat(64) }, recordedBy: 'staff:1' })
    return { subjectId, token: await fx.signIn(operatorId, subjectId, value) }
  }
  const preview = (token: string, operatorId: string, purposeId: string, query = '') =>
    fx.asSubject(token, { method: 'GET', url: `/v1/operators/${operatorId}/portal/consents/${purposeId}/withdraw/preview${query}` })
  const withdraw = (token: string, operatorId: string, purposeId: string, payload: Record<string, unknown> = {}) =>
    fx.asSubject(token, { method: 'POST', url: `/v1/operators/${operatorId}/portal/consents/${purposeId}/withdraw`, payload })
  const give = (token: string, operatorId: string, purposeId: string, payload: Record<string, unknown> = {}) =>
    fx.asSubject(token, { method: 'POST', url: `/v1/operators/${operatorId}/portal/consents/${purposeId}/give`, payload })
  const consents = (token: string, operatorId: string, query = '') => fx.asSubject(token, { method: 'GET', url: `/v1/operators/${operatorId}/portal/consents${query}` })
  const eventsOf = async (subjectId: string) =>
    (await fx.database.db.selectFrom('consent_events').select(['kind', 'record']).where('subject_id', '=', subjectId).orderBy('seq').execute()).map((e) => ({
      kind: e.kind,
      record: (typeof e.record === 'string' ? JSON.parse(e.record) : e.record) as { recordedBy: string; withdrawal?: { channel: string; consequences?: string[] } },
    }))

  describe('seed policies as published', () => {
    it('state per purpose and channel, with the form text in the chosen language and how each is withdrawn (TTC-9.2)', async () => {
      const { token } = await consented('ttc', 'subscriber', 'app-2')
      const res = await consents(token, 'ttc', '?language=ru')
      expect(res.statusCode, res.body).toBe(200)
      const body = res.json()
      const row = (purposeId: string, channel = '') => body.consents.find((c: { purposeId: string; channel: string }) => c.purposeId === purposeId && c.channel === channel)
      expect(row('marketing', 'sms')).toMatchObject({ status: 'given', formId: 'app-2', forms: ['app-2'] })
      expect(row('marketing', 'sms').purposeName.kk).toBeTruthy()
      const [form] = body.forms
      expect(form).toMatchObject({ formId: 'app-2', language: 'ru', givenOnline: true, withdrawnOnline: false })
      expect(form.text).toMatch(/[а-яё]/)
      expect(form.textHash).toMatch(/^[0-9a-f]{64}$/)
      expect(form.withdrawalChannels.map((c: { channel: string }) => c.channel)).toEqual(['registered_mail', 'courier'])
      expect(form.withdrawalAddress.kk).toContain('Астана')
    })

    it('TTC-9.2: a form withdrawn by registered letter or courier only — the preview says how, the portal withdrawal is refused and writes nothing', async () => {
      const { subjectId, token } = await consented('ttc', 'subscriber', 'app-2')
      const shown = await preview(token, 'ttc', 'marketing', '?channels=sms')
      expect(shown.statusCode, shown.body).toBe(200)
      expect(shown.json()).toMatchObject({ outcome: 'not_online', online: false, wholeForm: false, consequences: [], email: null })
      expect(shown.json().outcomeText.kk).toContain('жеке кабинет')
      expect(shown.json().channels).toEqual([
        { channel: 'registered_mail', label: { kk: 'тапсырыс хат', ru: 'заказное письмо', en: 'registered letter' } },
        { channel: 'courier', label: { kk: 'курьер арқылы', ru: 'курьером', en: 'by courier' } },
      ])
      expect(shown.json().address.ru).toContain('Кунаева')
      const refused = await withdraw(token, 'ttc', 'marketing', { channels: ['sms'] })
      expect(refused.statusCode).toBe(422)
      expect(refused.json().code).toBe('DERBES_CONSENT_WITHDRAWAL_CHANNEL_NOT_ALLOWED')
      expect(refused.json().detail).toContain('registered_mail or courier')
      expect((await eventsOf(subjectId)).map((e) => e.kind)).toEqual(['given'])
    })

    it('PS-7.1: the preview of withdrawing the whole consent says the contract will be terminated, in kk, ru and en', async () => {
      const { token } = await consented('ps', 'client', 'personal-data-consent')
      const shown = (await preview(token, 'ps', 'services', '?wholeForm=true')).json()
      expect(shown.wholeForm).toBe(true)
      expect(shown.consequences.map((c: { code: string }) => c.code)).toEqual(['contract_terminated', 'processing_stopped'])
      expect(shown.consequences[0].text).toEqual({ kk: 'шарт бұзылады', ru: 'договор расторгается', en: 'the contract is terminated' })
      expect(shown.consequencesText.ru).toContain('расторгнуть договорные отношения')
      expect(shown.clauses).toContain('PS-7.1')
    })

    it('ESP-2: marketing by SMS given in the portal with a ticked box; a form given only on paper, by SMS code or by call is refused (ESP-4)', async () => {
      const value = phone(++n)
      const subjectId = await fx.subject('esp', { kind: 'client', identifiers: [{ kind: 'phone', value }] })
      const token = await fx.signIn('esp', subjectId, value)
      const form = (await consents(token, 'esp')).json().forms.find((f: { formId: string }) => f.formId === 'marketing-messages')
      const given = await give(token, 'esp', 'advertising', { channels: ['sms'], formVersion: form.version, textHash: form.textHash }, )
      expect(given.statusCode, given.body).toBe(201)
      expect(given.json()).toMatchObject({ formId: 'marketing-messages', method: 'checkbox', state: [{ purposeId: 'advertising', channel: 'sms', status: 'given' }] })
      const [event] = await eventsOf(subjectId)
      expect(event!.record.recordedBy).toBe(`subject:${subjectId}`)
      const list = (await consents(token, 'esp')).json().consents
      expect(list.filter((c: { purposeId: string; status: string }) => c.purposeId === 'advertising' && c.status === 'given').map((c: { channel: string }) => c.channel)).toEqual(['sms'])

      const loyalty = await give(token, 'esp', 'loyalty')
      expect(loyalty.statusCode).toBe(422)
      expect(loyalty.json().code).toBe('DERBES_CONSENT_METHOD_NOT_ALLOWED')
      expect(loyalty.json().detail).toContain('sms_code')
      const stale = await give(token, 'esp', 'advertising', { channels: ['email'], textHash: 'f'.repeat(64) })
      expect(stale.statusCode).toBe(409)
      expect((await give(token, 'esp', 'no-such-purpose')).statusCode).toBe(404)
    })

    it("KZK-1.13: a parent gives the child's consent in the portal, recorded as given by the parent", async () => {
      const value = phone(++n)
      const parent = await fx.subject('kzk', { kind: 'parent', birthDate: '1985-04-04', identifiers: [{ kind: 'phone', value }] })
      const child = await fx.subject('kzk', { kind: 'child', birthDate: '2016-05-05' })
      await fx.representative({ operatorId: 'kzk', subjectId: child, representativeId: parent, relation: 'parent' })
      const token = await fx.signIn('kzk', parent, value)
      const res = await give(token, 'kzk', 'identification', { onBehalfOf: child, formId: 'registration' })
      expect(res.statusCode, res.body).toBe(201)
      const [event] = await eventsOf(child)
      expect(event!.record).toMatchObject({ recordedBy: `subject:${parent}`, givenBy: { kind: 'representative', representativeId: parent, relation: 'parent' } })
      const rows = (await consents(token, 'kzk', `?onBehalfOf=${child}`)).json().consents
      expect(rows.find((r: { purposeId: string }) => r.purposeId === 'identification')).toMatchObject({ status: 'given', byRepresentative: true })
    })
  })

  describe('operators whose forms take withdrawals through the portal', () => {
    beforeAll(async () => {
      await fx.publishVariant('ttc', '2026-portal', withPortal)
      await fx.publishVariant('esp', '2026-portal', withPortal)
    })

    it('TTC-9.4: marketing by SMS withdrawn alone; e-mail marketing and the rest stay; no consequence follows', async () => {
      const { subjectId, token } = await consented('ttc', 'subscriber', 'app-2')
      const shown = (await preview(token, 'ttc', 'marketing', '?channels=sms')).json()
      expect(shown).toMatchObject({ outcome: 'withdrawn', online: true, wholeForm: false, consequences: [], withdraws: [{ purposeId: 'marketing', channel: 'sms' }] })
      const done = await withdraw(token, 'ttc', 'marketing', { channels: ['sms'] })
      expect(done.statusCode, done.body).toBe(200)
      expect(done.json()).toMatchObject({ outcome: 'withdrawn', consequences: [] })
      const rows = (await consents(token, 'ttc')).json().consents
      const status = (purposeId: string, channel = '') => rows.find((r: { purposeId: string; channel: string }) => r.purposeId === purposeId && r.channel === channel)?.status
      expect([status('marketing', 'sms'), status('marketing', 'email'), status('registration')]).toEqual(['withdrawn', 'given', 'given'])
      const events = await eventsOf(subjectId)
      expect(events.map((e) => e.kind)).toEqual(['given', 'withdrawn'])
      expect(events[1]!.record).toMatchObject({ recordedBy: `subject:${subjectId}`, withdrawal: { channel: 'portal' } })
    })

    it('TTC-9.1, art. 8(2): refused while an obligation is open — shown in the preview, then a clear problem, the refusal recorded; TTC-9.3 once fulfilled: account deleted', async () => {
      const { subjectId, token } = await consented('ttc', 'subscriber', 'app-2')
      await openObligation(fx.deps, { operatorId: 'ttc', subjectId, obligationId: 'inv-2026-11', kind: 'unpaid_invoice' })
      const blocked = (await preview(token, 'ttc', 'registration', '?wholeForm=true')).json()
      expect(blocked).toMatchObject({ outcome: 'refused', effectiveAt: null, blockers: [{ code: 'unfulfilled_obligation' }] })
      expect(blocked.blockers[0].clause).toContain('TTC-9.1')
      expect(blocked.blockers[0].text.kk).toContain('міндеттемелері')
      expect(blocked.blockedByText.en).toContain('unfulfilled obligations')

      const refused = await withdraw(token, 'ttc', 'registration', { wholeForm: true })
      expect(refused.statusCode).toBe(409)
      expect(refused.json()).toMatchObject({ code: 'DERBES_CONSENT_WITHDRAWAL_BLOCKED', errors: [{ code: 'unfulfilled_obligation', pointer: '/params/purposeId' }] })
      expect(refused.json().errors[0].detail).toMatch(/inv-2026-11.*TTC-9\.1/)
      expect((await eventsOf(subjectId)).map((e) => e.kind)).toEqual(['given', 'withdrawal_refused'])

      await fulfilObligation(fx.deps, 'ttc', subjectId, 'inv-2026-11')
      const shown = (await preview(token, 'ttc', 'registration', '?wholeForm=true')).json()
      expect(shown).toMatchObject({ outcome: 'withdrawn', wholeForm: true, blockers: [] })
      expect(shown.consequences.map((c: { code: string }) => c.code)).toEqual(['processing_stopped', 'account_deleted'])
      expect(shown.consequences[1].text).toEqual({ kk: 'есептік жазба және жеке кабинет жойылады', ru: 'учётная запись и личный кабинет удаляются', en: 'the account and personal cabinet are deleted' })
      const done = await withdraw(token, 'ttc', 'registration', { wholeForm: true, language: 'en' })
      expect(done.statusCode, done.body).toBe(200)
      expect(done.json().consequences.map((c: { code: string }) => c.code)).toEqual(['processing_stopped', 'account_deleted'])
      const last = (await eventsOf(subjectId)).at(-1)!
      expect(last).toMatchObject({ kind: 'withdrawn', record: { withdrawal: { channel: 'portal', consequences: ['processing_stopped', 'account_deleted'] } } })
      const outbox = await fx.database.db.selectFrom('event_outbox').select('type').where('subject_id', '=', subjectId).execute()
      expect(outbox.map((e) => e.type)).toContain('consequence.account_deleted')
      expect((await consents(token, 'ttc')).json().consents.every((r: { status: string }) => r.status !== 'given')).toBe(true)
    })

    it('ESP-9, ESP App.1 §5: withdrawing the loyalty consent blocks the card — shown before confirming — and takes effect 10 business days later', async () => {
      const { subjectId, token } = await consented('esp', 'client', 'app-1')
      const shown = (await preview(token, 'esp', 'loyalty', '?wholeForm=true')).json()
      expect(shown).toMatchObject({ outcome: 'scheduled', noticeBusinessDays: 10, wholeForm: true })
      expect(shown.consequences.map((c: { code: string }) => c.code)).toEqual(['loyalty_ended', 'loyalty_card_blocked', 'discounts_stopped', 'reconsent_required'])
      expect(shown.consequences[1].text.kk).toBe('адалдық картасы бұғатталады')
      expect(shown.consequencesText.kk).toContain('бұғатталады')
      // Received Wednesday 2 December 2026; 10 business days skip the weekends and Independence Day (16 December).
      expect(shown.effectiveAt).toBe('2026-12-16T19:00:00.000Z')

      const done = await withdraw(token, 'esp', 'loyalty', { wholeForm: true })
      expect(done.statusCode, done.body).toBe(202)
      expect(done.json()).toMatchObject({ outcome: 'scheduled', effectiveAt: shown.effectiveAt })
      const rows = (await consents(token, 'esp')).json().consents
      expect(rows.find((r: { purposeId: string }) => r.purposeId === 'loyalty')).toMatchObject({ status: 'withdrawal_pending', withdrawalEffectiveAt: shown.effectiveAt })
      expect((await eventsOf(subjectId)).map((e) => e.kind)).toEqual(['given', 'withdrawal_requested'])
    })

    it('nothing in force to withdraw is a 409; an unknown purpose a 404', async () => {
      const value = phone(++n)
      const subjectId = await fx.subject('esp', { kind: 'client', identifiers: [{ kind: 'phone', value }] })
      const token = await fx.signIn('esp', subjectId, value)
      const none = await withdraw(token, 'esp', 'loyalty')
      expect(none.statusCode).toBe(409)
      expect(none.json().code).toBe('DERBES_CONSENT_NOT_ACTIVE')
      expect((await preview(token, 'esp', 'no-such-purpose')).json().code).toBe('DERBES_PORTAL_PURPOSE_UNKNOWN')
    })
  })
})
