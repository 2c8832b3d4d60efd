import type { CompiledPolicy } from '../../policy/index.ts'
import type { SystemKind } from '../../systems/index.ts'
import type { SubjectRequestKind, TaskAction, TaskTarget } from '../request-kinds.ts'
import type { RequestScope } from './request-scope.ts'

/** One task to create. */
export interface TaskPlan {
  target: TaskTarget
  /** The consent form (ledger), system (system, manual) or recipient (recipients) the task is about. */
  targetId: string | null
  action: TaskAction
  /** Manual tasks: who is to do them. */
  assignedTo?: string
}

/** What the planner needs to know about the subject and the operator, read beforehand. */
export interface PlanningFacts {
  kind: SubjectRequestKind
  scope: RequestScope
  policy: CompiledPolicy
  /** The subject still has its data key: the vault holds its values. */
  vaultHeld: boolean
  /** The operator's connected systems and the policy items each maps. */
  systems: readonly { systemId: string; kind: SystemKind; items: readonly string[] }[]
  /** The subject's consents in force, per form, purpose and channel ('' when not per channel). */
  consentsInForce: readonly { formId: string; purposeId: string; channel: string }[]
  /** Recipients that received the subject's data: from the transfer log and the policy. */
  recipients: readonly string[]
}

/**
 * Manual tasks go to the operator's responsible person (art. 25(2)(10), (3):
 * organises processing and controls how requests are handled), who passes
 * them on to whoever keeps the paper archive or writes the reply.
 */
export const RESPONSIBLE_PERSON = 'responsible_person'

/** What the systems are asked to do for each kind of request; kinds absent here touch no system. */
const SYSTEM_ACTION: Partial<Record<SubjectRequestKind, TaskAction>> = {
  access: 'export',
  rectify: 'rectify',
  supplement: 'supplement',
  destroy_unlawful: 'delete',
  anonymise: 'anonymise',
}

/** Kinds after which the recipients of the data are told (TW-9.4, ESP-8): a correction, a block, a destruction, anonymisation. */
const TELL_RECIPIENTS: readonly SubjectRequestKind[] = ['rectify', 'supplement', 'block', 'destroy_unlawful', 'anonymise', 'stop_unlawful_processing']

function systemTasks(facts: PlanningFacts, action: TaskAction): TaskPlan[] {
  const wanted = facts.scope.items && (action === 'rectify' || action === 'supplement') ? new Set(facts.scope.items) : undefined
  return facts.systems
    .filter((s) => s.items.length > 0 && (wanted === undefined || s.items.some((i) => wanted.has(i))))
    .map((s) =>
      s.kind === 'manual'
        ? { target: 'manual', targetId: s.systemId, action, assignedTo: RESPONSIBLE_PERSON }
        : { target: 'system', targetId: s.systemId, action },
    )
}

/** The forms whose consents in force a withdrawal names: per form, the purposes and channels to withdraw. */
function formsToWithdraw(facts: PlanningFacts, onlyMarketing: boolean): string[] {
  const { scope, policy } = facts
  const purposes = scope.purposes ?? (scope.channels ? Object.keys(scope.channels) : undefined)
  const forms = new Set<string>()
  for (const row of facts.consentsInForce) {
    if (scope.formId !== undefined && row.formId !== scope.formId) continue
    if (purposes !== undefined && !purposes.includes(row.purposeId)) continue
    if (onlyMarketing && policy.purposes.get(row.purposeId)?.marketing !== true) continue
    const channels = scope.channels?.[row.purposeId]
    if (channels !== undefined && row.channel !== '' && !channels.includes(row.channel)) continue
    forms.add(row.formId)
  }
  return [...forms].sort()
}

/**
 * The tasks a request needs, by kind (issue 4 item 5), before anything runs:
 * - the vault: export (access), rectify, supplement, block, unblock,
 *   anonymise (PS-7.1), delete (destroy; TTC-9.3 deletes the account after a
 *   whole withdrawal) — only while it still holds the subject;
 * - the consent ledger: a withdrawal per form in force, whole or per purpose
 *   and channel (TTC-9.4), marketing only for an opt-out; stopping unlawful
 *   processing (TW-9.6) withdraws the purposes it names and blocks;
 * - each connected system mapping items of the request (manual systems — a
 *   paper archive — become staff tasks);
 * - after a correction, block, destruction or anonymisation, each recipient
 *   that received the data (TW-9.4, ESP-8);
 * - a complaint gets a staff task to write the reply (KZK-7.1), a removal
 *   from public sources one to remove it (art. 6); information and an
 *   objection to automated processing are answered from the policy alone.
 * Pure: the same facts give the same plan.
 *
 * @example
 * planTasks({ kind: 'rectify', scope: { items: ['phone'] }, policy, vaultHeld: true, systems, consentsInForce: [], recipients: ['hosting'] })
 * // [{ target: 'vault', action: 'rectify' }, { target: 'system', targetId: 'crm', action: 'rectify' }, { target: 'recipients', targetId: 'hosting', action: 'notify' }]
 */
export function planTasks(facts: PlanningFacts): TaskPlan[] {
  const tasks: TaskPlan[] = []
  const vault = (action: TaskAction) => {
    if (facts.vaultHeld) tasks.push({ target: 'vault', targetId: null, action })
  }
  const ledger = (forms: string[], action: TaskAction) => {
    for (const formId of forms) tasks.push({ target: 'ledger', targetId: formId, action })
  }
  let tellRecipients = TELL_RECIPIENTS.includes(facts.kind)
  switch (facts.kind) {
    case 'access':
    case 'rectify':
    case 'supplement':
    case 'anonymise':
    case 'destroy_unlawful': {
      const action = SYSTEM_ACTION[facts.kind]!
      vault(action)
      tasks.push(...systemTasks(facts, action))
      break
    }
    case 'block':
    case 'unblock':
      vault(facts.kind)
      break
    case 'stop_unlawful_processing':
      // TW-9.6, TW-2: stopping is blocking — a temporary stop of collection, use and distribution — and, for the purposes named, withdrawing.
      if (facts.scope.purposes !== undefined) ledger(formsToWithdraw(facts, false), 'stop_processing')
      vault('block')
      break
    case 'withdraw_consent': {
      const forms = formsToWithdraw(facts, false)
      ledger(forms, 'withdraw_consent')
      // TTC-9.3: on a whole withdrawal processing stops and the account and personal cabinet are deleted.
      const deletesAccount = facts.scope.purposes === undefined && facts.scope.channels === undefined &&
        forms.some((id) => facts.policy.consentForms.get(id)?.withdrawal.consequences?.includes('account_deleted'))
      if (deletesAccount) {
        vault('delete')
        tasks.push(...systemTasks(facts, 'delete'))
        tellRecipients = true
      }
      break
    }
    case 'marketing_opt_out':
      ledger(formsToWithdraw(facts, true), 'withdraw_consent')
      break
    case 'complaint':
      tasks.push({ target: 'manual', targetId: 'complaint-reply', action: 'notify', assignedTo: RESPONSIBLE_PERSON })
      break
    case 'remove_published':
      tasks.push({ target: 'manual', targetId: 'public-sources', action: 'delete', assignedTo: RESPONSIBLE_PERSON })
      break
    case 'information':
    case 'automated_decision_objection':
      break
  }
  if (tellRecipients) for (const recipientId of facts.recipients) tasks.push({ target: 'recipients', targetId: recipientId, action: 'notify' })
  return tasks
}
