import { describe, expect, it } from 'vitest'
import { seedPolicy } from '../requests-test-kit.ts'
import { planTasks, RESPONSIBLE_PERSON, type PlanningFacts } from './plan-tasks.ts'
import { taskStage } from './task-stage.ts'

const ttc = seedPolicy('ttc')
const esp = seedPolicy('esp')

const SYSTEMS: PlanningFacts['systems'] = [
  { systemId: 'billing', kind: 'postgres', items: ['contact-phones', 'full-name'] },
  { systemId: 'archive', kind: 'manual', items: ['full-name'] },
  { systemId: 'web-logs', kind: 'mysql', items: [] },
]

function facts(overrides: Partial<PlanningFacts>): PlanningFacts {
  return { kind: 'information', scope: {}, policy: ttc, vaultHeld: true, systems: SYSTEMS, consentsInForce: [], recipients: [], ...overrides }
}
const show = (plans: ReturnType<typeof planTasks>) => plans.map((p) => `${p.target}:${p.targetId ?? ''}:${p.action}${p.assignedTo ? `@${p.assignedTo}` : ''}`)

describe('planTasks', () => {
  it('ESP-3: access exports the vault and every system that maps items; a paper archive is a staff task for the responsible person (art. 25(3))', () => {
    expect(show(planTasks(facts({ kind: 'access' })))).toEqual(['vault::export', 'system:billing:export', `manual:archive:export@${RESPONSIBLE_PERSON}`])
  })

  it('TW-9.3, TW-9.4: a correction goes to the vault and to the systems holding the items it names, then to each recipient', () => {
    expect(show(planTasks(facts({ kind: 'rectify', scope: { items: ['contact-phones'] }, recipients: ['partners'] })))).toEqual([
      'vault::rectify',
      'system:billing:rectify',
      'recipients:partners:notify',
    ])
  })

  it('TTC-9.3: a whole withdrawal of a form whose consequence is account deletion withdraws, then deletes everywhere and tells the recipients', () => {
    const consentsInForce = [{ formId: 'app-2', purposeId: 'marketing', channel: 'sms' }, { formId: 'app-2', purposeId: 'registration', channel: '' }]
    expect(show(planTasks(facts({ kind: 'withdraw_consent', scope: { formId: 'app-2', whole: true }, consentsInForce, recipients: ['partners'] })))).toEqual([
      'ledger:app-2:withdraw_consent',
      'vault::delete',
      'system:billing:delete',
      `manual:archive:delete@${RESPONSIBLE_PERSON}`,
      'recipients:partners:notify',
    ])
  })

  it('TTC-9.4: a withdrawal per purpose or per channel touches the ledger only; a form with nothing in force gets no task', () => {
    const consentsInForce = [{ formId: 'app-2', purposeId: 'marketing', channel: 'sms' }, { formId: 'app-2', purposeId: 'marketing', channel: 'email' }]
    expect(show(planTasks(facts({ kind: 'withdraw_consent', scope: { channels: { marketing: ['sms'] } }, consentsInForce })))).toEqual(['ledger:app-2:withdraw_consent'])
    expect(show(planTasks(facts({ kind: 'withdraw_consent', scope: { purposes: ['registration'] }, consentsInForce })))).toEqual([])
  })

  it('ESP-6: a marketing opt-out withdraws only the forms whose marketing purposes are in force', () => {
    const consentsInForce = [{ formId: 'app-1', purposeId: 'loyalty', channel: '' }, { formId: 'marketing-messages', purposeId: 'advertising', channel: 'sms' }]
    expect(show(planTasks(facts({ kind: 'marketing_opt_out', policy: esp, consentsInForce })))).toEqual(['ledger:marketing-messages:withdraw_consent'])
  })

  it('TW-9.6: stopping unlawful processing blocks, withdraws the purposes named, and tells the recipients', () => {
    const consentsInForce = [{ formId: 'app-2', purposeId: 'marketing', channel: 'sms' }]
    expect(show(planTasks(facts({ kind: 'stop_unlawful_processing', recipients: ['partners'] })))).toEqual(['vault::block', 'recipients:partners:notify'])
    expect(show(planTasks(facts({ kind: 'stop_unlawful_processing', scope: { purposes: ['marketing'] }, consentsInForce })))).toEqual(['ledger:app-2:stop_processing', 'vault::block'])
  })

  it('PS-7.1, art. 25(2)(8): anonymise and destroy run in the systems and the vault; block and unblock in the vault only; unblocking tells no one', () => {
    expect(show(planTasks(facts({ kind: 'anonymise' })))).toEqual(['vault::anonymise', 'system:billing:anonymise', `manual:archive:anonymise@${RESPONSIBLE_PERSON}`])
    expect(show(planTasks(facts({ kind: 'destroy_unlawful', recipients: ['partners'] }))).at(-1)).toBe('recipients:partners:notify')
    expect(show(planTasks(facts({ kind: 'block', recipients: ['partners'] })))).toEqual(['vault::block', 'recipients:partners:notify'])
    expect(show(planTasks(facts({ kind: 'unblock', recipients: ['partners'] })))).toEqual(['vault::unblock'])
  })

  it('a vault that no longer holds the subject gets no task; the systems still do', () => {
    expect(show(planTasks(facts({ kind: 'destroy_unlawful', vaultHeld: false })))).toEqual(['system:billing:delete', `manual:archive:delete@${RESPONSIBLE_PERSON}`])
  })

  it('ESP-9, art. 19-1: information and an objection are answered from the policy; KZK-7.1: a complaint is a staff reply; art. 6: removal from public sources is staff work', () => {
    expect(planTasks(facts({ kind: 'information' }))).toEqual([])
    expect(planTasks(facts({ kind: 'automated_decision_objection' }))).toEqual([])
    expect(show(planTasks(facts({ kind: 'complaint' })))).toEqual([`manual:complaint-reply:notify@${RESPONSIBLE_PERSON}`])
    expect(show(planTasks(facts({ kind: 'remove_published' })))).toEqual([`manual:public-sources:delete@${RESPONSIBLE_PERSON}`])
  })
})

describe('taskStage', () => {
  it('TTC-9.1, TW-9.4: the ledger first, the work next, the vault’s erasure after the systems found their rows, the recipients last', () => {
    expect(taskStage('ledger', 'withdraw_consent')).toBeLessThan(taskStage('system', 'delete'))
    expect(taskStage('manual', 'delete')).toBeLessThan(taskStage('vault', 'delete'))
    expect(taskStage('system', 'delete')).toBeLessThan(taskStage('vault', 'delete'))
    expect(taskStage('vault', 'anonymise')).toBeLessThan(taskStage('recipients', 'notify'))
    expect(taskStage('vault', 'block')).toBe(taskStage('system', 'export'))
  })
})
