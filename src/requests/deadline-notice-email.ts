import type { CompiledPolicy, Language } from '../policy/index.ts'
import { REQUEST_KIND_LABELS } from '../policy/render/index.ts'
import type { DeadlineNotice } from './remind-and-escalate.ts'
import { REQUEST_STATE_TEXTS, WAITING_FOR_TEXTS } from './request-texts.ts'

type Localized = Readonly<Record<Language, string>>

const TEXTS = {
  subjectLine: {
    kk: '{operator}: өтініштердің мерзімі — мерзімі өткені {overdue}, мерзімі жақыны {soon}',
    ru: '{operator}: сроки обращений — просрочено {overdue}, срок подходит {soon}',
    en: '{operator}: request deadlines — {overdue} overdue, {soon} due soon',
  },
  greeting: {
    kk: 'Дербес деректерді өңдеуді ұйымдастыруға жауапты тұлғаға (Заңның 25-бабының 3-тармағы).',
    ru: 'Лицу, ответственному за организацию обработки персональных данных (п. 3 ст. 25 Закона).',
    en: 'To the person responsible for organising personal-data processing (art. 25(3) of the Law).',
  },
  overdueHeading: {
    kk: 'Мерзімі өтті — жауап берілмеген өтініштер:',
    ru: 'Просрочены — обращения без ответа:',
    en: 'Overdue — requests not answered in time:',
  },
  soonHeading: {
    kk: 'Мерзімі жақындады:',
    ru: 'Срок подходит:',
    en: 'Due soon:',
  },
  line: {
    kk: '№ {reference} — {kind}; мерзімі {dueOn}; {left}; күйі: {state}{waiting}',
    ru: '№ {reference} — {kind}; срок {dueOn}; {left}; состояние: {state}{waiting}',
    en: '{reference} — {kind}; due {dueOn}; {left}; state: {state}{waiting}',
  },
  daysLeft: { kk: '{n} жұмыс күні қалды', ru: 'осталось рабочих дней: {n}', en: '{n} business day(s) left' },
  lastDay: { kk: 'бүгін соңғы күн', ru: 'сегодня последний день', en: 'today is the last day' },
  daysOver: { kk: '{n} жұмыс күні өтті', ru: 'просрочено рабочих дней: {n}', en: '{n} business day(s) overdue' },
  dueToday: { kk: 'мерзімі бүгін өтті', ru: 'срок истёк сегодня', en: 'due today and past its time' },
  footer: {
    kk: 'Хатта тек өтініштердің нөмірлері, түрлері мен мерзімдері бар; дербес деректер Derbes консолінде. Хат Derbes жүйесімен жіберілді.',
    ru: 'В письме только номера, виды и сроки обращений; персональные данные — в консоли Derbes. Письмо отправлено системой Derbes.',
    en: 'This message carries only references, kinds and due dates; the personal data stays in the Derbes console. Sent by Derbes.',
  },
} as const satisfies Record<string, Localized>

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`))

function leftText(notice: DeadlineNotice, language: Language): string {
  const n = notice.businessDaysLeft
  if (notice.type === 'overdue') return n < 0 ? fill(TEXTS.daysOver[language], { n: -n }) : TEXTS.dueToday[language]
  return n === 0 ? TEXTS.lastDay[language] : fill(TEXTS.daysLeft[language], { n })
}

function lineOf(notice: DeadlineNotice, language: Language): string {
  const waiting = notice.waitingFor
    .map((w) => (w === 'identity_proof' || w === 'authority' ? WAITING_FOR_TEXTS[w][language] : w))
    .join('; ')
  return fill(TEXTS.line[language], {
    reference: notice.reference,
    kind: REQUEST_KIND_LABELS[notice.kind][language],
    dueOn: notice.dueOn,
    left: leftText(notice, language),
    state: REQUEST_STATE_TEXTS[notice.state][language],
    waiting: waiting ? ` — ${waiting}` : '',
  })
}

/** Where the responsible person is told: the address the policy names for them, else the operator's published contact address. */
export function deadlineNoticeRecipient(policy: CompiledPolicy): { to: string; recipient: 'responsible_person' | 'operator_contact' } | undefined {
  const operator = policy.document.operator
  if (operator.responsiblePerson?.email) return { to: operator.responsiblePerson.email, recipient: 'responsible_person' }
  if (operator.contacts.email) return { to: operator.contacts.email, recipient: 'operator_contact' }
  return undefined
}

/**
 * The e-mail telling the operator's responsible person which requests are
 * overdue and which are due soon (issue 4 §3; art. 25(3): they control how
 * requests are handled), in `language`: per request its reference, kind,
 * due date, business days left or over, state and what it waits for — no
 * personal data (no name, contact or request text), so the mail may sit in
 * any inbox.
 *
 * @example
 * const { subjectLine, text } = deadlineNoticeEmail(policy, notices, 'ru')
 */
export function deadlineNoticeEmail(policy: CompiledPolicy, notices: readonly DeadlineNotice[], language: Language): { subjectLine: string; text: string } {
  const overdue = notices.filter((n) => n.type === 'overdue')
  const soon = notices.filter((n) => n.type === 'due_soon')
  const byDue = (a: DeadlineNotice, b: DeadlineNotice) => a.dueAt.localeCompare(b.dueAt) || a.reference.localeCompare(b.reference)
  const operator = policy.document.operator.name[language]
  const lines = [TEXTS.greeting[language], '']
  if (overdue.length > 0) lines.push(TEXTS.overdueHeading[language], ...[...overdue].sort(byDue).map((n) => `- ${lineOf(n, language)}`), '')
  if (soon.length > 0) lines.push(TEXTS.soonHeading[language], ...[...soon].sort(byDue).map((n) => `- ${lineOf(n, language)}`), '')
  lines.push(TEXTS.footer[language])
  // The subject line is one line of at most 300 characters (enqueueEmail): the operator's name is cut if it must be.
  const subjectLine = fill(TEXTS.subjectLine[language], { operator: operator.length > 150 ? `${operator.slice(0, 149)}…` : operator, overdue: overdue.length, soon: soon.length })
  return { subjectLine, text: lines.join('\n') }
}
