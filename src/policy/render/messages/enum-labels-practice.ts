import type {
  AccessAction, AccessBasis, AgeRules, CookieCategory, PurposeLock, BREACH_NOTICE_EXCEPTIONS, CHANGE_NOTICES, UNDER_AGE_ACTIONS,
} from '../../schema/index.ts'
import type { Localized } from './localized.ts'

// Enum labels for the operator's practice: cookie categories, breach exceptions, staff access, minors,
// purpose locks and how policy changes are announced.

export const COOKIE_CATEGORY_LABELS: Record<CookieCategory, Localized> = {
  necessary: { kk: 'Қажетті', ru: 'Необходимые', en: 'Necessary' },
  functional: { kk: 'Функционалдық', ru: 'Функциональные', en: 'Functional' },
  analytics: { kk: 'Аналитикалық', ru: 'Аналитические', en: 'Analytics' },
  marketing: { kk: 'Маркетингтік', ru: 'Маркетинговые', en: 'Marketing' },
}

export const BREACH_EXCEPTION_LABELS: Record<(typeof BREACH_NOTICE_EXCEPTIONS)[number], Localized> = {
  already_public: { kk: 'жалпыға қолжетімді деректер', ru: 'общедоступных данных', en: 'data already public' },
  received_from_third_party: { kk: 'бұрын үшінші тұлғадан алынған деректер', ru: 'данных, ранее полученных от третьего лица', en: 'data received earlier from a third party' },
  disclosed_with_consent: { kk: 'субъектінің келісімімен ашылған деректер', ru: 'данных, раскрытых с согласия субъекта', en: 'data disclosed with the subject’s consent' },
}

export const ACCESS_BASIS_LABELS: Record<AccessBasis, Localized> = {
  job_duties: { kk: 'лауазымдық нұсқаулық', ru: 'должностная инструкция', en: 'the job description' },
  covering_by_memo: { kk: 'басқа қызметкерді уақытша алмастыру (қызметтік жазба бойынша)', ru: 'временное замещение другого работника (по служебной записке)', en: 'temporarily covering for another employee (by memo)' },
  management_order: { kk: 'басшылықтың ресми өкімі', ru: 'официальное распоряжение руководства', en: 'an official order of management' },
  assigned_task: { kk: 'бұйрықпен тапсырылған нақты тапсырма', ru: 'конкретное поручение, данное приказом', en: 'a specific task assigned by order' },
  contractor: { kk: 'шарт бойынша тартылған үшінші тұлға', ru: 'третье лицо, привлечённое по договору', en: 'a third party engaged by contract' },
}

export const ACCESS_ACTION_LABELS: Record<AccessAction, Localized> = {
  read: { kk: 'оқу', ru: 'чтение', en: 'read' },
  write: { kk: 'өзгерту', ru: 'изменение', en: 'write' },
  export: { kk: 'экспорттау', ru: 'выгрузка', en: 'export' },
  block: { kk: 'бұғаттау', ru: 'блокирование', en: 'block' },
  destroy: { kk: 'жою', ru: 'уничтожение', en: 'destroy' },
}

export const UNDER_AGE_ACTION_LABELS: Record<(typeof UNDER_AGE_ACTIONS)[number], Localized> = {
  delete_asap: { kk: 'мүмкіндігінше тез жойылады', ru: 'удаляются в кратчайший срок', en: 'deleted as soon as possible' },
  parental_consent: { kk: 'ата-ананың немесе заңды өкілдің келісімі қажет', ru: 'требуется согласие родителя или законного представителя', en: 'a parent’s or legal representative’s consent is required' },
  reject: { kk: 'қабылданбайды', ru: 'не принимаются', en: 'not accepted' },
}

export const AGE_CONSENT_BY_LABELS: Record<NonNullable<AgeRules['consentBy']>[number], Localized> = {
  parent: { kk: 'ата-ана', ru: 'родитель', en: 'a parent' },
  guardian: { kk: 'қорғаншы', ru: 'опекун', en: 'a guardian' },
  legal_representative: { kk: 'заңды өкіл', ru: 'законный представитель', en: 'a legal representative' },
}

export const PURPOSE_LOCK_OTHER_USE_LABELS: Record<PurposeLock['otherUse'], Localized> = {
  forbidden: { kk: 'Кез келген басқа мақсатта пайдалануға тыйым салынады.', ru: 'Любое другое использование запрещено.', en: 'Any other use is forbidden.' },
  additional_parental_consent: {
    kk: 'Басқа мақсатта пайдалану үшін ата-ананың немесе заңды өкілдің қосымша келісімі қажет.',
    ru: 'Для любого другого использования нужно дополнительное согласие родителя или законного представителя.',
    en: 'Any other use needs a further consent of the parent or legal representative.',
  },
}

export const CHANGE_NOTICE_LABELS: Record<(typeof CHANGE_NOTICES)[number], Localized> = {
  none: { kk: 'Алдын ала хабарламай өзгертіледі; қолданыстағы редакция әрқашан жарияланып тұрады', ru: 'Изменяется без предварительного уведомления; действующая редакция всегда опубликована', en: 'Changed without prior notice; the current version is always published' },
  publication: { kk: 'Жарияланған сәттен бастап күшіне енеді', ru: 'Вступает в силу с момента публикации', en: 'Takes effect when published' },
  notify_subjects: { kk: 'Субъектілерге өзгерістер туралы хабарланады', ru: 'Субъекты уведомляются об изменениях', en: 'Subjects are told of changes' },
}
