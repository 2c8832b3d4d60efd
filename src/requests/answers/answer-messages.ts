import type { Language } from '../../policy/index.ts'
import type { RefusalGround, SubjectRequestKind, TaskAction, TaskTarget } from '../request-kinds.ts'

type Localized = Readonly<Record<Language, string>>

/**
 * Every fixed text of an answer letter, Kazakh first. `{name}` placeholders
 * are filled by {@link answerText}; `{article}` takes a law article already
 * cited in the letter's language (`formatArticle`). The enum tables below are
 * `Record<Kind, Localized>` over the requests module's lists, so a new request
 * kind, task action or refusal ground without its three texts does not compile.
 */
export const ANSWER_MESSAGES = {
  title: { kk: 'Дербес деректер субъектісінің өтінішіне жауап', ru: 'Ответ на обращение субъекта персональных данных', en: 'Answer to a data subject request' },
  subjectLine: { kk: '№ {reference} өтінішке жауап: {kind}', ru: 'Ответ на обращение № {reference}: {kind}', en: 'Answer to request {reference}: {kind}' },
  reference: { kk: '№ {reference}', ru: '№ {reference}', en: 'Ref. {reference}' },
  bin: { kk: 'БСН {bin}', ru: 'БИН {bin}', en: 'BIN {bin}' },
  iin: { kk: 'ЖСН {iin}', ru: 'ИИН {iin}', en: 'IIN {iin}' },
  contactEmail: { kk: 'Электрондық пошта: {email}', ru: 'Эл. почта: {email}', en: 'E-mail: {email}' },
  contactPhone: { kk: 'Телефон: {phone}', ru: 'Телефон: {phone}', en: 'Phone: {phone}' },
  contactWebsite: { kk: 'Сайт: {website}', ru: 'Сайт: {website}', en: 'Website: {website}' },
  greetingNamed: { kk: 'Құрметті {name}!', ru: 'Здравствуйте, {name}!', en: 'Dear {name},' },
  greetingAnonymous: { kk: 'Құрметті дербес деректер субъектісі!', ru: 'Здравствуйте!', en: 'Dear Sir or Madam,' },

  factsHeading: { kk: 'Өтініш туралы', ru: 'Об обращении', en: 'Your request' },
  fact: { kk: '{label}: {value}', ru: '{label}: {value}', en: '{label}: {value}' },
  factKind: { kk: 'Өтініш түрі', ru: 'Вид обращения', en: 'Request' },
  factReceived: { kk: 'Келіп түскен күні', ru: 'Дата получения', en: 'Received on' },
  factReference: { kk: 'Тіркеу нөмірі', ru: 'Регистрационный номер', en: 'Reference' },
  factDue: { kk: 'Жауап беру мерзімі', ru: 'Срок ответа', en: 'Answer due by' },
  factPurposes: { kk: 'Мақсаттар', ru: 'Цели', en: 'Purposes' },

  outcomeHeading: { kk: 'Өтінішті қарау нәтижесі', ru: 'Результат рассмотрения', en: 'Outcome' },
  stepWhere: { kk: 'Қайда', ru: 'Где', en: 'Where' },
  stepWhat: { kk: 'Не істелді', ru: 'Что сделано', en: 'What was done' },
  stepCount: { kk: 'Жазбалар саны', ru: 'Количество записей', en: 'Records' },
  stepSystem: { kk: '«{name}» ақпараттық жүйесі', ru: 'Информационная система «{name}»', en: 'Information system “{name}”' },
  stepRecipient: { kk: 'Алушы: {name}', ru: 'Получатель: {name}', en: 'Recipient: {name}' },
  scopePurposes: { kk: 'Өтініш мына мақсаттарға қатысты: {purposes}.', ru: 'Обращение касалось целей: {purposes}.', en: 'The request covered these purposes: {purposes}.' },

  refused: { kk: 'Өтінішіңізді қанағаттандырудан бас тартамыз.', ru: 'В удовлетворении обращения отказано.', en: 'Your request is refused.' },
  identityProofNeeded: {
    kk: 'Саясатымыз бойынша өтініште мыналар болуы тиіс: {proofs}.',
    ru: 'По нашей политике обращение должно содержать: {proofs}.',
    en: 'Under our policy a request must carry {proofs}.',
  },
  refusalBasis: { kk: 'Негіздеме: {clauses}.', ru: 'Основание: {clauses}.', en: 'Grounds: {clauses}.' },
  refusalDetail: { kk: 'Түсіндірме: {detail}', ru: 'Пояснение: {detail}', en: 'Explanation: {detail}' },
  policyClause: { kk: 'саясатымыздың {clause}-тармағы', ru: 'п. {clause} нашей политики', en: 'clause {clause} of our policy' },
  policySection: { kk: 'саясатымыздың «{clause}» бөлімі', ru: 'раздел «{clause}» нашей политики', en: 'section “{clause}” of our policy' },
  noDataHeld: {
    kk: 'Бізде сіз туралы дербес деректер жоқ және біз оларды өңдемейміз ({article}).',
    ru: 'Мы не храним и не обрабатываем ваших персональных данных ({article}).',
    en: 'We hold no personal data about you and do not process any ({article}).',
  },

  headingPurposes: { kk: 'Өңдеу мақсаттары', ru: 'Цели обработки', en: 'Purposes of processing' },
  headingData: { kk: 'Сіз туралы өңделетін деректер тізбесі', ru: 'Перечень обрабатываемых данных о вас', en: 'The data we process about you' },
  colData: { kk: 'Деректер', ru: 'Данные', en: 'Data' },
  colCategory: { kk: 'Санаты', ru: 'Категория', en: 'Category' },
  colSource: { kk: 'Дереккөзі', ru: 'Источник', en: 'Source' },
  headingMethods: { kk: 'Жинау және өңдеу тәсілдері', ru: 'Способы сбора и обработки', en: 'How the data is collected and processed' },
  methodsCollection: {
    kk: 'Деректерді жинау және келісім алу тәсілдері: {methods}.',
    ru: 'Способы сбора данных и получения согласия: {methods}.',
    en: 'Ways the data is collected and consent obtained: {methods}.',
  },
  methodsAutomated: {
    kk: 'Кейбір шешімдер тек автоматтандырылған өңдеу арқылы қабылданады: {purposes}. Сіз оның қалай жұмыс істейтінін біліп, қарсылық білдіре аласыз ({article}).',
    ru: 'Некоторые решения принимаются исключительно автоматизированной обработкой: {purposes}. Вы вправе узнать, как она работает, и возразить ({article}).',
    en: 'Some decisions are made by automated processing alone: {purposes}. You may learn how it works and object ({article}).',
  },
  methodsNotAutomated: {
    kk: 'Сізге қатысты шешімдер тек автоматтандырылған өңдеу арқылы қабылданбайды.',
    ru: 'Решения о вас не принимаются исключительно автоматизированной обработкой.',
    en: 'No decision about you is made by automated processing alone.',
  },
  methodsDatabase: { kk: 'Дерекқор орналасқан ел: {country}.', ru: 'Страна размещения базы данных: {country}.', en: 'Country of the database: {country}.' },
  headingRecipients: { kk: 'Деректерді алушылар', ru: 'Получатели данных', en: 'Who receives the data' },
  recipientOnlyByLaw: { kk: 'тек заң талап еткен жағдайда', ru: 'только когда этого требует закон', en: 'only where a law requires it' },
  recipientsNone: { kk: 'Деректер үшінші тұлғаларға берілмейді.', ru: 'Данные третьим лицам не передаются.', en: 'The data is not transferred to third parties.' },
  headingCrossBorder: { kk: 'Трансшекаралық беру', ru: 'Трансграничная передача', en: 'Transfers abroad' },
  crossBorderTo: { kk: 'Деректер мына елдерге берілуі мүмкін: {countries}.', ru: 'Данные могут передаваться в: {countries}.', en: 'The data may be transferred to: {countries}.' },
  crossBorderNone: {
    kk: 'Деректер Қазақстан Республикасының аумағынан тыс жерге берілмейді.',
    ru: 'Данные не передаются за пределы Республики Казахстан.',
    en: 'The data is not transferred outside the Republic of Kazakhstan.',
  },
  headingTerms: { kk: 'Өңдеу және сақтау мерзімдері', ru: 'Сроки обработки и хранения', en: 'Processing and storage periods' },

  headingRecords: { kk: 'Жазбалар: {system}', ru: 'Записи: {system}', en: 'Records: {system}' },
  vaultSystem: { kk: 'Derbes (дербес деректер қоймасы)', ru: 'Derbes (хранилище персональных данных)', en: 'Derbes (personal data vault)' },
  colTable: { kk: 'Кесте', ru: 'Таблица', en: 'Table' },
  colValue: { kk: 'Мәні', ru: 'Значение', en: 'Value' },
  colCollected: { kk: 'Жиналған күні', ru: 'Дата сбора', en: 'Collected on' },
  recordsNone: { kk: 'Бізде сіз туралы жазбалар жоқ.', ru: 'Записей о вас у нас нет.', en: 'We hold no records about you.' },

  free: { kk: 'Жауап тегін беріледі ({article}).', ru: 'Ответ предоставляется бесплатно ({article}).', en: 'This answer is free of charge ({article}).' },
  appeal: {
    kk: 'Жауаппен келіспесеңіз, дербес деректерді қорғау жөніндегі уәкілетті органға немесе сотқа жүгіне аласыз.',
    ru: 'Если вы не согласны с ответом, вы вправе обратиться в уполномоченный орган по защите персональных данных или в суд.',
    en: 'If you disagree with this answer, you may turn to the authorised body for the protection of personal data or to a court.',
  },
  questions: {
    kk: 'Сұрақтарыңыз болса, {reference} нөмірін көрсетіп, бізге жазыңыз.',
    ru: 'С вопросами обращайтесь к нам, указав номер {reference}.',
    en: 'For any question, write to us quoting {reference}.',
  },
  regards: { kk: 'Құрметпен,', ru: 'С уважением,', en: 'Yours faithfully,' },
  responsibleFallback: {
    kk: 'Дербес деректерді өңдеуді ұйымдастыруға жауапты тұлға',
    ru: 'Лицо, ответственное за организацию обработки персональных данных',
    en: 'Person responsible for organising the processing of personal data',
  },
  page: { kk: '{page}/{pages} бет', ru: 'Стр. {page} из {pages}', en: 'Page {page} of {pages}' },
} as const satisfies Record<string, Localized>

