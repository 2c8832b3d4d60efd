/**
 * Fulfilment of data subject requests (issue 4 items 5–6): tasks planned by
 * kind across the vault, the consent ledger, the operator's connected
 * systems, the recipients that received the data and staff; run stage by
 * stage with retries that never lose a task; the answer composed, kept
 * sealed and delivered when every task is done.
 */
export { planFulfilment, type PlannedTask } from './plan-fulfilment.ts'
export { planTasks, RESPONSIBLE_PERSON, type TaskPlan, type PlanningFacts } from './plan-tasks.ts'
export { runFulfilmentOnce, type FulfilmentRun } from './run-fulfilment-once.ts'
export { startFulfilmentJob } from './start-fulfilment-job.ts'
export { answerRequest } from './answer-request.ts'
export { completeManualTask, retryTask, type ManualCompletion, type TaskRef } from './staff-task-actions.ts'
export { listTasks } from './task-view.ts'
export { getAnswerMeta, answerPdf, accessExport, type AnswerMeta } from './read-answer.ts'
export { fulfilmentRoutes } from './fulfilment-routes.ts'
export { FULFILMENT_DEFAULTS, type FulfilmentDeps, type FulfilmentSettings } from './fulfilment-deps.ts'
export { taskStage } from './task-stage.ts'
export type { FulfilmentTables, RequestAnswersTable } from './fulfilment-tables.ts'
