import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { authorityNotice } from '../compose-authority-notice.ts'
import { FIXTURE_TIMEOUT_MS, INCIDENT_PERMISSIONS, openIncidentsFixture, type IncidentsFixture } from '../incidents-test-kit.ts'
import { listIncidents } from '../list-incidents.ts'
import { queueSubjectNotices } from '../queue-subject-notices.ts'
import { registerIncident } from '../register-incident.ts'
import { resolveIncidentSubjects } from '../resolve-subjects.ts'

// TTC, TW, ESP, PS: each operator's register and its art. 25(2)(8) deadline; none of their policies
// provides for telling subjects individually (no `breach` section), so each subject records why none went.
describe.each(TEST_DATABASES)('TTC, TW, ESP, PS breach registers on $name', (target) => {
  let fx: IncidentsFixture
  beforeAll(async () => {
    // Friday 20 March 2026, 15:00 Almaty — the eve of Nauryz (21–25 March off).
    fx = await openIncidentsFixture(target, '2026-03-20T15:00:00+05:00', ['ttc', 'tw', 'esp', 'ps'])
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  const cases = [
    { operatorId: 'ttc', kind: 'subscriber', category: 'identification-contact', item: 'email', value: 'abonent@example.kz' },
    { operatorId: 'tw', kind: 'user', category: 'registration', item: 'email', value: 'member@example.kz' },
    { operatorId: 'esp', kind: 'client', category: 'contact', item: 'email', value: 'client@example.kz' },
    { operatorId: 'ps', kind: 'client', category: 'contacts', item: 'email', value: 'hosting@example.kz' },
  ] as const

  for (const c of cases) {
    it(`art. 25(2)(8) for ${c.operatorId.toUpperCase()}: found on the eve of Nauryz, due Thursday 26 March; no subject notice, each subject says why`, async () => {
      const purpose = (await fx.database.db.selectFrom('policy_versions').select('document').where('operator_id', '=', c.operatorId).executeTakeFirstOrThrow()).document as {
        purposes: { id: string; categories: string[] }[]
      }
      const purposeId = purpose.purposes.find((p) => p.categories.includes(c.category))!.id
      const subjectId = await fx.subject(c.operatorId, { kind: c.kind, data: [{ itemId: c.item, value: c.value, source: 'subject', purposes: [purposeId] }] })
      const incident = await registerIncident(fx.deps, {
        operatorId: c.operatorId, kind: 'unlawful_distribution', description: 'a mailing list was sent in the open', discoveredAt: '2026-03-20T14:00:00+05:00',
        reportedBy: 'staff:1', categories: [c.category],
      }, 'staff:1')
      expect(incident).toMatchObject({ reference: `${c.operatorId.toUpperCase()}-INC-2026-0001`, dueOn: '2026-03-26', status: 'open', dueBasis: { rule: 'law', article: 'art. 25(2)(8)' } })
      expect(await resolveIncidentSubjects(fx.deps, c.operatorId, incident.incidentId, { categories: [c.category] }, 'staff:1')).toMatchObject({ subjectCount: 1 })

      const notices = await queueSubjectNotices(fx.deps, c.operatorId, incident.incidentId, {}, 'staff:1')
      expect(notices).toMatchObject({ queued: { email: 0, sms: 0 }, notRequired: 1 })
      const row = await fx.database.db.selectFrom('incident_subjects').select(['notice_status', 'notice_reason']).where('operator_id', '=', c.operatorId).where('subject_id', '=', subjectId).executeTakeFirstOrThrow()
      expect(row).toEqual({ notice_status: 'not_required', notice_reason: 'the policy has no breach section: it does not provide for notifying subjects' })
      expect(await fx.database.db.selectFrom('email_outbox').select('message_id').where('operator_id', '=', c.operatorId).execute()).toEqual([])

      // The notice still goes to the authorised body; the responsible person's contacts are gaps where neither incident nor policy gives them.
      const notice = await authorityNotice(fx.deps, c.operatorId, incident.incidentId, 'ru')
      expect(notice.text).toContain('неправомерное распространение персональных данных')
      expect(notice.gaps).toContain('responsiblePerson.name')

      fx.setNow('2026-03-27T09:00:00+05:00')
      const register = await listIncidents(fx.deps, c.operatorId, { overdue: true })
      expect(register.incidents.map((i) => i.reference)).toEqual([incident.reference])
      expect(register.summary).toMatchObject({ overdue: 1, awaitingNotice: 1 })
      fx.setNow('2026-03-20T15:00:00+05:00')
    })
  }

  it('the data map selects subjects: those holding an item a given system holds (TTC)', async () => {
    const token = await fx.token('ttc', [...INCIDENT_PERMISSIONS, 'systems:manage'])
    const system = await fx.call(token, {
      method: 'POST', url: '/v1/operators/ttc/systems',
      payload: { systemId: 'billing', name: 'Billing', kind: 'manual', connection: {}, tables: [{ name: 'customers', columns: [{ name: 'phone', itemId: 'contact-phones', identifies: 'phone' }] }] },
    })
    expect(system.statusCode, system.body).toBeLessThan(300)
    const withPhone = await fx.subject('ttc', { kind: 'subscriber', data: [{ itemId: 'contact-phones', value: '+77015550199', source: 'subject', purposes: ['contract'] }] })
    const incident = await registerIncident(fx.deps, { operatorId: 'ttc', kind: 'change', description: 'billing rows altered', reportedBy: 'staff:1', systems: [{ systemId: 'billing' }] }, 'staff:1')
    expect(await resolveIncidentSubjects(fx.deps, 'ttc', incident.incidentId, { systems: ['billing'] }, 'staff:1')).toMatchObject({ added: 1, subjectCount: 1 })
    const ids = (await fx.database.db.selectFrom('incident_subjects').select('subject_id').where('incident_id', '=', incident.incidentId).execute()).map((r) => r.subject_id)
    expect(ids).toEqual([withPhone])
    await expect(resolveIncidentSubjects(fx.deps, 'ttc', incident.incidentId, { systems: ['nope'] }, 'staff:1')).rejects.toMatchObject({ code: 'DERBES_INCIDENT_CONTENT_INVALID' })
  })
})
