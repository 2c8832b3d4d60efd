import type { Config } from '../config/index.ts'
import { DerbesError } from '../errors/index.ts'
import { LANGUAGES, type Language } from '../policy/index.ts'

/** The installation's settings for requests (`src/config/`), passed in rather than read globally. */
export interface RequestSettings {
  /**
   * Working days to answer a kind neither the policy nor the law gives a
   * deadline: information and access where the policy is silent (law.md:
   * "not in the law … [U] configurable"), complaints for most seeds. 15 is a
   * default an operator may change, not a confirmed rule.
   */
  defaultDeadlineDays: number
  /** How many business days before its due date a request is reminded (`request.due_soon`) and listed as `due=soon`. */
  reminderLeadDays: number
  /**
   * The language the responsible person is told of deadlines in, per
   * operator (`byOperator`) or for all (`default`): the operator's working
   * language, which its policy does not record. Kazakh, the state language,
   * when not configured.
   */
  noticeLanguage: { default: Language; byOperator: Readonly<Record<string, Language>> }
}

export const DEFAULT_REQUEST_SETTINGS: Readonly<RequestSettings> = Object.freeze({ defaultDeadlineDays: 15, reminderLeadDays: 1, noticeLanguage: { default: 'kk' as const, byOperator: {} } })

/** The language of an operator's deadline notices. */
export function noticeLanguageOf(settings: Pick<RequestSettings, 'noticeLanguage'>, operatorId: string): Language {
  const { noticeLanguage } = settings
  return noticeLanguage?.byOperator[operatorId] ?? noticeLanguage?.default ?? 'kk'
}

/**
 * Reads `requestNoticeLanguage`: `ru` (every operator), or entries separated
 * by commas, `operator=language`, with at most one bare language as the
 * default — `tw=ru,esp=kk,kk`.
 *
 * @example
 * parseNoticeLanguage('tw=ru,kk') // { default: 'kk', byOperator: { tw: 'ru' } }
 */
export function parseNoticeLanguage(spec: string | undefined): RequestSettings['noticeLanguage'] {
  const result: { default: Language; byOperator: Record<string, Language> } = { default: 'kk', byOperator: {} }
  if (!spec?.trim()) return result
  const isLanguage = (v: string): v is Language => (LANGUAGES as readonly string[]).includes(v)
  for (const entry of spec.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [operatorId, language] = entry.includes('=') ? entry.split('=').map((p) => p.trim()) : [undefined, entry]
    if (!language || !isLanguage(language) || (operatorId !== undefined && !/^[a-z][a-z0-9-]{0,63}$/.test(operatorId))) {
      throw new DerbesError('DERBES_CONFIG_INVALID', `requestNoticeLanguage: '${entry}' is not a language (kk, ru, en) or operator=language`, [
        { pointer: '/requestNoticeLanguage', detail: 'kk, ru or en, or operator=language entries separated by commas' },
      ])
    }
    if (operatorId === undefined) result.default = language
    else result.byOperator[operatorId] = language
  }
  return result
}

/**
 * The request settings of an installation's configuration, defaults filled in.
 *
 * @example
 * requestSettings(loadConfig({ env: process.env })) // { defaultDeadlineDays: 15, reminderLeadDays: 1, noticeLanguage: { default: 'kk', byOperator: {} } }
 */
export function requestSettings(config: Partial<Pick<Config, 'requestDefaultDeadlineDays' | 'requestReminderLeadDays' | 'requestNoticeLanguage'>> = {}): RequestSettings {
  return {
    defaultDeadlineDays: config.requestDefaultDeadlineDays ?? DEFAULT_REQUEST_SETTINGS.defaultDeadlineDays,
    reminderLeadDays: config.requestReminderLeadDays ?? DEFAULT_REQUEST_SETTINGS.reminderLeadDays,
    noticeLanguage: parseNoticeLanguage(config.requestNoticeLanguage),
  }
}
