import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { openPortalFixture, phone, type PortalFixture } from './portal-test-kit.ts'

describe.each(TEST_DATABASES)('portal: my data, on $name', (target) => {
  let fx: PortalFixture
  beforeAll(async () => {
    fx = await openPortalFixture(target)
  })
  afterAll(() => fx.close())

  const auditOf = async (subjectId: string) =>
    fx.database.db.selectFrom('audit_entries').select(['action', 'actor', 'basis', 'details']).where('operator_id', '=', 'kzk').where('subject_id', '=', subjectId).where('action', '=', 'view').orderBy('seq').execute()

  it("art. 24(1): the subject sees every value the vault holds of it, decrypted, named in kk/ru/en; audited as the subject's own view", async () => {
    const subjectId = await fx.subject('kzk', {
      kind: 'parent',
      birthDate: '1985-04-04',
      identifiers: [{ kind: 'phone', value: phone(301) }],
      data: [
        { itemId: 'user-name', value: 'Әсел Нұрғалиқызы', source: 'subject', purposes: ['identification'] },
        { itemId: 'phone', value: phone(301), source: 'subject', purposes: ['identification'] },
      ],
    })
    const token = await fx.signIn('kzk', subjectId, phone(301))
    const res = await fx.asSubject(token, { method: 'GET', url: '/v1/operators/kzk/portal/data' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ subjectId })
    const values = res.json().values
    expect(values.map((v: { itemId: string; value: string }) => [v.itemId, v.value])).toEqual([['phone', phone(301)], ['user-name', 'Әсел Нұрғалиқызы']])
    expect(values[1].itemName).toEqual({ kk: 'Пайдаланушы аты', ru: 'Имя пользователя', en: "User's name" })
    expect(values[1].purposes[0]).toMatchObject({ purposeId: 'identification' })
    const [entry] = await auditOf(subjectId)
    expect(entry).toMatchObject({ actor: `subject:${subjectId}`, basis: null, details: { via: 'portal', reader: 'subject', items: [{ itemId: 'phone', valueNo: 0 }, { itemId: 'user-name', valueNo: 0 }] } })
    expect(JSON.stringify(entry)).not.toContain('Әсел')
  })

  it("KZK-1.13: a parent sees the child's data, audited with the parent as reader; another subject's data is refused", async () => {
    const parent = await fx.subject('kzk', { kind: 'parent', birthDate: '1985-04-04', identifiers: [{ kind: 'phone', value: phone(302) }] })
    const child = await fx.subject('kzk', { kind: 'child', birthDate: '2016-05-05', data: [{ itemId: 'child-full-name', value: 'Нұрлан Асқарұлы', source: 'representative', purposes: ['identification'] }] })
    await fx.representative({ operatorId: 'kzk', subjectId: child, representativeId: parent, relation: 'parent' })
    const stranger = await fx.subject('kzk', { kind: 'parent', birthDate: '1990-01-01', identifiers: [{ kind: 'phone', value: phone(303) }] })

    const token = await fx.signIn('kzk', parent, phone(302))
    const res = await fx.asSubject(token, { method: 'GET', url: `/v1/operators/kzk/portal/data?onBehalfOf=${child}` })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().values.map((v: { value: string }) => v.value)).toEqual(['Нұрлан Асқарұлы'])
    expect((await auditOf(child))[0]).toMatchObject({ actor: `subject:${parent}`, details: { reader: 'representative', representativeId: parent, relation: 'parent' } })

    const strangerToken = await fx.signIn('kzk', stranger, phone(303))
    const refused = await fx.asSubject(strangerToken, { method: 'GET', url: `/v1/operators/kzk/portal/data?onBehalfOf=${child}` })
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({ code: 'DERBES_PORTAL_NOT_REPRESENTATIVE', errors: [{ pointer: '/querystring/onBehalfOf' }] })
    expect(await auditOf(child)).toHaveLength(1)
    const own = await fx.asSubject(strangerToken, { method: 'GET', url: '/v1/operators/kzk/portal/data' })
    expect(own.json().values).toEqual([])
  })
})
