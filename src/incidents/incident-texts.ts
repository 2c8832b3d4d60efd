import type { Language } from '../policy/index.ts'
import type { IncidentKind } from './incident-kinds.ts'

type Localized = Record<Language, string>

/** Art. 1(15-1): what happened, as the notices say it. */
export const INCIDENT_KIND_TEXTS: Record<IncidentKind, Localized> = {
  unlawful_distribution: { kk: 'дербес деректердің заңсыз таратылуы', ru: 'неправомерное распространение персональных данных', en: 'unlawful distribution of personal data' },
  change: { kk: 'дербес деректердің заңсыз өзгертілуі', ru: 'неправомерное изменение персональных данных', en: 'unlawful change of personal data' },
  destruction: { kk: 'дербес деректердің заңсыз жойылуы', ru: 'неправомерное уничтожение персональных данных', en: 'unlawful destruction of personal data' },
  unauthorised_access: { kk: 'дербес деректерге рұқсатсыз қол жеткізу', ru: 'несанкционированный доступ к персональным данным', en: 'unauthorised access to personal data' },
}

/** The labels of the notice to the authorised body (art. 25(2)(8); content per Order 481/НҚ). */
export const AUTHORITY_NOTICE_TEXTS = {
  title: { kk: 'Дербес деректердің қорғалуының бұзылуы туралы хабарлама', ru: 'Уведомление о нарушении защиты персональных данных', en: 'Notice of a breach of personal data protection' },
  to: { kk: 'Кімге', ru: 'Кому', en: 'To' },
  operator: { kk: 'Оператор', ru: 'Оператор', en: 'Operator' },
  bin: { kk: 'БСН', ru: 'БИН', en: 'BIN' },
  address: { kk: 'Мекенжайы', ru: 'Адрес', en: 'Address' },
  reference: { kk: 'Оқиғаның тіркеу нөмірі', ru: 'Регистрационный номер инцидента', en: 'Incident reference' },
  responsible: { kk: 'Дербес деректерді өңдеуді ұйымдастыруға жауапты тұлға', ru: 'Лицо, ответственное за организацию обработки персональных данных', en: 'Person responsible for organising the processing of personal data' },
  name: { kk: 'Тегі, аты, әкесінің аты', ru: 'Фамилия, имя, отчество', en: 'Name' },
  position: { kk: 'Лауазымы', ru: 'Должность', en: 'Position' },
  email: { kk: 'Электрондық пошта', ru: 'Электронная почта', en: 'E-mail' },
  phone: { kk: 'Телефон', ru: 'Телефон', en: 'Phone' },
  notGiven: { kk: 'көрсетілмеген', ru: 'не указано', en: 'not given' },
  whatHappened: { kk: 'Не болды', ru: 'Что произошло', en: 'What happened' },
  kindBasis: { kk: '(Заңның 1-бабының 15-1) тармақшасы)', ru: '(подпункт 15-1) статьи 1 Закона)', en: '(art. 1(15-1) of the Law)' },
  discovered: { kk: 'Анықталған уақыты', ru: 'Дата и время обнаружения', en: 'Discovered' },
  systems: { kk: 'Ақпараттық жүйелер', ru: 'Информационные системы', en: 'Information systems' },
  categories: { kk: 'Дербес деректердің санаттары', ru: 'Категории персональных данных', en: 'Categories of personal data' },
  items: { kk: 'Дербес деректердің құрамы', ru: 'Состав персональных данных', en: 'Data items' },
  subjects: { kk: 'Зардап шеккен субъектілер саны', ru: 'Количество затронутых субъектов', en: 'Number of subjects affected' },
  measures: { kk: 'Қабылданған шаралар', ru: 'Принятые меры', en: 'Measures taken' },
  none: { kk: 'жоқ', ru: 'нет', en: 'none' },
  toNotify: {
    kk: 'Субъектілерді хабардар ету үшін қажетті мәліметтер (Т.А.Ә. және (немесе) ЖСН және (немесе) ұялы телефон нөмірі)',
    ru: 'Сведения, необходимые для уведомления субъектов (ФИО и (или) ИИН и (или) номер мобильного телефона)',
    en: 'What is needed to notify the subjects (full name and/or IIN and/or mobile number)',
  },
  fullName: { kk: 'Т.А.Ә.', ru: 'ФИО', en: 'full name' },
  iin: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' },
  mobile: { kk: 'телефон нөмірі', ru: 'номер телефона', en: 'phone number' },
  heldFor: { kk: '{label}: {n} субъектіде бар', ru: '{label}: имеется у {n} субъектов', en: '{label}: held for {n} subjects' },
  deadline: { kk: 'Хабарлау мерзімі', ru: 'Срок уведомления', en: 'Notice due' },
  deadlineValue: { kk: '{dueOn} соңына дейін ({article})', ru: 'до конца дня {dueOn} ({article})', en: 'by the end of {dueOn} ({article})' },
  article: { kk: 'Заңның 25-бабы 2-тармағының 8) тармақшасы', ru: 'подпункт 8) пункта 2 статьи 25 Закона', en: 'art. 25(2)(8) of the Law' },
} as const satisfies Record<string, Localized>

/** KZK-6.1: the notice to an affected subject, by e-mail (subject line, body) and by SMS. */
export const SUBJECT_NOTICE_TEXTS = {
  subjectLine: {
    kk: '{operator}: дербес деректеріңіздің қауіпсіздігі бұзылғаны туралы хабарлама',
    ru: '{operator}: уведомление о нарушении безопасности ваших персональных данных',
    en: '{operator}: notice of a breach affecting your personal data',
  },
  body: {
    kk: 'Құрметті пайдаланушы!\n\n{date} күні {operator} сіздің дербес деректеріңізге қатысты оқиғаны анықтады: {kind}.\nҚозғалған деректер: {categories}.\nҚабылданған шаралар: {measures}.\n\nСұрақтарыңыз болса, хабарласыңыз: {contact}.\nОқиғаның нөмірі: {reference}.',
    ru: 'Уважаемый пользователь!\n\n{date} {operator} обнаружило инцидент, затрагивающий ваши персональные данные: {kind}.\nЗатронутые данные: {categories}.\nПринятые меры: {measures}.\n\nПо вопросам обращайтесь: {contact}.\nНомер инцидента: {reference}.',
    en: 'Dear user,\n\nOn {date} {operator} discovered an incident affecting your personal data: {kind}.\nData affected: {categories}.\nMeasures taken: {measures}.\n\nIf you have questions, contact: {contact}.\nIncident reference: {reference}.',
  },
  sms: {
    kk: '{operator}: {date} дербес деректеріңізге қатысты оқиға анықталды ({kind}). Сұрақтар: {contact}. Нөмірі {reference}',
    ru: '{operator}: {date} обнаружен инцидент с вашими персональными данными ({kind}). Вопросы: {contact}. Номер {reference}',
    en: '{operator}: on {date} an incident affecting your personal data was found ({kind}). Questions: {contact}. Ref {reference}',
  },
  none: { kk: 'жоқ', ru: 'нет', en: 'none' },
} as const satisfies Record<string, Localized>

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole))
}
