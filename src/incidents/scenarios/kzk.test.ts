import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { KAZAKH_LETTERS, readPdf } from '../../notify/pdf/index.ts'
import { authorityNotice } from '../compose-authority-notice.ts'
import { incidentTimeline } from '../incident-timeline.ts'
import { FIXTURE_TIMEOUT_MS, INCIDENT_PERMISSIONS, openIncidentsFixture, queuedEmails, queuedSms, type IncidentsFixture } from '../incidents-test-kit.ts'
import { queueSubjectNotices } from '../queue-subject-notices.ts'
import { recordAuthorityNotice } from '../record-authority-notice.ts'
import { registerIncident } from '../register-incident.ts'
import { remindIncidents } from '../remind-incidents.ts'
import { resolveIncidentSubjects } from '../resolve-subjects.ts'

// KZK — Kezekshi.kz: a breach of parents' contacts found on Friday evening (Almaty), 4 December 2026.
describe.each(TEST_DATABASES)('KZK breach register on $name', (target) => {
  let fx: IncidentsFixture
  let token: string
  const parents: Record<string, string> = {}
  beforeAll(async () => {
    fx = await openIncidentsFixture(target, '2026-12-04T20:30:00+05:00', ['kzk', 'esp'])
    token = await fx.token('kzk', INCIDENT_PERMISSIONS)
    const parent = (email: string | null, phone: string | null, collectedAt = '2026-11-01T10:00:00+05:00') =>
      fx.subject('kzk', {
        kind: 'parent',
        data: [
          ...(email ? [{ itemId: 'email', value: email, source: 'subject', purposes: ['support'], collectedAt }] : []),
          ...(phone ? [{ itemId: 'phone', value: phone, source: 'subject', purposes: ['support'], collectedAt }] : []),
          { itemId: 'user-name', value: 'Әлия Сәрсенқызы', source: 'subject', purposes: ['support'], collectedAt },
        ],
      })
    parents.kk = await parent('aliya@example.kz', null)
    parents.ru = await parent('irina@example.kz', '+77015550101')
    parents.en = await parent(null, '+77015550102')
    parents.public = await parent('public@example.kz', null)
    parents.thirdParty = await parent('third@example.kz', null)
    parents.consented = await parent('consented@example.kz', null)
    parents.noContact = await parent(null, null)
    parents.before = await parent('old@example.kz', null, '2025-01-10T10:00:00+05:00')
    // A school, not a parent: outside a selector by kind.
    parents.school = await fx.subject('kzk', { kind: 'school', data: [{ itemId: 'email', value: 'school@example.kz', source: 'subject', purposes: ['support'] }] })
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  it('art. 25(2)(8), KZK-6.1, KZK-6.2.1–6.2.3: registered Friday evening, due Monday; subjects by selector; notices in kk/ru/en; exceptions recorded; authority notice kk/ru PDF; overdue escalation; late notice recorded; timeline', async () => {
    // Registration through the API: the deadline is the Monday after (art. 25(2)(8), one working day).
    const created = await fx.call(token, {
      method: 'POST', url: '/v1/operators/kzk/incidents',
      payload: {
        kind: 'unauthorised_access', description: 'Canteen terminal exported parents’ contacts to a public folder',
        discoveredAt: '2026-12-04T20:00:00+05:00', reportedBy: 'staff:it-duty', systems: [{ name: 'canteen terminal' }],
        categories: ['contact'], items: ['user-name'], measures: ['folder closed'],
        responsiblePerson: { name: 'Серік Әбенов', position: 'ДД жауапты тұлға', email: 'dpo@kezekshi.kz', phone: '+77172000000' },
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const incident = created.json()
    expect(incident).toMatchObject({ reference: 'KZK-INC-2026-0001', status: 'open', dueOn: '2026-12-07', overdue: false, businessDaysLeft: 1, dueBasis: { article: 'art. 25(2)(8)', rule: 'law' } })
    const id: string = incident.incidentId

    // Bad input changes nothing: an item the policy does not have.
    const bad = await fx.call(token, { method: 'POST', url: '/v1/operators/kzk/incidents', payload: { kind: 'change', description: 'x', reportedBy: 'y', items: ['no-such-item'] } })
    expect(bad.statusCode).toBe(422)
    expect(bad.json()).toMatchObject({ code: 'DERBES_INCIDENT_CONTENT_INVALID', errors: [{ pointer: '/body/items/0' }] })

    // Affected subjects: parents holding contact data collected since 1 September 2026 — set-based, idempotent.
    const selector = { kinds: ['parent'], categories: ['contact'], collectedFrom: '2026-09-01T00:00:00+05:00' }
    const resolved = await fx.call(token, { method: 'POST', url: `/v1/operators/kzk/incidents/${id}/subjects`, payload: selector })
    expect(resolved.json()).toEqual({ incidentId: id, added: 6, subjectCount: 6 })
    expect(await resolveIncidentSubjects(fx.deps, 'kzk', id, selector, 'staff:7')).toEqual({ incidentId: id, added: 0, subjectCount: 6 })
    // The parent with no contact held is named explicitly (their name leaked too).
    expect((await resolveIncidentSubjects(fx.deps, 'kzk', id, { subjectIds: [parents.noContact!] }, 'staff:7')).subjectCount).toBe(7)

    // Saturday: no reminder yet; Monday morning: the due day has begun.
    fx.setNow('2026-12-05T10:00:00+05:00')
    expect(await remindIncidents(fx.deps)).toEqual({ reminded: [], escalated: [] })
    fx.setNow('2026-12-07T09:00:00+05:00')
    const monday = await remindIncidents(fx.deps)
    expect(monday.reminded).toEqual([expect.objectContaining({ type: 'deadline_approaching', incidentId: id, dueOn: '2026-12-07', subjectCount: 7 })])
    expect((await remindIncidents(fx.deps)).reminded).toEqual([])

    // The notice to the authorised body in kk and ru, with the Order 481/НҚ content.
    const kk = await authorityNotice(fx.deps, 'kzk', id, 'kk')
    expect(kk.text).toContain('Дербес деректердің қорғалуының бұзылуы туралы хабарлама')
    expect(kk.text).toContain('Серік Әбенов')
    expect(kk.text).toContain('дербес деректерге рұқсатсыз қол жеткізу')
    expect(kk.text).toContain('2026-12-04 20:00')
    expect(kk.text).toContain('folder closed')
    expect(kk.gaps).toEqual([])
    const ru = await authorityNotice(fx.deps, 'kzk', id, 'ru')
    expect(ru.sections.find((s) => s.label === 'Количество затронутых субъектов')?.lines).toEqual(['7'])
    expect(ru.sections.find((s) => s.label.startsWith('Сведения, необходимые'))?.lines).toEqual(['ФИО: имеется у 7 субъектов', 'ИИН: имеется у 0 субъектов', 'номер телефона: имеется у 2 субъектов'])
    const pdf = await fx.call(token, { method: 'GET', url: `/v1/operators/kzk/incidents/${id}/authority-notice.pdf?lang=kk` })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toContain('application/pdf')
    const { text: pdfText } = readPdf(pdf.rawPayload)
    const used = KAZAKH_LETTERS.filter((letter) => kk.text.includes(letter))
    expect(used.length).toBeGreaterThanOrEqual(8) // all but һ, which no word of the notice has
    for (const letter of used) expect(pdfText).toContain(letter)
    expect(pdfText).toContain('KZK-INC-2026-0001')
    const ruPdf = readPdf((await fx.call(token, { method: 'GET', url: `/v1/operators/kzk/incidents/${id}/authority-notice.pdf?lang=ru` })).rawPayload).text
    expect(ruPdf).toContain('Уведомление о нарушении защиты персональных данных')

    // Tuesday: overdue, escalated once, obvious in the list.
    fx.setNow('2026-12-08T09:00:00+05:00')
    expect((await remindIncidents(fx.deps)).escalated).toEqual([expect.objectContaining({ type: 'overdue', incidentId: id })])
    expect((await remindIncidents(fx.deps)).escalated).toEqual([])
    const overdueList = (await fx.call(token, { method: 'GET', url: '/v1/operators/kzk/incidents?overdue=true' })).json()
    expect(overdueList.incidents.map((i: { incidentId: string }) => i.incidentId)).toEqual([id])
    expect(overdueList.summary).toMatchObject({ total: 1, awaitingNotice: 1, overdue: 1 })

    // KZK-6.1 notices, KZK-6.2.1–6.2.3 exceptions recorded per subject with the reason.
    const queued = await queueSubjectNotices(fx.deps, 'kzk', id, {
      exceptions: [
        { subjectId: parents.public!, reason: 'already_public' },
        { subjectId: parents.thirdParty!, reason: 'received_from_third_party' },
        { subjectId: parents.consented!, reason: 'disclosed_with_consent' },
      ],
      languages: { [parents.ru!]: 'ru', [parents.en!]: 'en' },
    }, 'staff:7')
    expect(queued).toMatchObject({ queued: { email: 2, sms: 1 }, excepted: 3, noContact: 1, notRequired: 0 })
    const emails = await queuedEmails(fx, 'kzk')
    expect(emails.map((e) => [e.to, e.language])).toEqual(expect.arrayContaining([['aliya@example.kz', 'kk'], ['irina@example.kz', 'ru']]))
    expect(emails.map((e) => e.to)).not.toContain('public@example.kz')
    expect(emails.find((e) => e.language === 'kk')!.text).toContain('дербес деректеріңізге қатысты оқиғаны анықтады')
    expect(emails.find((e) => e.language === 'ru')!.subjectLine).toContain('уведомление о нарушении безопасности')
    const sms = await queuedSms(fx, 'kzk')
    expect(sms).toEqual([expect.objectContaining({ subjectId: parents.en, phone: '+77015550102', language: 'en' })])
    expect(sms[0]!.text).toContain('an incident affecting your personal data')
    const rows = await fx.database.db.selectFrom('incident_subjects').select(['subject_id', 'notice_status', 'notice_reason']).where('incident_id', '=', id).execute()
    const status = Object.fromEntries(rows.map((r) => [r.subject_id, [r.notice_status, r.notice_reason]]))
    expect(status[parents.public!]).toEqual(['excepted', 'already_public'])
    expect(status[parents.thirdParty!]).toEqual(['excepted', 'received_from_third_party'])
    expect(status[parents.consented!]).toEqual(['excepted', 'disclosed_with_consent'])
    expect(status[parents.noContact!]![0]).toBe('no_contact')
    // Calling again settles nobody twice.
    expect(await queueSubjectNotices(fx.deps, 'kzk', id, {}, 'staff:7')).toMatchObject({ queued: { email: 0, sms: 0 }, excepted: 0, alreadySettled: 7 })
    const audited = await fx.database.db.selectFrom('audit_entries').select(['action', 'subject_id']).where('operator_id', '=', 'kzk').where('action', '=', 'incident_subject_notice').execute()
    expect(audited).toHaveLength(7)

    // Recording the notice sent on Tuesday stops the clock and is recorded late; the incident becomes notified.
    const sent = await fx.call(token, { method: 'POST', url: `/v1/operators/kzk/incidents/${id}/authority-notice`, payload: { channel: 'eotinish', reference: 'ЖТ-2026-000123' } })
    expect(sent.statusCode, sent.body).toBe(200)
    expect(sent.json()).toMatchObject({ status: 'notified', overdue: false, businessDaysLeft: null, authorityNotice: { channel: 'eotinish', late: true } })
    expect((await fx.call(token, { method: 'POST', url: `/v1/operators/kzk/incidents/${id}/authority-notice`, payload: { channel: 'email' } })).json().code).toBe('DERBES_INCIDENT_ALREADY_NOTIFIED')
    fx.setNow('2026-12-09T09:00:00+05:00')
    expect(await remindIncidents(fx.deps)).toEqual({ reminded: [], escalated: [] })
    const closed = await fx.call(token, { method: 'POST', url: `/v1/operators/kzk/incidents/${id}/status`, payload: { to: 'closed' } })
    expect(closed.json().status).toBe('closed')
    expect((await fx.call(token, { method: 'POST', url: `/v1/operators/kzk/incidents/${id}/status`, payload: { to: 'open' } })).json().code).toBe('DERBES_INCIDENT_STATUS_NOT_ALLOWED')
    expect((await fx.call(token, { method: 'GET', url: '/v1/operators/kzk/incidents' })).json().summary).toMatchObject({ overdue: 0, notifiedLate: 1 })

    // The timeline: every action, in order.
    const timeline = await fx.call(token, { method: 'GET', url: `/v1/operators/kzk/incidents/${id}/timeline` })
    expect(timeline.json().entries.map((e: { action: string }) => e.action)).toEqual([
      'registered', 'subjects_resolved', 'subjects_resolved', 'subjects_resolved', 'deadline_approaching', 'overdue',
      'subject_notices_queued', 'subject_notices_queued', 'authority_notified', 'status_changed', 'status_changed',
    ])
    expect(JSON.stringify(await incidentTimeline(fx.deps, 'kzk', id))).not.toContain('example.kz')
    const events = await fx.database.db.selectFrom('event_outbox').select('type').where('operator_id', '=', 'kzk').where('type', 'like', 'incident.%').orderBy('seq').execute()
    expect(events.map((e) => e.type)).toContain('incident.overdue')
    fx.setNow('2026-12-04T20:30:00+05:00')
  })

  it('routes: 401 without credentials, 403 for another operator’s key or without incidents:manage, 404 for another operator’s incident', async () => {
    const incident = await registerIncident(fx.deps, { operatorId: 'kzk', kind: 'destruction', description: 'backup wiped', reportedBy: 'staff:1' }, 'staff:1')
    const url = `/v1/operators/kzk/incidents/${incident.incidentId}`
    expect((await fx.call(undefined, { method: 'GET', url })).statusCode).toBe(401)
    const esp = await fx.token('esp', INCIDENT_PERMISSIONS)
    expect((await fx.call(esp, { method: 'GET', url })).statusCode).toBe(403)
    expect((await fx.call(esp, { method: 'GET', url: `/v1/operators/esp/incidents/${incident.incidentId}` })).statusCode).toBe(404)
    const reader = await fx.token('kzk', ['incidents:read'])
    expect((await fx.call(reader, { method: 'GET', url })).statusCode).toBe(200)
    expect((await fx.call(reader, { method: 'POST', url: `${url}/measures`, payload: { text: 'x' } })).statusCode).toBe(403)
    expect((await fx.call(await fx.token('kzk', ['requests:read']), { method: 'GET', url })).statusCode).toBe(403)
    await recordAuthorityNotice(fx.deps, 'kzk', incident.incidentId, { channel: 'letter' }, 'staff:1')
  })
})
