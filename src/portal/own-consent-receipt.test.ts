import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { giveConsent } from '../consent/index.ts'
import { readPdf } from '../notify/pdf/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { makeIin } from '../subjects/subjects-test-helpers.ts'
import { openPortalFixture, phone, type PortalFixture } from './portal-test-kit.ts'

describe.each(TEST_DATABASES)('portal: the receipts of my consents, on $name', (target) => {
  let fx: PortalFixture
  beforeAll(async () => {
    fx = await openPortalFixture(target)
  })
  afterAll(() => fx.close())

  const get = (token: string, url: string) => fx.asSubject(token, { method: 'GET', url })
  const paper = { method: 'paper_signature', scanSha256: 'b'.repeat(64) } as const
  const receiptsOf = async (subjectId: string) =>
    fx.database.db.selectFrom('audit_entries').select(['actor', 'details']).where('subject_id', '=', subjectId).where('action', '=', 'view').execute()

  it('art. 8(4): the subject downloads the signed receipt of the consent the portal lists, in Kazakh with its letters; the reading is audited', async () => {
    const subjectId = await fx.subject('esp', { kind: 'client', identifiers: [{ kind: 'phone', value: phone(301) }] })
    await giveConsent(fx.deps, { operatorId: 'esp', subjectId, formId: 'app-1', language: 'kk', evidence: paper, recordedBy: 'staff:1' })
    const token = await fx.signIn('esp', subjectId, phone(301))
    const listed = (await get(token, '/v1/operators/esp/portal/consents')).json()
    const given = listed.consents.find((c: { status: string }) => c.status === 'given')
    expect(given.eventId).toEqual(expect.any(String))

    const pdf = await get(token, `/v1/operators/esp/portal/consents/receipts/${given.eventId}.pdf`)
    expect(pdf.statusCode, pdf.body).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    const { text, embeddedFonts } = readPdf(pdf.rawPayload)
    expect(text).toMatch(/[әғқңөұүһі]/)
    expect(text).toContain('220240037922')
    expect(embeddedFonts.join(' ')).toContain('DejaVu')
    const audited = await receiptsOf(subjectId)
    expect(audited).toEqual([expect.objectContaining({ actor: `subject:${subjectId}` })])
    expect(JSON.stringify(audited[0]!.details)).toContain(given.eventId)

    const english = await get(token, `/v1/operators/esp/portal/consents/receipts/${given.eventId}.pdf?language=en`)
    expect(readPdf(english.rawPayload).text).toMatch(/[Cc]onsent/)
  })

  it("another subject's receipt is 404 like an unknown one, and nothing is audited; a parent gets their child's (KZK-1.13)", async () => {
    const owner = await fx.subject('esp', { kind: 'client', identifiers: [{ kind: 'phone', value: phone(302) }] })
    const stranger = await fx.subject('esp', { kind: 'client', identifiers: [{ kind: 'phone', value: phone(303) }] })
    await giveConsent(fx.deps, { operatorId: 'esp', subjectId: owner, formId: 'app-1', language: 'ru', evidence: paper, recordedBy: 'staff:1' })
    const eventId = (await fx.database.db.selectFrom('consent_events').select('event_id').where('subject_id', '=', owner).executeTakeFirstOrThrow()).event_id
    const token = await fx.signIn('esp', stranger, phone(303))
    for (const id of [eventId, 'no-such-event']) {
      const res = await get(token, `/v1/operators/esp/portal/consents/receipts/${id}.pdf`)
      expect(res.statusCode).toBe(404)
      expect(res.json()).toMatchObject({ code: 'DERBES_CONSENT_NOT_FOUND', errors: [{ pointer: '/params/eventId' }] })
    }
    expect(await receiptsOf(owner)).toEqual([])

    const parent = await fx.subject('kzk', { kind: 'parent', birthDate: '1984-02-02', identifiers: [{ kind: 'phone', value: phone(304) }] })
    const child = await fx.subject('kzk', { kind: 'child', identifiers: [{ kind: 'iin', value: makeIin('160405', 6, 3) }] })
    await fx.representative({ operatorId: 'kzk', subjectId: child, representativeId: parent, relation: 'parent' })
    await giveConsent(fx.deps, { operatorId: 'kzk', subjectId: child, formId: 'registration', language: 'kk', evidence: { method: 'checkbox' }, recordedBy: 'staff:1', givenBy: { representativeId: parent } })
    const parentToken = await fx.signIn('kzk', parent, phone(304))
    const childs = (await get(parentToken, `/v1/operators/kzk/portal/consents?onBehalfOf=${child}`)).json()
    const childEvent = childs.consents.find((c: { status: string }) => c.status === 'given').eventId
    expect((await get(parentToken, `/v1/operators/kzk/portal/consents/receipts/${childEvent}.pdf`)).statusCode).toBe(404)
    const forChild = await get(parentToken, `/v1/operators/kzk/portal/consents/receipts/${childEvent}.pdf?onBehalfOf=${child}`)
    expect(forChild.statusCode, forChild.body).toBe(200)
    expect((await receiptsOf(child))[0]).toMatchObject({ actor: `subject:${parent}`, details: expect.objectContaining({ reader: 'representative', relation: 'parent' }) })
  })
})