export type AnswerMessageKey = keyof typeof ANSWER_MESSAGES

/** What the letter says was done, per request kind (art. 24(1), art. 25(2)(8), TW-9, ESP-3, KZK-7.1, PS-7.1). */
export const DONE_MESSAGES: Record<SubjectRequestKind, Localized> = {
  information: {
    kk: 'Сіздің дербес деректеріңізді өңдейтінімізді растаймыз. Төменде {article} бойынша өңдеу мақсаттары, деректерді жинау мен өңдеудің дереккөздері мен тәсілдері, деректер тізбесі, оларды алушылар, өңдеу және сақтау мерзімдері көрсетілген.',
    ru: 'Подтверждаем, что обрабатываем ваши персональные данные. Ниже, в соответствии с {article}, указаны цели обработки, источники и способы сбора и обработки, перечень данных, их получатели, сроки обработки и хранения.',
    en: 'We confirm that we process your personal data. As {article} requires, below are the purposes of processing, the sources and methods of collection and processing, the list of data, who receives them, and the processing and storage periods.',
  },
  access: {
    kk: 'Төменде біз сіз туралы Derbes жүйесінде және ақпараттық жүйелерімізде сақтайтын барлық жазбалар келтірілген. Дәл сол деректер машинамен оқылатын түрде (JSON және CSV) осы жауапқа қоса беріледі.',
    ru: 'Ниже приведены все записи о вас, которые мы храним в Derbes и в наших информационных системах. Те же данные в машиночитаемом виде (JSON и CSV) прилагаются к этому ответу.',
    en: 'Below is every record we hold about you, in Derbes and in our information systems. The same data in machine-readable form (JSON and CSV) comes with this answer.',
  },
  rectify: {
    kk: 'Сіз ұсынған құжаттар негізінде дербес деректеріңіз өзгертілді.',
    ru: 'Ваши персональные данные изменены на основании представленных вами документов.',
    en: 'Your personal data has been changed on the basis of the documents you provided.',
  },
  supplement: {
    kk: 'Сіз ұсынған құжаттар негізінде дербес деректеріңіз толықтырылды.',
    ru: 'Ваши персональные данные дополнены на основании представленных вами документов.',
    en: 'Your personal data has been supplemented on the basis of the documents you provided.',
  },
  block: {
    kk: 'Дербес деректеріңіз бұғатталды: бұғат алынғанға дейін олар жиналмайды, өзгертілмейді, пайдаланылмайды және берілмейді.',
    ru: 'Ваши персональные данные заблокированы: до снятия блокирования они не собираются, не изменяются, не используются и не передаются.',
    en: 'Your personal data has been blocked: until the block is lifted it is not collected, changed, used or transferred.',
  },
  unblock: {
    kk: 'Бұзушылық расталмады, дербес деректеріңіздің бұғаты алынды.',
    ru: 'Нарушение не подтвердилось, блокирование ваших персональных данных снято.',
    en: 'The breach was not confirmed, and the block on your personal data has been lifted.',
  },
  destroy_unlawful: {
    kk: 'Дербес деректеріңіз жойылды, оларды қалпына келтіру мүмкін емес.',
    ru: 'Ваши персональные данные уничтожены, восстановить их невозможно.',
    en: 'Your personal data has been destroyed; it cannot be restored.',
  },
  anonymise: {
    kk: 'Дербес деректеріңіз иесіздендірілді: енді оларды сізге қатысты деп анықтау мүмкін емес.',
    ru: 'Ваши персональные данные обезличены: их больше нельзя отнести к вам.',
    en: 'Your personal data has been anonymised: it can no longer be linked to you.',
  },
  stop_unlawful_processing: {
    kk: 'Сіз хабарлаған дербес деректерді өңдеу тоқтатылды.',
    ru: 'Обработка ваших персональных данных, о которой вы сообщили, прекращена.',
    en: 'The processing of your personal data that you reported has been stopped.',
  },
  withdraw_consent: {
    kk: 'Келісіміңіз кері қайтарып алынды, оған негізделген өңдеу тоқтатылды.',
    ru: 'Ваше согласие отозвано, обработка на его основании прекращена.',
    en: 'Your consent has been withdrawn, and the processing based on it has stopped.',
  },
  marketing_opt_out: {
    kk: 'Сізге енді жарнамалық хабарламалар жіберілмейді.',
    ru: 'Рекламные сообщения вам больше не направляются.',
    en: 'You will no longer receive advertising messages.',
  },
  automated_decision_objection: {
    kk: 'Қарсылығыңыз қабылданды: сізге қатысты шешімдер енді тек автоматтандырылған өңдеу арқылы қабылданбайды.',
    ru: 'Ваше возражение принято: решения в отношении вас больше не принимаются исключительно автоматизированной обработкой.',
    en: 'Your objection has been accepted: decisions about you are no longer made by automated processing alone.',
  },
  remove_published: {
    kk: 'Деректеріңіз жалпыға қолжетімді дереккөздерден алып тасталды.',
    ru: 'Ваши данные удалены из общедоступных источников.',
    en: 'Your data has been removed from public sources.',
  },
  complaint: {
    kk: 'Шағымыңыз қаралды; қабылданған шаралар төменде көрсетілген.',
    ru: 'Ваша жалоба рассмотрена; принятые меры указаны ниже.',
    en: 'Your complaint has been considered; the steps taken are listed below.',
  },
}

