import type { Language } from '../../policy/index.ts'
import { fillAnswer } from '../answers/answer-messages.ts'
import type { IntakeChannel } from '../request-kinds.ts'

/** Every fixed text of the acknowledgement that a request was received, Kazakh first. */
export const ACKNOWLEDGEMENT_MESSAGES = {
  title: { kk: 'Өтініштің қабылданғаны туралы растама', ru: 'Подтверждение получения обращения', en: 'Acknowledgement of your request' },
  subjectLine: { kk: '№ {reference} өтініш қабылданды', ru: 'Обращение № {reference} получено', en: 'Request {reference} received' },
  greeting: { kk: 'Құрметті дербес деректер субъектісі!', ru: 'Здравствуйте!', en: 'Dear Sir or Madam,' },
  intro: {
    kk: 'Сіздің өтінішіңіз тіркелді. Оның нөмірін сақтаңыз: өтініштің барысын жеке кабинетте немесе осы нөмір бойынша білуге болады.',
    ru: 'Ваше обращение зарегистрировано. Сохраните его номер: ход рассмотрения можно узнать в личном кабинете или по этому номеру.',
    en: 'Your request has been registered. Keep its reference: you can follow it in the portal or by quoting it.',
  },
  factsHeading: { kk: 'Өтініш туралы', ru: 'Об обращении', en: 'Your request' },
  kind: { kk: 'Өтініш түрі', ru: 'Вид обращения', en: 'Request' },
  reference: { kk: 'Тіркеу нөмірі', ru: 'Регистрационный номер', en: 'Reference' },
  received: { kk: 'Келіп түскен уақыты', ru: 'Дата и время получения', en: 'Received at' },
  channel: { kk: 'Қалай келіп түсті', ru: 'Способ подачи', en: 'Received by' },
  requestedBy: { kk: 'Кім жіберді', ru: 'Кто обратился', en: 'Sent by' },
  due: { kk: 'Жауап беру мерзімі', ru: 'Срок ответа', en: 'Answer due by' },
  dueBasis: { kk: 'Мерзім негізі', ru: 'Основание срока', en: 'Deadline set by' },
  bySubject: { kk: 'субъектінің өзі', ru: 'сам субъект', en: 'the subject' },
  byRepresentative: { kk: 'субъектінің өкілі', ru: 'представитель субъекта', en: 'the subject’s representative' },
  byAuthorisedBody: { kk: 'уәкілетті орган', ru: 'уполномоченный орган', en: 'the authorised body' },
  waitingHeading: { kk: 'Сізден не күтілуде', ru: 'Что ожидается от вас', en: 'What we still need from you' },
  waitingNote: {
    kk: 'Бұлар келгенше өтініш тексеруде тұрады.',
    ru: 'Пока этого нет, обращение остаётся на проверке.',
    en: 'Until then the request stays with verification.',
  },
  free: { kk: 'Өтініш тегін қаралады ({article}).', ru: 'Обращение рассматривается бесплатно ({article}).', en: 'The request is handled free of charge ({article}).' },
  regards: { kk: 'Құрметпен,', ru: 'С уважением,', en: 'Yours faithfully,' },
  responsibleFallback: { kk: 'Дербес деректерді өңдеуді ұйымдастыруға жауапты тұлға', ru: 'Лицо, ответственное за организацию обработки персональных данных', en: 'The person responsible for organising personal data processing' },
} as const satisfies Record<string, Readonly<Record<Language, string>>>

export type AcknowledgementMessageKey = keyof typeof ACKNOWLEDGEMENT_MESSAGES

export function acknowledgementText(language: Language, key: AcknowledgementMessageKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return fillAnswer(ACKNOWLEDGEMENT_MESSAGES[key][language], vars)
}

/** How a request came in, as the acknowledgement names it; a new intake channel without its three texts does not compile. */
export const CHANNEL_NAMES: Readonly<Record<IntakeChannel, Readonly<Record<Language, string>>>> = {
  api: { kk: 'API арқылы', ru: 'через API', en: 'through the API' },
  portal: { kk: 'жеке кабинет', ru: 'личный кабинет', en: 'the portal' },
  written: { kk: 'жазбаша өтініш', ru: 'письменное заявление', en: 'a written application' },
  post: { kk: 'тапсырыс хат', ru: 'заказное письмо', en: 'registered mail' },
  courier: { kk: 'курьер', ru: 'курьер', en: 'courier' },
  email: { kk: 'электрондық пошта', ru: 'электронная почта', en: 'e-mail' },
  electronic_document: { kk: 'электрондық құжат (ЭЦҚ)', ru: 'электронный документ (ЭЦП)', en: 'an electronic document (EDS)' },
  in_person: { kk: 'жеке келу', ru: 'лично', en: 'in person' },
}
