// Test support for the fulfilment suites: the requests fixture (seed operators, an app and deps on one
// settable clock) plus the runner, the requests' tasks, answers and trail, and a TW policy with a recipient.
import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import type { TestDatabase } from '../../db/test-databases.ts'
import { approvePolicyVersion, publishPolicyVersion, uploadPolicyVersion } from '../../operators/index.ts'
import { openRequestsFixture, type RequestsFixture } from '../requests-test-kit.ts'
import { submitRequest, type SubmitRequestInput } from '../submit-request.ts'
import type { FulfilmentDeps } from './fulfilment-deps.ts'
import { runFulfilmentOnce, type FulfilmentRun } from './run-fulfilment-once.ts'
import { taskStageSql } from './task-stage.ts'

export interface FulfilmentFixture extends RequestsFixture {
  fulfilment: FulfilmentDeps
  /** Registers a request through intake (staff actor), returning its id and state. */
  submit(input: SubmitRequestInput): Promise<{ requestId: string; state: string; dueAt: string }>
  /** Runs the runner until a run changes nothing (at most 5 runs); returns every run. */
  fulfil(): Promise<FulfilmentRun[]>
  request(operatorId: string, requestId: string): Promise<{ state: string; answered_at: Date | null; due_at: Date; refusal: unknown }>
  tasks(operatorId: string, requestId: string): Promise<{ task_id: string; target: string; target_id: string | null; action: string; state: string; attempts: number; last_error: string | null; result: Record<string, unknown> | null; result_sealed: string | null; next_attempt_at: Date | null }[]>
  /** The request's audit actions and event types, in order. */
  trail(operatorId: string, requestId: string): Promise<{ audit: { action: string; details: Record<string, unknown> }[]; events: { type: string; data: Record<string, unknown> }[] }>
  /** Publishes a version of TW's policy with a processor recipient (TW's own lists none) for TW-9.4. */
  publishTwWithRecipient(): Promise<void>
}

export async function openFulfilmentFixture(target: TestDatabase, start?: string): Promise<FulfilmentFixture> {
  const fx = await openRequestsFixture(target, start)
  const fulfilment: FulfilmentDeps = { db: fx.deps.db, clock: fx.deps.clock, keys: fx.deps.keys, calendar: fx.deps.calendar }
  const quiet = (run: FulfilmentRun) => run.planned + run.done + run.retrying + run.failed + run.answered + run.refusalsSent === 0
  return {
    ...fx,
    fulfilment,
    async submit(input) {
      const detail = await submitRequest(fx.deps, input, 'staff:test')
      return { requestId: detail.requestId, state: detail.state, dueAt: detail.dueAt }
    },
    async fulfil() {
      const runs: FulfilmentRun[] = []
      for (let i = 0; i < 5; i++) {
        const run = await runFulfilmentOnce(fulfilment)
        runs.push(run)
        if (run.errors.length > 0) throw new Error(`fulfilment errors: ${JSON.stringify(run.errors)}`)
        if (quiet(run)) break
      }
      return runs
    },
    request: (operatorId, requestId) =>
      fx.deps.db.selectFrom('requests').select(['state', 'answered_at', 'due_at', 'refusal']).where('operator_id', '=', operatorId).where('request_id', '=', requestId).executeTakeFirstOrThrow(),
    tasks: (operatorId, requestId) =>
      fx.deps.db
        .selectFrom('request_tasks')
        .select(['task_id', 'target', 'target_id', 'action', 'state', 'attempts', 'last_error', 'result', 'result_sealed', 'next_attempt_at'])
        .where('operator_id', '=', operatorId)
        .where('request_id', '=', requestId)
        .orderBy('created_at')
        .orderBy(sql`${taskStageSql('request_tasks')}`)
        .orderBy('target')
        .orderBy('target_id')
        .execute(),
    async trail(operatorId, requestId) {
      const mine = (details: unknown) => (details as { requestId?: string } | null)?.requestId === requestId
      const audit = await fx.deps.db.selectFrom('audit_entries').select(['action', 'details']).where('operator_id', '=', operatorId).orderBy('seq').execute()
      const events = await fx.deps.db.selectFrom('event_outbox').select(['type', 'data']).where('operator_id', '=', operatorId).orderBy('seq').execute()
      return {
        audit: audit.filter((a) => mine(a.details)).map((a) => ({ action: a.action, details: a.details as Record<string, unknown> })),
        events: events.filter((e) => mine(e.data)).map((e) => ({ type: e.type, data: e.data as Record<string, unknown> })),
      }
    },
    async publishTwWithRecipient() {
      const source = readFileSync(new URL('../../../policies/tw.yaml', import.meta.url), 'utf8')
        .replace('id: "2025-1"', 'id: "2026-t1"')
        .replace(
          'recipients: []',
          [
            'recipients:',
            '  - id: mailing-service',
            '    name: { kk: "Хат тарату қызметі", ru: "Сервис рассылок", en: "Mailing service" }',
            '    role: processor',
            '    country: KZ',
            '    purposes: [communication, newsletters]',
          ].join('\n'),
        )
      if (!source.includes('mailing-service') || !source.includes('2026-t1')) throw new Error('policies/tw.yaml changed: the test edit no longer applies')
      const deps = { db: fx.deps.db, clock: fx.deps.clock }
      const version = await uploadPolicyVersion(deps, { source, format: 'yaml', uploadedBy: 'test', operatorId: 'tw' })
      await approvePolicyVersion(deps, 'tw', version.versionId, { approvedBy: 'test', order: 'test order 1' })
      await publishPolicyVersion(deps, 'tw', version.versionId, 'test')
    },
  }
}