/** Why a request was refused, in words (the clauses follow, see `refusalBasis`). */
export const REFUSAL_MESSAGES: Record<RefusalGround, Localized> = {
  obligation_unfulfilled: {
    kk: 'Сізде операторға қатысты орындалмаған міндеттемелер бар. Олар орындалғанға дейін келісімді кері қайтарып алуға, ал оларды орындау үшін қажетті деректерді өзгертуге немесе жоюға болмайды.',
    ru: 'У вас есть неисполненные обязательства перед оператором. Пока они не исполнены, согласие не может быть отозвано, а данные, нужные для их исполнения, не могут быть изменены или уничтожены.',
    en: 'You have obligations to the operator that are not yet fulfilled. Until they are, consent cannot be withdrawn, and the data needed to fulfil them cannot be changed or destroyed.',
  },
  law_requires_keeping: {
    kk: 'Заң бұл деректерді белгіленген мерзім бойы сақтауды талап етеді, сондықтан оларды қазір жоюға немесе өзгертуге болмайды.',
    ru: 'Закон требует хранить эти данные в течение установленного срока, поэтому сейчас их нельзя уничтожить или изменить.',
    en: 'The law requires these data to be kept for a set period, so they cannot be destroyed or changed now.',
  },
  identity_not_proven: {
    kk: 'Өтініш сіздің жеке басыңызды растамайды.',
    ru: 'Обращение не подтверждает вашу личность.',
    en: 'The request does not prove your identity.',
  },
  authority_not_proven: {
    kk: 'Өкілдің сіздің атыңыздан әрекет ету өкілеттігі расталмады (сенімхат немесе өзге құжат).',
    ru: 'Полномочия представителя действовать от вашего имени не подтверждены (доверенность или иной документ).',
    en: 'The representative’s authority to act for you was not proven (a power of attorney or another document).',
  },
  no_data_held: {
    kk: 'Бізде сіз туралы дербес деректер жоқ.',
    ru: 'Ваших персональных данных у нас нет.',
    en: 'We hold no personal data about you.',
  },
  other: {
    kk: 'Бас тарту себебі төменде көрсетілген.',
    ru: 'Причина отказа указана ниже.',
    en: 'The reason is given below.',
  },
}

