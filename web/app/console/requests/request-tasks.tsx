import { useState, type FormEvent } from 'react'
import { useLanguage, useTexts, type Localized } from '../../i18n/language.tsx'
import { fileSha256 } from '../../ui/file-hash.ts'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useAction } from '../../ui/use-action.ts'
import { useConsoleSession } from '../session.tsx'

export interface RequestTask { taskId: string; target: string; targetId: string | null; action: string; state: string; attempts: number; lastError: string | null }

const TEXTS = {
  title: { kk: 'Тапсырмалар', ru: 'Задачи', en: 'Tasks' },
  none: { kk: 'Тапсырмалар жоқ.', ru: 'Задач нет.', en: 'No tasks.' },
  attempts: { kk: 'әрекет', ru: 'попыток', en: 'attempts' },
  retry: { kk: 'Қайта іске қосу', ru: 'Повторить', en: 'Retry' },
  complete: { kk: 'Орындалды деп белгілеу', ru: 'Отметить выполненной', en: 'Mark as done' },
  note: { kk: 'Не істелді', ru: 'Что сделано', en: 'What was done' },
  evidence: { kk: 'Дәлел (акт, хаттың сканы) — тек хэші сақталады', ru: 'Подтверждение (акт, скан письма) — хранится только хэш', en: 'Evidence (an act, a letter’s scan) — only its hash is kept' },
}

const TARGET_TEXTS: Record<string, Localized> = {
  vault: { kk: 'Derbes қоймасы', ru: 'Хранилище Derbes', en: 'Derbes vault' },
  ledger: { kk: 'Келісімдер журналы', ru: 'Журнал согласий', en: 'Consent ledger' },
  system: { kk: 'Жүйе', ru: 'Система', en: 'System' },
  recipients: { kk: 'Алушылар', ru: 'Получатели', en: 'Recipients' },
  manual: { kk: 'Қолмен орындалатын', ru: 'Вручную', en: 'Manual' },
}

const TASK_STATE_TEXTS: Record<string, Localized> = {
  pending: { kk: 'күтуде', ru: 'ожидает', en: 'pending' },
  running: { kk: 'орындалуда', ru: 'выполняется', en: 'running' },
  done: { kk: 'орындалды', ru: 'выполнена', en: 'done' },
  failed: { kk: 'сәтсіз', ru: 'ошибка', en: 'failed' },
  cancelled: { kk: 'тоқтатылды', ru: 'отменена', en: 'cancelled' },
}

/**
 * A request's fulfilment tasks (issue 4 §5): staff record a manual task (a
 * paper archive) as done with the evidence's hash, and put a task that failed
 * for good back in the queue once what stopped it is fixed.
 */
export function RequestTasks({ requestId, tasks, onDone }: { requestId: string; tasks: RequestTask[]; onDone(): void }) {
  const { call, can } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const action = useAction(onDone)
  const manage = can('requests:manage')
  const path = (task: RequestTask, verb: string) => `/requests/${encodeURIComponent(requestId)}/tasks/${encodeURIComponent(task.taskId)}/${verb}`
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t.title}</h2>
      <ProblemNotice error={action.error} />
      {tasks.length === 0 ? <p className="muted">{t.none}</p> : null}
      <ul>
        {tasks.map((task) => (
          <li key={task.taskId} data-testid="request-task">
            {TARGET_TEXTS[task.target]?.[language] ?? task.target}{task.targetId ? ` ${task.targetId}` : ''}: {task.action} —{' '}
            <span className={task.state === 'failed' ? 'badge overdue' : task.state === 'done' ? 'badge ok' : 'badge'}>{TASK_STATE_TEXTS[task.state]?.[language] ?? task.state}</span>
            {task.attempts > 1 ? <span className="muted"> ({task.attempts} {t.attempts})</span> : null}
            {task.lastError ? <div className="muted">{task.lastError}</div> : null}
            {manage && task.state === 'failed' ? (
              <div className="actions"><button type="button" className="secondary" disabled={action.busy} onClick={() => void action.run(() => call(path(task, 'retry'), { method: 'POST' }))}>{t.retry}</button></div>
            ) : null}
            {manage && task.target === 'manual' && task.state === 'pending' ? (
              <CompleteManualTask taskId={task.taskId} busy={action.busy} onComplete={(body) => action.run(() => call(path(task, 'complete'), { body }))} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

function CompleteManualTask({ taskId, busy, onComplete }: { taskId: string; busy: boolean; onComplete(body: { note?: string; evidenceSha256?: string }): Promise<void> }) {
  const t = useTexts(TEXTS)
  const [note, setNote] = useState('')
  const [evidence, setEvidence] = useState<File | null>(null)
  async function complete(event: FormEvent) {
    event.preventDefault()
    await onComplete({ ...(note.trim() ? { note: note.trim() } : {}), ...(evidence ? { evidenceSha256: await fileSha256(evidence) } : {}) })
  }
  return (
    <form onSubmit={(e) => void complete(e)}>
      <label htmlFor={`task-note-${taskId}`}>{t.note}</label>
      <input id={`task-note-${taskId}`} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      <label htmlFor={`task-evidence-${taskId}`}>{t.evidence}</label>
      <input id={`task-evidence-${taskId}`} type="file" onChange={(e) => setEvidence(e.target.files?.[0] ?? null)} />
      <div className="actions"><button type="submit" disabled={busy}>{t.complete}</button></div>
    </form>
  )
}