/** Where a fulfilment step was done; `system` and `recipients` steps are named after their target. */
export const TARGET_MESSAGES: Record<TaskTarget, Localized> = {
  vault: { kk: 'Derbes (дербес деректер қоймасы)', ru: 'Derbes (хранилище персональных данных)', en: 'Derbes (personal data vault)' },
  ledger: { kk: 'Келісімдер тізілімі', ru: 'Реестр согласий', en: 'Consent ledger' },
  system: { kk: 'Ақпараттық жүйе', ru: 'Информационная система', en: 'Information system' },
  recipients: { kk: 'Деректерді алған үшінші тұлғалар', ru: 'Третьи лица, получившие данные', en: 'Third parties that received the data' },
  manual: { kk: 'Қағаз мұрағат (қызметкер орындады)', ru: 'Бумажный архив (выполнено сотрудником)', en: 'Paper archive (done by staff)' },
}

/** What a step did, as the column "What was done" reads. */
export const ACTION_MESSAGES: Record<TaskAction, Localized> = {
  export: { kk: 'осы жауап үшін көшірілді', ru: 'скопированы для этого ответа', en: 'copied for this answer' },
  rectify: { kk: 'өзгертілді', ru: 'изменены', en: 'changed' },
  supplement: { kk: 'толықтырылды', ru: 'дополнены', en: 'supplemented' },
  block: { kk: 'бұғатталды', ru: 'заблокированы', en: 'blocked' },
  unblock: { kk: 'бұғаттан шығарылды', ru: 'разблокированы', en: 'unblocked' },
  anonymise: { kk: 'иесіздендірілді', ru: 'обезличены', en: 'anonymised' },
  delete: { kk: 'жойылды', ru: 'уничтожены', en: 'destroyed' },
  withdraw_consent: { kk: 'келісім кері қайтарып алынды', ru: 'согласие отозвано', en: 'consent withdrawn' },
  stop_processing: { kk: 'өңдеу тоқтатылды', ru: 'обработка прекращена', en: 'processing stopped' },
  notify: { kk: 'түзету немесе жою туралы хабардар етілді', ru: 'уведомлены об исправлении или уничтожении', en: 'told of the correction or destruction' },
}

/** One fixed text in `language`, `{name}` filled in; a placeholder left without a value is a caller's bug and throws. */
export function answerText(language: Language, key: AnswerMessageKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return fillAnswer(ANSWER_MESSAGES[key][language], vars)
}

export function fillAnswer(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name]
    if (value === undefined) throw new Error(`answer placeholder {${name}} has no value in "${template}"`)
    return String(value)
  })
}
