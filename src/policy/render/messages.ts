/**
 * The one message catalogue of the notice, the consent form and the version
 * diff: every fixed string a subject or a responsible person reads, in Kazakh,
 * Russian and English. The types make a missing language, a missing key or a
 * missing enum value a compile error: enum tables are `Record<EnumValue,
 * Localized>` over the schema's `as const` lists, the rest `satisfies
 * Record<string, Localized>`.
 *
 * Templates take `{name}` placeholders, filled by `fill()` (format-text.ts),
 * which throws on a placeholder left without a value.
 */
import type {
  AccessAction, AccessBasis, AgeRules, Channel, ConsentMethod, ConsentTerm, CookieCategory, CrossBorderGround, DayUnit, ItemKind,
  Language, LegalBasis, PurposeLock, RecipientRole, RequestHandling, RequestKind, RetentionAction, RetentionTrigger,
  Sensitivity, Source, WithdrawalBlocker, WithdrawalChannel, WithdrawalConsequence,
} from '../schema/index.ts'
import type { ChangeArea, ChangeField } from '../diff/policy-change.ts'
import type {
  BREACH_NOTICE_EXCEPTIONS, CHANGE_NOTICES, CONSENT_GIVERS, IDENTITY_PROOFS, REQUEST_CHANNELS, SUBJECT_ROLES, UNDER_AGE_ACTIONS,
} from '../schema/index.ts'

export type Localized = Readonly<Record<Language, string>>

/** A noun counted by a number: Kazakh keeps one form after numerals, Russian has three, English two. */
export interface PluralNoun {
  readonly kk: string
  readonly ru: { readonly one: string; readonly few: string; readonly many: string }
  readonly en: { readonly one: string; readonly other: string }
}

export const NOUNS = {
  year: { kk: 'жыл', ru: { one: 'год', few: 'года', many: 'лет' }, en: { one: 'year', other: 'years' } },
  month: { kk: 'ай', ru: { one: 'месяц', few: 'месяца', many: 'месяцев' }, en: { one: 'month', other: 'months' } },
  week: { kk: 'апта', ru: { one: 'неделя', few: 'недели', many: 'недель' }, en: { one: 'week', other: 'weeks' } },
  day: { kk: 'күн', ru: { one: 'день', few: 'дня', many: 'дней' }, en: { one: 'day', other: 'days' } },
  businessDay: {
    kk: 'жұмыс күні',
    ru: { one: 'рабочий день', few: 'рабочих дня', many: 'рабочих дней' },
    en: { one: 'business day', other: 'business days' },
  },
  calendarDay: {
    kk: 'күнтізбелік күн',
    ru: { one: 'календарный день', few: 'календарных дня', many: 'календарных дней' },
    en: { one: 'calendar day', other: 'calendar days' },
  },
  /** An age: "18 жас", "18 лет", "18 years". */
  age: { kk: 'жас', ru: { one: 'год', few: 'года', many: 'лет' }, en: { one: 'year', other: 'years' } },
  /** An age after "с" (from): "с 21 года", "с 18 лет". */
  ageFrom: { kk: 'жас', ru: { one: 'года', few: 'лет', many: 'лет' }, en: { one: 'year', other: 'years' } },
} as const satisfies Record<string, PluralNoun>
export type Noun = keyof typeof NOUNS

export const MONTHS: Readonly<Record<Language, readonly string[]>> = {
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}

/** Fixed texts and templates. */
export const MESSAGES = {
  // ── formatting ────────────────────────────────────────────────────────────
  date: { kk: '{year} жылғы {day} {month}', ru: '{day} {month} {year} г.', en: '{day} {month} {year}' },
  and: { kk: 'және', ru: 'и', en: 'and' },
  or: { kk: 'немесе', ru: 'или', en: 'or' },
  yes: { kk: 'Иә', ru: 'Да', en: 'Yes' },
  no: { kk: 'Жоқ', ru: 'Нет', en: 'No' },
  none: { kk: '—', ru: '—', en: '—' },
  quoted: { kk: '«{text}»', ru: '«{text}»', en: '“{text}”' },
  country: { kk: '{name} ({code})', ru: '{name} ({code})', en: '{name} ({code})' },
  lawArticle: { kk: 'Заңның {a}-бабы', ru: 'ст. {a} Закона', en: 'art. {a} of the Law' },
  lawArticlePoint: { kk: 'Заңның {a}-бабының {p}-тармағы', ru: 'п. {p} ст. {a} Закона', en: 'art. {a}({p}) of the Law' },
  lawArticleSubpoint: {
    kk: 'Заңның {a}-бабы {p}-тармағының {s}) тармақшасы',
    ru: 'пп. {s}) п. {p} ст. {a} Закона',
    en: 'art. {a}({p})({s}) of the Law',
  },
  minAge: { kk: '{n} жастан бастап', ru: 'с {n} {years}', en: 'aged {n} and over' },

  // ── durations, deadlines, retention ───────────────────────────────────────
  deadlineLaw: { kk: '{article}', ru: '{article}', en: '{article}' },
  deadlineStricter: {
    kk: 'Саясат заңнан қатаңырақ: заң бойынша – {law}, {article}',
    ru: 'Политика строже закона: по закону – {law}, {article}',
    en: 'Stricter than the law: the law allows {law}, {article}',
  },
  deadlinePolicyOnly: { kk: 'Саясатта белгіленген', ru: 'Установлено политикой', en: 'Set by the policy' },
  deadlineUnconfirmed: {
    kk: '{article}; заңда нақты мерзім жоқ, әдепкі мән',
    ru: '{article}; в законе срок не установлен, значение по умолчанию',
    en: '{article}; the law sets no figure, a default',
  },
  deadlineEither: {
    kk: '{first} немесе {second} – қайсысы ертерек аяқталса',
    ru: '{first} или {second} – что истечёт раньше',
    en: '{first} or {second}, whichever ends first',
  },
  retentionKeep: {
    kk: '{after} {duration} сақталады, содан кейін {action}',
    ru: 'Хранятся {duration} {after}, затем {action}',
    en: 'Kept {duration} {after}, then {action}',
  },
  retentionImmediately: {
    kk: '{after} кідіріссіз {action}',
    ru: '{action} без промедления {after}',
    en: '{action} without delay {after}',
  },
  retentionUnlimited: { kk: 'Мерзімсіз сақталады', ru: 'Хранятся без ограничения срока', en: 'Kept without a time limit' },
  retentionEarliestOf: {
    kk: '{events} оқиғаларының ең ертесінен кейін',
    ru: 'после наиболее раннего из событий ({events})',
    en: 'after the earliest of {events}',
  },
  retentionUnlessLaw: {
    kk: '; заң ұзағырақ сақтауды талап етсе, заңда белгіленген мерзім қолданылады',
    ru: '; если закон требует хранить дольше – в течение установленного им срока',
    en: '; longer where a law requires it',
  },
  retentionBlockIfDelayed: {
    kk: 'Деректерді уақтылы жою мүмкін болмаса, олар бұғатталады және {duration} ішінде жойылады.',
    ru: 'Если уничтожить данные в срок невозможно, они блокируются и уничтожаются не позднее чем через {duration}.',
    en: 'If the data cannot be destroyed in time, it is blocked and destroyed within {duration}.',
  },
  consentTermDuration: {
    kk: 'Келісім алынған күннен бастап {duration}',
    ru: '{duration} с момента получения согласия',
    en: '{duration} from the day consent is given',
  },

  // ── the notice: frame ─────────────────────────────────────────────────────
  noticeTitle: { kk: 'Құпиялылық туралы хабарлама', ru: 'Уведомление о конфиденциальности', en: 'Privacy notice' },
  noticeIntro: {
    kk: '{operator} (бұдан әрі – оператор) дербес деректерді «Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының 2013 жылғы 21 мамырдағы № 94-V Заңына (бұдан әрі – Заң) сәйкес өңдейді. Осы хабарлама оператордың қандай дербес деректерді, қандай мақсатпен және қандай құқықтық негізде өңдейтінін, оларды кімге беретінін, қанша уақыт сақтайтынын және дербес деректер субъектісі өз құқықтарын қалай жүзеге асыра алатынын түсіндіреді.',
    ru: '{operator} (далее – оператор) обрабатывает персональные данные в соответствии с Законом Республики Казахстан от 21 мая 2013 года № 94-V «О персональных данных и их защите» (далее – Закон). Настоящее уведомление разъясняет, какие персональные данные оператор обрабатывает, с какой целью и на каком правовом основании, кому их передаёт, как долго хранит и как субъект персональных данных может осуществить свои права.',
    en: '{operator} (the operator) processes personal data under Law of the Republic of Kazakhstan No. 94-V of 21 May 2013 “On personal data and their protection” (the Law). This notice explains which personal data the operator processes, for which purposes and on which legal basis, to whom it transfers them, how long it keeps them and how data subjects can exercise their rights.',
  },
  contents: { kk: 'Мазмұны', ru: 'Содержание', en: 'Contents' },
  skipToContent: { kk: 'Негізгі мазмұнға өту', ru: 'Перейти к содержанию', en: 'Skip to content' },
  generatedFrom: {
    kk: 'Derbes жүйесі саясаттың {version} редакциясынан жасаған.',
    ru: 'Сформировано системой Derbes из редакции политики {version}.',
    en: 'Generated by Derbes from policy version {version}.',
  },

  // ── section titles ────────────────────────────────────────────────────────
  sectionOperator: { kk: 'Оператор туралы мәліметтер', ru: 'Сведения об операторе', en: 'About the operator' },
  sectionSubjects: { kk: 'Дербес деректер субъектілері', ru: 'Субъекты персональных данных', en: 'Data subjects' },
  sectionList: { kk: 'Дербес деректер тізбесі', ru: 'Перечень персональных данных', en: 'The list of personal data (Тізбе)' },
  sectionPurposes: { kk: 'Өңдеу мақсаттары және құқықтық негіздері', ru: 'Цели и правовые основания обработки', en: 'Purposes and legal bases' },
  sectionRecipients: { kk: 'Дербес деректерді алушылар', ru: 'Получатели персональных данных', en: 'Recipients of personal data' },
  sectionRetention: { kk: 'Сақтау мерзімдері', ru: 'Сроки хранения', en: 'How long data is kept' },
  sectionConsent: { kk: 'Келісім және оны кері қайтарып алу', ru: 'Согласие и его отзыв', en: 'Consent and how to withdraw it' },
  sectionRights: {
    kk: 'Дербес деректер субъектісінің құқықтары және мерзімдер',
    ru: 'Права субъекта персональных данных и сроки',
    en: 'Your rights and our deadlines',
  },
  sectionCookies: { kk: 'Cookie файлдары', ru: 'Файлы cookie', en: 'Cookies' },
  sectionAge: { kk: 'Кәмелетке толмағандардың деректері', ru: 'Данные несовершеннолетних', en: 'Children and minors' },
  sectionProtection: { kk: 'Деректерді қорғау және оларға қол жеткізу', ru: 'Защита данных и доступ к ним', en: 'Protection of data and staff access' },
  sectionBreach: { kk: 'Деректер қауіпсіздігі бұзылған жағдайда', ru: 'При нарушении безопасности данных', en: 'If data security is breached' },
  sectionVersion: { kk: 'Хабарламаның редакциясы', ru: 'Редакция уведомления', en: 'Version of this notice' },

  // ── operator ──────────────────────────────────────────────────────────────
  operatorName: { kk: 'Атауы', ru: 'Наименование', en: 'Name' },
  operatorBin: { kk: 'БСН', ru: 'БИН', en: 'BIN' },
  operatorIin: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' },
  operatorAddress: { kk: 'Мекенжайы', ru: 'Адрес', en: 'Address' },
  operatorPostalAddress: { kk: 'Пошталық мекенжайы', ru: 'Почтовый адрес', en: 'Postal address' },
  operatorEmail: { kk: 'Электрондық пошта', ru: 'Электронная почта', en: 'E-mail' },
  operatorPhone: { kk: 'Телефон', ru: 'Телефон', en: 'Phone' },
  operatorWebsite: { kk: 'Веб-сайт', ru: 'Веб-сайт', en: 'Website' },
  responsiblePerson: {
    kk: 'Дербес деректерді өңдеуді ұйымдастыруға жауапты тұлға',
    ru: 'Лицо, ответственное за организацию обработки персональных данных',
    en: 'Person responsible for organising the processing of personal data',
  },
  dataLocation: { kk: 'Деректердің сақталатын орны', ru: 'Место хранения данных', en: 'Where data is stored' },
  dataLocationDatabase: { kk: 'Дерекқор орналасқан ел: {country}', ru: 'База данных находится: {country}', en: 'Database located in: {country}' },
  dataLocationMirrors: { kk: 'Көшірмелер (резервтік, айна): {countries}', ru: 'Копии (резервные, зеркала): {countries}', en: 'Copies (backups, mirrors): {countries}' },
  legalActs: { kk: 'Өңдеу негізделетін құқықтық актілер', ru: 'Правовые акты, на которых основана обработка', en: 'Legal acts the processing rests on' },
  principles: { kk: 'Өңдеу қағидаттары', ru: 'Принципы обработки', en: 'Principles of processing' },

  // ── subjects ──────────────────────────────────────────────────────────────
  subjectsIntro: {
    kk: 'Оператор мына субъектілердің дербес деректерін өңдейді:',
    ru: 'Оператор обрабатывает персональные данные следующих субъектов:',
    en: 'The operator processes the personal data of:',
  },
  subjectCitizens: { kk: '{countries} азаматтары', ru: 'граждане: {countries}', en: 'citizens of {countries}' },
  subjectMinor: {
    kk: 'кәмелетке толмағандар; келісімді заңды өкілі береді',
    ru: 'несовершеннолетние; согласие даёт законный представитель',
    en: 'minors; their legal representative gives consent',
  },
  subjectRepresents: { kk: 'мыналардың атынан әрекет етеді: {kinds}', ru: 'действует от имени: {kinds}', en: 'acts for: {kinds}' },

  // ── the list ──────────────────────────────────────────────────────────────
  listIntro: {
    kk: 'Төмендегі кестеде дербес деректердің әр санаты, оған кіретін деректер, олардың дереккөзі, жинау және өңдеу мақсаттары және сақтау мерзімдері көрсетілген.',
    ru: 'В таблице ниже для каждой категории персональных данных указаны входящие в неё данные, их источник, цели сбора и обработки и сроки хранения.',
    en: 'The table below shows each category of personal data, the data it holds, where the data comes from, and the purposes and retention terms it serves.',
  },
  listCaption: {
    kk: 'Дербес деректер тізбесі: санаттар, деректер, дереккөздер, мақсаттар және сақтау мерзімдері',
    ru: 'Перечень персональных данных: категории, данные, источники, цели и сроки хранения',
    en: 'The list of personal data: categories, data, sources, purposes and retention',
  },
  columnCategory: { kk: 'Санат', ru: 'Категория', en: 'Category' },
  columnItem: { kk: 'Атауы', ru: 'Наименование', en: 'Data' },
  columnSource: { kk: 'Дереккөзі', ru: 'Источник', en: 'Source' },
  columnPurposes: { kk: 'Жинау және өңдеу мақсаттары', ru: 'Цели сбора и обработки', en: 'Purposes of collection and processing' },
  columnRetention: { kk: 'Сақтау мерзімі', ru: 'Срок хранения', en: 'Retention' },
  itemOptional: { kk: 'міндетті емес', ru: 'необязательно', en: 'optional' },
  nonPersonalStatement: {
    kk: 'Оператордың дербес емес деп санайтын деректер туралы мәлімдемесі',
    ru: 'Заявление оператора о данных, которые он не считает персональными',
    en: 'The operator’s statement on data it does not treat as personal',
  },

  // ── purposes ──────────────────────────────────────────────────────────────
  purposeBasis: { kk: 'Құқықтық негізі', ru: 'Правовое основание', en: 'Legal basis' },
  purposeData: { kk: 'Деректер', ru: 'Данные', en: 'Data' },
  purposeSubjects: { kk: 'Субъектілер', ru: 'Субъекты', en: 'Subjects' },
  purposeMessages: { kk: 'Хабарламалар', ru: 'Сообщения', en: 'Messages' },
  purposeChannels: { kk: 'Байланыс арналары', ru: 'Каналы связи', en: 'Channels' },
  purposeNotes: { kk: 'Ерекшеліктері', ru: 'Особенности', en: 'Notes' },
  purposeRecipients: { kk: 'Алушылар', ru: 'Получатели', en: 'Recipients' },
  purposeRetention: { kk: 'Сақтау мерзімі', ru: 'Срок хранения', en: 'Retention' },
  purposeConsentForms: { kk: 'Келісім нысаны', ru: 'Форма согласия', en: 'Consent form' },
  purposeMarketing: {
    kk: 'Жарнамалық (маркетингтік) хабарламалар – субъектінің алдын ала келісімімен ғана жіберіледі',
    ru: 'Рекламные (маркетинговые) сообщения – направляются только с предварительного согласия субъекта',
    en: 'Marketing (advertising) messages – sent only with the subject’s prior consent',
  },
  purposeTransactional: {
    kk: 'Қызметтік хабарламалар – көрсетілетін қызметке байланысты автоматты түрде жіберіледі, олардан бас тартуға болмайды',
    ru: 'Сервисные сообщения – направляются автоматически в связи с оказываемой услугой, отказаться от них нельзя',
    en: 'Service messages – sent automatically about the service you use; they cannot be refused',
  },
  purposeAnonymised: {
    kk: 'Тек иесіздендірілген деректер бойынша жүргізіледі',
    ru: 'Ведётся только на обезличенных данных',
    en: 'Carried out on anonymised data only',
  },
  purposeResearch: {
    kk: 'Статистикалық, зерттеу немесе маркетингтік талдау (Заңның 17-бабы: алдымен деректер иесіздендіріледі)',
    ru: 'Статистические, научные или маркетинговые исследования (ст. 17 Закона: данные предварительно обезличиваются)',
    en: 'Statistics, research or marketing analysis (art. 17 of the Law: the data is anonymised first)',
  },
  purposeAutomated: {
    kk: 'Шешімдер тек автоматтандырылған өңдеу негізінде қабылданады; субъект оның қалай жұмыс істейтінін біле алады және қарсылық білдіре алады (Заңның 19-1-бабы)',
    ru: 'Решения принимаются исключительно на основе автоматизированной обработки; субъект вправе узнать, как она работает, и возразить (ст. 19-1 Закона)',
    en: 'Decisions are made by automated processing alone; you may learn how it works and object (art. 19-1 of the Law)',
  },
  purposePublication: {
    kk: 'Деректер жалпыға қолжетімді дереккөздерде жариялануы мүмкін',
    ru: 'Данные могут размещаться в общедоступных источниках',
    en: 'Data may be published in public sources',
  },
  purposeOnlyItems: { kk: 'тек: {items}', ru: 'только: {items}', en: 'only: {items}' },

  // ── recipients ────────────────────────────────────────────────────────────
  recipientsIntro: {
    kk: 'Оператор дербес деректерді мына алушыларға тек көрсетілген мақсаттар үшін қажетті көлемде береді.',
    ru: 'Оператор передаёт персональные данные следующим получателям только в объёме, необходимом для указанных целей.',
    en: 'The operator transfers personal data to these recipients only as far as the listed purposes need.',
  },
  recipientsNone: {
    kk: 'Саясатта дербес деректерді алушылар көрсетілмеген.',
    ru: 'Политика не называет получателей персональных данных.',
    en: 'The policy names no recipients of personal data.',
  },
  crossBorderNote: {
    kk: 'Трансшекаралық беру – дербес деректерді шет мемлекеттердің аумағына беру (Заңның 16-бабы). Мұндай беру кестеде белгіленген: ел және оның негізі көрсетілген.',
    ru: 'Трансграничная передача – передача персональных данных на территорию иностранных государств (ст. 16 Закона). Такие передачи выделены в таблице с указанием страны и основания.',
    en: 'A cross-border transfer sends personal data to another state (art. 16 of the Law). Such transfers are highlighted in the table with the country and the ground.',
  },
  recipientsCaption: { kk: 'Дербес деректерді алушылар', ru: 'Получатели персональных данных', en: 'Recipients of personal data' },
  columnRecipient: { kk: 'Алушы', ru: 'Получатель', en: 'Recipient' },
  columnRole: { kk: 'Рөлі', ru: 'Роль', en: 'Role' },
  columnCountry: { kk: 'Ел', ru: 'Страна', en: 'Country' },
  columnData: { kk: 'Деректер санаттары', ru: 'Категории данных', en: 'Data categories' },
  columnConditions: { kk: 'Шарттар', ru: 'Условия', en: 'Conditions' },
  recipientAllCategories: { kk: 'Мақсаттарға қажетті деректер', ru: 'Данные, необходимые для целей', en: 'The data the purposes need' },
  crossBorderTransfer: { kk: 'Трансшекаралық беру: {country}; негізі: {ground}', ru: 'Трансграничная передача: {country}; основание: {ground}', en: 'Cross-border transfer: {country}; ground: {ground}' },
  crossBorderNoGround: {
    kk: 'негізі көрсетілмеген – субъектінің келісімі қажет',
    ru: 'основание не указано – требуется согласие субъекта',
    en: 'no ground recorded – the subject’s consent is needed',
  },
  recipientOnlyByLaw: {
    kk: 'Тек заңда көзделген негіздер бойынша беріледі',
    ru: 'Передаются только по основаниям, предусмотренным законом',
    en: 'Only where and as a law requires',
  },
  recipientConfidential: { kk: 'Құпиялылықты сақтауға міндетті', ru: 'Обязан соблюдать конфиденциальность', en: 'Bound to keep the data confidential' },
  recipientOwnPolicy: { kk: 'Деректерді өз саясатына сәйкес өңдейді', ru: 'Обрабатывает данные по собственной политике', en: 'Processes the data under its own policy' },

  // ── retention ─────────────────────────────────────────────────────────────
  retentionIntro: {
    kk: 'Дербес деректер өңдеу мақсаттарына қол жеткізілгенге дейін сақталады (Заңның 12-бабы), содан кейін жойылады немесе иесіздендіріледі (Заңның 18-бабы).',
    ru: 'Персональные данные хранятся до достижения целей обработки (ст. 12 Закона), после чего уничтожаются или обезличиваются (ст. 18 Закона).',
    en: 'Personal data is kept until the purposes of processing are achieved (art. 12 of the Law) and then destroyed or anonymised (art. 18 of the Law).',
  },
  retentionCaption: { kk: 'Сақтау ережелері', ru: 'Правила хранения', en: 'Retention rules' },
  columnRule: { kk: 'Ереже', ru: 'Правило', en: 'Rule' },
  columnTerm: { kk: 'Мерзімі және одан кейін', ru: 'Срок и что затем', en: 'Term and what follows' },

  // ── consent and withdrawal ───────────────────────────────────────────────
  consentIntro: {
    kk: 'Келісім талап етілетін мақсаттар үшін оператор мына келісім нысандарын пайдаланады. Әр келісім оны алған кездегі нысан нұсқасымен байланыстырылады.',
    ru: 'Для целей, требующих согласия, оператор использует следующие формы согласия. Каждое согласие связывается с версией формы, показанной при его получении.',
    en: 'For the purposes that need consent the operator uses the consent forms below. Each consent is tied to the version of the form shown when it was given.',
  },
  consentNone: {
    kk: 'Саясатта келісім нысандары көрсетілмеген.',
    ru: 'Политика не содержит форм согласия.',
    en: 'The policy declares no consent forms.',
  },
  formVersion: { kk: '{version}-нұсқа', ru: 'версия {version}', en: 'version {version}' },
  formPurposes: { kk: 'Мақсаттар', ru: 'Цели', en: 'Purposes' },
  formMethods: { kk: 'Келісім беру тәсілдері', ru: 'Способы дать согласие', en: 'How consent is given' },
  formGivenBy: { kk: 'Келісім береді', ru: 'Согласие даёт', en: 'Given by' },
  formSeparate: {
    kk: 'Басқа келісімдерден бөлек беріледі',
    ru: 'Даётся отдельно от других согласий',
    en: 'Given separately from other consents',
  },
  formTerm: { kk: 'Келісімнің қолданылу мерзімі', ru: 'Срок действия согласия', en: 'Term of consent' },
  formTransfers: { kk: 'Беру және жариялау', ru: 'Передача и публикация', en: 'Transfer and publication' },
  withdrawalHeading: { kk: 'Келісімді кері қайтарып алу', ru: 'Отзыв согласия', en: 'Withdrawing consent' },
  withdrawalChannels: { kk: 'Тәсілдері', ru: 'Способы', en: 'How' },
  withdrawalAddress: { kk: 'Мекенжай', ru: 'Адрес', en: 'Address' },
  withdrawalEmail: { kk: 'Электрондық пошта', ru: 'Электронная почта', en: 'E-mail' },
  withdrawalNotice: {
    kk: 'Өтініш кері қайтарып алу күнінен кемінде {days} бұрын беріледі',
    ru: 'Заявление подаётся не позднее чем за {days} до даты отзыва',
    en: 'Apply at least {days} before the withdrawal is to take effect',
  },
  withdrawalNoticeLabel: { kk: 'Алдын ала хабарлау', ru: 'Срок уведомления', en: 'Notice period' },
  withdrawalBlockedBy: { kk: 'Кері қайтарып алуға болмайтын жағдайлар', ru: 'Когда отзыв невозможен', en: 'When withdrawal is not possible' },
  withdrawalConsequences: { kk: 'Салдары', ru: 'Последствия', en: 'Consequences' },
  withdrawalDeadline: { kk: 'Оператордың жауап беру мерзімі', ru: 'Срок ответа оператора', en: 'Operator’s deadline' },
  withdrawalDeadlineText: {
    kk: '{deadline} ішінде оператор өңдеуді тоқтатады немесе дәлелді бас тарту береді ({source})',
    ru: 'Оператор прекращает обработку или даёт мотивированный отказ в срок: {deadline} ({source})',
    en: 'The operator stops processing or gives a reasoned refusal within {deadline} ({source})',
  },

  // ── rights and deadlines ─────────────────────────────────────────────────
  rightsIntro: {
    kk: 'Заңның 24-бабының 1-тармағына сәйкес дербес деректер субъектісінің:',
    ru: 'В соответствии с пунктом 1 статьи 24 Закона субъект персональных данных имеет право:',
    en: 'Under art. 24(1) of the Law, as a data subject you have the right:',
  },
  right1: {
    kk: 'оператордың өзінің дербес деректеріне ие екенін білуге, сондай-ақ дербес деректерді өңдеу фактісін, мақсаттарын, көздерін, жинау және өңдеу тәсілдерін, дербес деректер тізбесін, оларды өңдеу мен сақтау мерзімдерін растайтын ақпарат алуға;',
    ru: 'знать о наличии у оператора своих персональных данных и получать информацию, содержащую подтверждение факта, цели, источников, способов сбора и обработки персональных данных, перечень персональных данных, сроки их обработки и хранения;',
    en: 'to know whether the operator holds your personal data and to be told the fact, purposes, sources and methods of collection and processing, the list of data, and the processing and storage periods;',
  },
  right2: {
    kk: 'құжаттармен расталған негіздер болған кезде өз дербес деректерін өзгертуді және толықтыруды талап етуге;',
    ru: 'требовать изменения и дополнения своих персональных данных при наличии оснований, подтверждённых документами;',
    en: 'to demand that your data be changed or supplemented, on grounds backed by documents;',
  },
  right3: {
    kk: 'дербес деректерді жинау, өңдеу шарттарының бұзылғаны туралы ақпарат болған жағдайда оларды бұғаттауды талап етуге;',
    ru: 'требовать блокирования своих персональных данных при наличии информации о нарушении условий их сбора и обработки;',
    en: 'to demand that your data be blocked where the conditions of its collection or processing were breached;',
  },
  right4: {
    kk: 'Қазақстан Республикасының заңнамасын бұза отырып жиналған және өңделген дербес деректерді жоюды талап етуге;',
    ru: 'требовать уничтожения своих персональных данных, сбор и обработка которых произведены с нарушением законодательства Республики Казахстан;',
    en: 'to demand that data collected or processed in breach of the law be destroyed;',
  },
  right5: {
    kk: 'дербес деректерді жинауға, өңдеуге берілген келісімді кері қайтарып алуға;',
    ru: 'отозвать согласие на сбор и обработку персональных данных;',
    en: 'to withdraw your consent to the collection and processing of personal data;',
  },
  right6: {
    kk: 'дербес деректерін жалпыға қолжетімді дереккөздерде таратуға келісім беруге немесе бас тартуға;',
    ru: 'дать согласие (отказать в согласии) на распространение своих персональных данных в общедоступных источниках;',
    en: 'to allow or refuse the publication of your data in public sources;',
  },
  right7: {
    kk: 'өз құқықтары мен заңды мүдделерін қорғауға, оның ішінде моральдық және материалдық зиянды өтеуге;',
    ru: 'на защиту своих прав и законных интересов, в том числе на возмещение морального и материального вреда;',
    en: 'to the protection of your rights and lawful interests, including compensation for moral and material harm;',
  },
  right8: {
    kk: 'Қазақстан Республикасының заңдарында көзделген өзге де құқықтарды жүзеге асыруға құқығы бар.',
    ru: 'на осуществление иных прав, предусмотренных законами Республики Казахстан.',
    en: 'to exercise the other rights that the laws of the Republic of Kazakhstan provide.',
  },
  deadlinesHeading: { kk: 'Өтініштерді қарау мерзімдері', ru: 'Сроки рассмотрения обращений', en: 'Deadlines' },
  deadlinesIntro: {
    kk: 'Жұмыс күндері Қазақстан Республикасының жұмыс күнтізбесі бойынша, өтініш алынған күннен кейінгі бірінші жұмыс күнінен бастап есептеледі. Саясат заңнан қатаңырақ мерзім белгілесе, қатаңырақ мерзім қолданылады.',
    ru: 'Рабочие дни исчисляются по календарю Республики Казахстан начиная с первого рабочего дня после получения обращения. Если политика устанавливает срок строже закона, действует более строгий срок.',
    en: 'Business days are counted in the calendar of the Republic of Kazakhstan from the first business day after a request is received. Where the policy sets a stricter deadline than the law, the stricter one applies.',
  },
  deadlinesCaption: { kk: 'Мерзімдер', ru: 'Сроки', en: 'Deadlines' },
  columnRequest: { kk: 'Өтініш немесе міндет', ru: 'Обращение или обязанность', en: 'Request or duty' },
  columnDeadline: { kk: 'Мерзімі', ru: 'Срок', en: 'Deadline' },
  columnSourceOfDeadline: { kk: 'Негізі', ru: 'Основание', en: 'Basis' },
  requestsHeading: { kk: 'Өтінішті қалай беруге болады', ru: 'Как подать обращение', en: 'How to make a request' },
  requestChannels: { kk: 'Өтініш беру тәсілдері', ru: 'Способы подачи', en: 'Ways to apply' },
  requestIdentity: { kk: 'Өтініште көрсетілуі тиіс', ru: 'В обращении указываются', en: 'A request must carry' },
  requestAnswer: { kk: 'Жауап беру тәсілі', ru: 'Способ ответа', en: 'How we answer' },
  requestCorrections: { kk: 'Түзетуді кім сұрай алады', ru: 'Кто может требовать исправления', en: 'Who may ask for corrections' },
  requestFree: {
    kk: 'Өз дербес деректеріне қол жеткізу тегін ({article}).',
    ru: 'Доступ к своим персональным данным бесплатный ({article}).',
    en: 'Access to your own personal data is free of charge ({article}).',
  },
  requestNotifyRecipients: {
    kk: 'Деректерді алған үшінші тұлғаларға олардың түзетілгені немесе жойылғаны туралы хабарланады.',
    ru: 'Третьи лица, получившие данные, уведомляются об их исправлении или уничтожении.',
    en: 'Third parties that received the data are told of its correction or destruction.',
  },
  complaint: {
    kk: 'Оператордың әрекетіне (әрекетсіздігіне) уәкілетті органға – {body} – немесе сотқа шағым жасауға болады.',
    ru: 'Действия (бездействие) оператора можно обжаловать в уполномоченный орган – {body} – или в суд.',
    en: 'You may complain about the operator’s actions (or failure to act) to the authorised body – {body} – or to a court.',
  },

  // ── cookies ───────────────────────────────────────────────────────────────
  cookiesBanner: {
    kk: 'Сайтқа алғаш кіргенде cookie файлдарына келісім сұралатын баннер көрсетіледі.',
    ru: 'При первом посещении сайта показывается баннер, запрашивающий согласие на использование файлов cookie.',
    en: 'On your first visit the site shows a banner asking for your consent to cookies.',
  },
  cookiesChangeable: {
    kk: 'Таңдауыңызды кез келген уақытта өзгертуге немесе кері қайтарып алуға болады.',
    ru: 'Выбор можно изменить или отозвать в любое время.',
    en: 'You can change or withdraw your choice at any time.',
  },
  cookiesPersonal: {
    kk: 'Cookie идентификаторлары дербес деректер ретінде өңделеді.',
    ru: 'Идентификаторы cookie обрабатываются как персональные данные.',
    en: 'Cookie identifiers are treated as personal data.',
  },
  cookiesNotPersonal: {
    kk: 'Оператор cookie идентификаторларын дербес деректер деп санамайды.',
    ru: 'Оператор не считает идентификаторы cookie персональными данными.',
    en: 'The operator does not treat cookie identifiers as personal data.',
  },
  cookiesCaption: { kk: 'Cookie санаттары және жеткізушілер', ru: 'Категории cookie и поставщики', en: 'Cookie categories and vendors' },
  columnDescription: { kk: 'Сипаттамасы', ru: 'Описание', en: 'Description' },
  columnConsentNeeded: { kk: 'Келісім қажет пе', ru: 'Нужно ли согласие', en: 'Consent needed' },
  columnVendors: { kk: 'Жеткізушілер және ел', ru: 'Поставщики и страна', en: 'Vendors and country' },
  cookieVendor: { kk: '{name} – {country}, {party}', ru: '{name} – {country}, {party}', en: '{name} – {country}, {party}' },
  cookieFirstParty: { kk: 'оператордың өз cookie файлдары', ru: 'собственные cookie оператора', en: 'first-party' },
  cookieThirdParty: { kk: 'үшінші тараптың cookie файлдары', ru: 'сторонние cookie', en: 'third-party' },
  cookieNames: { kk: 'cookie: {cookies}', ru: 'cookie: {cookies}', en: 'cookies: {cookies}' },

  // ── age rules ─────────────────────────────────────────────────────────────
  ageAdult: { kk: 'Кәмелетке толу жасы', ru: 'Возраст совершеннолетия', en: 'Age of majority' },
  ageMinimum: {
    kk: 'Сервисті өз бетінше пайдалануға болатын жас',
    ru: 'Минимальный возраст для самостоятельного использования',
    en: 'Youngest age to use the service alone',
  },
  ageUnderAge: {
    kk: 'Кәмелетке толмаған адамның деректері анықталса',
    ru: 'Если выявлены данные несовершеннолетнего',
    en: 'If data of an under-age person is found',
  },
  ageConsentBy: { kk: 'Кәмелетке толмаған адам үшін келісім береді', ru: 'Согласие за несовершеннолетнего даёт', en: 'Consent for a minor is given by' },
  ageRestrictAccess: {
    kk: 'Кәмелетке толмағаны анықталған субъектінің қол жеткізуі шектелуі мүмкін.',
    ru: 'Доступ субъекта, оказавшегося несовершеннолетним, может быть ограничен.',
    en: 'A subject found to be under age may have their access restricted.',
  },
  purposeLock: {
    kk: '{items} тек мына мақсаттарда пайдаланылады: {purposes}.',
    ru: '{items}: используются только для целей – {purposes}.',
    en: '{items}: used only for {purposes}.',
  },
  purposeLockKinds: { kk: 'Кімге қатысты: {kinds}.', ru: 'Относится к: {kinds}.', en: 'Applies to: {kinds}.' },

  // ── protection, accuracy, staff access ──────────────────────────────────
  protectionStorage: {
    kk: 'Дербес деректер дерекқоры {country} аумағында орналасқан (Заңның 12-бабының 2-тармағы).',
    ru: 'База данных с персональными данными находится на территории: {country} (п. 2 ст. 12 Закона).',
    en: 'The database holding personal data is located in {country} (art. 12(2) of the Law).',
  },
  measuresHeading: { kk: 'Қорғау шаралары', ru: 'Меры защиты', en: 'Protection measures' },
  encryption: { kk: 'Деректер шифрланады.', ru: 'Данные шифруются.', en: 'Data is encrypted.' },
  backups: { kk: 'Резервтік көшірмелер жасалады.', ru: 'Создаются резервные копии.', en: 'Backups are made.' },
  accessHeading: { kk: 'Қызметкерлердің қол жеткізуі', ru: 'Доступ работников', en: 'Staff access' },
  accessIntro: {
    kk: 'Дербес деректерге тек уәкілетті қызметкерлер қол жеткізеді; әр қол жеткізу мына негіздердің біріне сүйенеді:',
    ru: 'Доступ к персональным данным имеют только уполномоченные работники; каждый доступ основан на одном из оснований:',
    en: 'Only authorised staff access personal data, and each access rests on one of these grounds:',
  },
  accessMinimum: {
    kk: 'Қол жеткізу тапсырманы орындауға қажетті көлеммен шектеледі.',
    ru: 'Доступ ограничен объёмом, необходимым для выполнения задачи.',
    en: 'Access is limited to what the task needs.',
  },
  accessMonitored: {
    kk: 'Рұқсатсыз қол жеткізу бақыланады және оның алдын алынады.',
    ru: 'Несанкционированный доступ отслеживается и предотвращается.',
    en: 'Unauthorised access is monitored and prevented.',
  },
  accuracyHeading: { kk: 'Деректердің дұрыстығы', ru: 'Достоверность данных', en: 'Accuracy of data' },
  accuracyVerified: {
    kk: 'Оператор деректерді өзіндегі құжаттармен салыстырып тексере алады.',
    ru: 'Оператор может проверять данные по имеющимся у него документам.',
    en: 'The operator may check data against documents it holds.',
  },
  accuracyNotVerified: {
    kk: 'Оператор субъект берген деректерді тексермейді; олардың дұрыстығына субъект жауап береді.',
    ru: 'Оператор не проверяет данные, предоставленные субъектом; за их достоверность отвечает субъект.',
    en: 'The operator does not verify the data a subject gives; the subject answers for its accuracy.',
  },
  accuracyBlockWhileInDoubt: {
    kk: 'Деректердің дұрыстығына күмән туса, олар тексеру аяқталғанға дейін бұғатталады.',
    ru: 'При сомнении в достоверности данные блокируются до окончания проверки.',
    en: 'Data whose accuracy is in doubt is blocked until it has been checked.',
  },
  accuracyRestrict: {
    kk: 'Жалған деректер анықталса, пайдаланушының қол жеткізуі шектелуі мүмкін.',
    ru: 'При выявлении недостоверных данных доступ пользователя может быть ограничен.',
    en: 'If false data is found, the user’s access may be restricted.',
  },
  accuracyKeepCurrent: {
    kk: 'Пайдаланушы өз деректерін жеке кабинетте өзекті күйде ұстайды.',
    ru: 'Пользователь поддерживает свои данные в актуальном состоянии в личном кабинете.',
    en: 'Users keep their data up to date in their personal account.',
  },

  // ── breach ────────────────────────────────────────────────────────────────
  breachSubjects: {
    kk: 'Дербес деректер заңсыз таратылса, өзгертілсе, жойылса немесе оларға рұқсатсыз қол жеткізілсе, оператор бұл туралы зардап шеккен субъектілерге хабарлайды.',
    ru: 'Если персональные данные незаконно распространены, изменены, уничтожены или к ним получен несанкционированный доступ, оператор сообщает об этом затронутым субъектам.',
    en: 'If personal data is unlawfully disclosed, changed, destroyed or accessed, the operator tells the affected subjects.',
  },
  breachNoSubjects: {
    kk: 'Саясат бұзушылық туралы субъектілерге жеке хабарлауды көздемейді.',
    ru: 'Политика не предусматривает отдельного уведомления субъектов о нарушениях.',
    en: 'The policy does not provide for telling subjects of a breach individually.',
  },
  breachExceptions: { kk: 'Хабарлама мына деректерге қатысты жіберілмейді:', ru: 'Уведомление не направляется в отношении:', en: 'No notice is sent for:' },
  breachAuthority: {
    kk: 'Бұзушылық анықталған сәттен бастап {deadline} ішінде уәкілетті орган – {body} – хабардар етіледі ({source}).',
    ru: 'Уполномоченный орган – {body} – уведомляется в срок: {deadline} с момента обнаружения нарушения ({source}).',
    en: 'The authorised body – {body} – is notified within {deadline} of the breach being discovered ({source}).',
  },

  // ── version ───────────────────────────────────────────────────────────────
  versionId: { kk: 'Редакция', ru: 'Редакция', en: 'Version' },
  versionEffective: { kk: 'Күшіне енген күні', ru: 'Дата вступления в силу', en: 'Effective from' },
  versionApproved: { kk: 'Бекітілді', ru: 'Утверждено', en: 'Approved' },
  versionApprovedText: { kk: '{by}, {order}, {date}', ru: '{by}, {order}, {date}', en: '{by}, {order}, {date}' },
  versionApprovalAuthority: { kk: 'Бекітеді', ru: 'Утверждает', en: 'To be approved by' },
  versionChanges: { kk: 'Өзгерістер', ru: 'Изменения', en: 'Changes' },
  versionSource: { kk: 'Түпнұсқа', ru: 'Первоисточник', en: 'Original' },
  versionHash: { kk: 'Бақылау сомасы (SHA-256)', ru: 'Контрольная сумма (SHA-256)', en: 'Checksum (SHA-256)' },

  // ── the printable consent form ────────────────────────────────────────────
  formRef: {
    kk: 'Нысан: {id}, {version}-нұсқа; саясаттың {policyVersion} редакциясы',
    ru: 'Форма: {id}, версия {version}; редакция политики {policyVersion}',
    en: 'Form {id}, version {version}; policy version {policyVersion}',
  },
  formSubject: { kk: 'Дербес деректер субъектісі', ru: 'Субъект персональных данных', en: 'Data subject' },
  formSubjectMinor: {
    kk: 'Дербес деректер субъектісі (кәмелетке толмаған немесе әрекетке қабілетсіз адам)',
    ru: 'Субъект персональных данных (несовершеннолетний или недееспособный)',
    en: 'Data subject (a minor or an incapable person)',
  },
  formRepresentative: {
    kk: 'Заңды өкіл (келісімді кәмелетке толмаған немесе әрекетке қабілетсіз адам үшін берсе)',
    ru: 'Законный представитель (если согласие даётся за несовершеннолетнего или недееспособного)',
    en: 'Legal representative (where consent is given for a minor or an incapable person)',
  },
  fieldFullName: { kk: 'Тегі, аты, әкесінің аты (бар болса)', ru: 'Фамилия, имя, отчество (при наличии)', en: 'Full name' },
  fieldIin: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' },
  fieldIdDocument: {
    kk: 'Жеке басын куәландыратын құжат: түрі, нөмірі, кім және қашан берген',
    ru: 'Документ, удостоверяющий личность: вид, номер, кем и когда выдан',
    en: 'Identity document: type, number, issued by and on',
  },
  fieldRepresentationGround: {
    kk: 'Өкілдік негізі (құжат)',
    ru: 'Основание представительства (документ)',
    en: 'Ground of representation (document)',
  },
  fieldSignature: { kk: 'Қолы', ru: 'Подпись', en: 'Signature' },
  fieldDate: { kk: 'Күні', ru: 'Дата', en: 'Date' },
  formText: { kk: 'Келісім мәтіні', ru: 'Текст согласия', en: 'Text of the consent' },
  formData: { kk: 'Дербес деректер тізбесі', ru: 'Перечень персональных данных', en: 'Personal data covered' },
  formRecipients: { kk: 'Алушылар: {recipients}', ru: 'Получатели: {recipients}', en: 'Recipients: {recipients}' },
  formThirdPartyYes: {
    kk: 'Дербес деректер үшінші тұлғаларға берілуі мүмкін.',
    ru: 'Персональные данные могут передаваться третьим лицам.',
    en: 'Personal data may be transferred to third parties.',
  },
  formThirdPartyNo: {
    kk: 'Дербес деректер үшінші тұлғаларға берілмейді.',
    ru: 'Персональные данные не передаются третьим лицам.',
    en: 'Personal data is not transferred to third parties.',
  },
  formCrossBorderTo: {
    kk: 'Дербес деректер мына мемлекеттердің аумағына трансшекаралық берілуі мүмкін: {countries}.',
    ru: 'Возможна трансграничная передача персональных данных на территорию: {countries}.',
    en: 'Personal data may be transferred across the border to: {countries}.',
  },
  formCrossBorderYes: {
    kk: 'Дербес деректер трансшекаралық берілуі мүмкін.',
    ru: 'Возможна трансграничная передача персональных данных.',
    en: 'Personal data may be transferred across the border.',
  },
  formCrossBorderNo: {
    kk: 'Дербес деректерді трансшекаралық беру жүзеге асырылмайды.',
    ru: 'Трансграничная передача персональных данных не осуществляется.',
    en: 'Personal data is not transferred across the border.',
  },
  formPublicationYes: {
    kk: 'Дербес деректер жалпыға қолжетімді дереккөздерде жариялануы мүмкін.',
    ru: 'Персональные данные могут размещаться в общедоступных источниках.',
    en: 'Personal data may be published in public sources.',
  },
  formPublicationNo: {
    kk: 'Дербес деректер жалпыға қолжетімді дереккөздерде таратылмайды.',
    ru: 'Персональные данные не распространяются в общедоступных источниках.',
    en: 'Personal data is not published in public sources.',
  },
  formAttestation: {
    kk: 'Мен осы келісімнің мәтінін оқыдым және оған келісемін.',
    ru: 'С текстом настоящего согласия ознакомлен(а) и согласен(на).',
    en: 'I have read this consent and I agree to it.',
  },
  formOperator: { kk: 'Оператор', ru: 'Оператор', en: 'Operator' },

  // ── the version diff ─────────────────────────────────────────────────────
  diffTitle: { kk: 'Саясат өзгерістері: {before} → {after}', ru: 'Изменения политики: {before} → {after}', en: 'Policy changes: {before} → {after}' },
  diffNoChanges: { kk: 'Өзгерістер жоқ.', ru: 'Изменений нет.', en: 'No changes.' },
  diffCount: { kk: 'Өзгерістер саны: {n}.', ru: 'Всего изменений: {n}.', en: 'Changes in total: {n}.' },
  diffReconsentHeading: {
    kk: 'Келісімді қайта алу қажет болуы мүмкін',
    ru: 'Может потребоваться повторное согласие',
    en: 'Consent may have to be given again',
  },
  diffCrossBorderFlag: { kk: 'трансшекаралық беру', ru: 'трансграничная передача', en: 'cross-border transfer' },
  diffReconsentFlag: { kk: 'қайта келісім', ru: 'повторное согласие', en: 're-consent' },
  diffTextChanged: { kk: '{entity}: мәтіні өзгерді', ru: '{entity}: текст изменён', en: '{entity}: the text changed' },
  diffPlus: { kk: 'қосылды: {items}', ru: 'добавлено: {items}', en: 'added {items}' },
  diffMinus: { kk: 'алынып тасталды: {items}', ru: 'удалено: {items}', en: 'removed {items}' },
  diffListChanged: { kk: '{entity}: {field} – {delta}', ru: '{entity}: {field} – {delta}', en: '{entity}: {field} – {delta}' },
  diffAdded: { kk: 'Қосылды: {entity}', ru: 'Добавлено: {entity}', en: 'Added: {entity}' },
  diffRemoved: { kk: 'Алынып тасталды: {entity}', ru: 'Удалено: {entity}', en: 'Removed: {entity}' },
  diffChanged: { kk: '{entity}: {field}: {before} → {after}', ru: '{entity}: {field}: {before} → {after}', en: '{entity}: {field}: {before} → {after}' },
  diffRetentionKeep: {
    kk: '{entity}: {after_trigger} {before} → {after} сақталады',
    ru: '{entity}: срок хранения {before} → {after} {after_trigger}',
    en: '{entity}: kept {before} → {after} {after_trigger}',
  },
  diffDeadlineTightened: { kk: '{entity} қысқартылды: {before} → {after}', ru: '{entity} сокращён: {before} → {after}', en: '{entity} tightened: {before} → {after}' },
  diffDeadlineLoosened: { kk: '{entity} ұзартылды: {before} → {after}', ru: '{entity} увеличен: {before} → {after}', en: '{entity} loosened: {before} → {after}' },
  diffDeadlineChanged: { kk: '{entity} өзгерді: {before} → {after}', ru: '{entity} изменён: {before} → {after}', en: '{entity} changed: {before} → {after}' },
  diffNewCrossBorder: {
    kk: 'Жаңа трансшекаралық беру: {entity} ({role}), {country}; негізі: {ground}.',
    ru: 'Новая трансграничная передача: {entity} ({role}), {country}; основание: {ground}.',
    en: 'New cross-border transfer: {entity} ({role}), {country}; ground: {ground}.',
  },
  diffCrossBorderCountry: {
    kk: 'Трансшекаралық беру: {entity}, ел: {before} → {after}; негізі: {ground}.',
    ru: 'Трансграничная передача: {entity}, страна: {before} → {after}; основание: {ground}.',
    en: 'Cross-border transfer: {entity}, country {before} → {after}; ground: {ground}.',
  },
  diffFormVersion: {
    kk: '{entity} {before}-нұсқадан {after}-нұсқаға ауыстырылды: {form} нысанының {before}-нұсқасына келісім берген субъектілерден келісімді қайта алу қажет болуы мүмкін.',
    ru: '{entity} обновлена с версии {before} до версии {after}: субъектам, давшим согласие по форме {form} версии {before}, может потребоваться дать согласие заново.',
    en: '{entity} moved from version {before} to version {after}: subjects who consented to form {form} version {before} may need to give consent again.',
  },
  diffFormTextWithoutVersion: {
    kk: '{entity}: мәтіні өзгерді, бірақ нұсқа нөмірі ({version}) өзгермеді: нұсқаны көтеріңіз, әйтпесе бұрынғы келісімдердің қай мәтінге берілгені белгісіз болады.',
    ru: '{entity}: текст изменён, а номер версии ({version}) остался прежним: повысьте версию, иначе не будет видно, на какой текст дано прежнее согласие.',
    en: '{entity}: the text changed but the version ({version}) did not: raise the version, or earlier consents cannot be tied to the text they were given for.',
  },
  diffNewForm: {
    kk: 'Жаңа {entity} ({version}-нұсқа): мына мақсаттар үшін субъектілердің келісімін алу қажет: {purposes}.',
    ru: 'Новая {entity} (версия {version}): нужно получить согласие субъектов для целей: {purposes}.',
    en: 'New {entity} (version {version}): subjects’ consent is needed for {purposes}.',
  },
} as const satisfies Record<string, Localized>
export type MessageKey = keyof typeof MESSAGES

// ── enum labels, one table per `as const` list of the schema ────────────────

export const ITEM_KIND_LABELS: Record<ItemKind, Localized> = {
  full_name: { kk: 'Тегі, аты, әкесінің аты', ru: 'Фамилия, имя, отчество', en: 'Full name' },
  former_name: { kk: 'Бұрынғы тегі, аты, әкесінің аты', ru: 'Прежние фамилия, имя, отчество', en: 'Former name' },
  iin: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' },
  bin: { kk: 'БСН', ru: 'БИН', en: 'BIN' },
  id_document: { kk: 'Жеке басын куәландыратын құжаттың деректері', ru: 'Данные документа, удостоверяющего личность', en: 'Identity document details' },
  id_document_copy: { kk: 'Жеке басын куәландыратын құжаттың көшірмесі', ru: 'Копия документа, удостоверяющего личность', en: 'Copy of the identity document' },
  birth_date: { kk: 'Туған күні', ru: 'Дата рождения', en: 'Date of birth' },
  birth_place: { kk: 'Туған жері', ru: 'Место рождения', en: 'Place of birth' },
  sex: { kk: 'Жынысы', ru: 'Пол', en: 'Sex' },
  citizenship: { kk: 'Азаматтығы', ru: 'Гражданство', en: 'Citizenship' },
  residency: { kk: 'Резиденттігі', ru: 'Резидентство', en: 'Residency' },
  address: { kk: 'Мекенжайы', ru: 'Адрес', en: 'Address' },
  postcode: { kk: 'Пошта индексі', ru: 'Почтовый индекс', en: 'Postcode' },
  phone: { kk: 'Телефон нөмірі', ru: 'Номер телефона', en: 'Phone number' },
  email: { kk: 'Электрондық пошта мекенжайы', ru: 'Адрес электронной почты', en: 'E-mail address' },
  messenger_id: { kk: 'Мессенджердегі идентификатор', ru: 'Идентификатор в мессенджере', en: 'Messenger ID' },
  social_profile: { kk: 'Әлеуметтік желідегі профиль', ru: 'Профиль в социальной сети', en: 'Social network profile' },
  password: { kk: 'Құпиясөз', ru: 'Пароль', en: 'Password' },
  bank_card: { kk: 'Банк картасының нөмірі', ru: 'Номер банковской карты', en: 'Bank card number' },
  bank_account: { kk: 'Банк шоты', ru: 'Банковский счёт', en: 'Bank account' },
  payment: { kk: 'Төлемдер туралы деректер', ru: 'Данные о платежах', en: 'Payment data' },
  contract: { kk: 'Шарт деректері', ru: 'Данные договора', en: 'Contract data' },
  subscriber_number: { kk: 'Абоненттік нөмір', ru: 'Абонентский номер', en: 'Subscriber number' },
  service_usage: { kk: 'Қызметтерді пайдалану туралы деректер', ru: 'Данные об использовании услуг', en: 'Service usage data' },
  location: { kk: 'Орналасқан жері', ru: 'Местоположение', en: 'Location' },
  ip_address: { kk: 'IP-мекенжай', ru: 'IP-адрес', en: 'IP address' },
  cookie_id: { kk: 'Cookie идентификаторы', ru: 'Идентификатор cookie', en: 'Cookie identifier' },
  device_id: { kk: 'Құрылғы идентификаторы', ru: 'Идентификатор устройства', en: 'Device identifier' },
  browser: { kk: 'Браузер туралы деректер', ru: 'Данные о браузере', en: 'Browser data' },
  page_url: { kk: 'Бет мекенжайы (URL)', ru: 'Адрес страницы (URL)', en: 'Page URL' },
  referrer: { kk: 'Алдыңғы беттің мекенжайы (referrer)', ru: 'Адрес ссылающейся страницы (referrer)', en: 'Referrer' },
  access_time: { kk: 'Кіру уақыты', ru: 'Время доступа', en: 'Access time' },
  user_activity: { kk: 'Пайдаланушы белсенділігі', ru: 'Активность пользователя', en: 'User activity' },
  inference: { kk: 'Тұжырымдар және сегменттеу', ru: 'Выводы и сегментация', en: 'Inferences and segmentation' },
  organisation: { kk: 'Ұйым', ru: 'Организация', en: 'Organisation' },
  position: { kk: 'Лауазымы', ru: 'Должность', en: 'Position' },
  education: { kk: 'Білімі', ru: 'Образование', en: 'Education' },
  family: { kk: 'Отбасы туралы деректер', ru: 'Данные о семье', en: 'Family data' },
  photo: { kk: 'Фотосурет', ru: 'Фотография', en: 'Photograph' },
  face_image: { kk: 'Бет-әлпетінің бейнесі', ru: 'Изображение лица', en: 'Face image' },
  fingerprint: { kk: 'Саусақ іздері', ru: 'Отпечатки пальцев', en: 'Fingerprints' },
  palm_image: { kk: 'Алақан бейнесі', ru: 'Изображение ладони', en: 'Palm image' },
  voice: { kk: 'Дауыс', ru: 'Голос', en: 'Voice' },
  video: { kk: 'Бейнежазба', ru: 'Видеозапись', en: 'Video recording' },
  attendance: { kk: 'Келу-кету есебі', ru: 'Учёт посещаемости', en: 'Attendance records' },
  correspondence: { kk: 'Хат алмасу', ru: 'Переписка', en: 'Correspondence' },
  other: { kk: 'Өзге деректер', ru: 'Иные данные', en: 'Other data' },
}

export const SENSITIVITY_LABELS: Record<Sensitivity, Localized> = {
  ordinary: { kk: 'жалпы', ru: 'обычные', en: 'ordinary' },
  restricted: { kk: 'қолжетімділігі шектеулі', ru: 'ограниченного доступа', en: 'restricted access' },
  biometric: { kk: 'биометриялық', ru: 'биометрические', en: 'biometric' },
}

export const SOURCE_LABELS: Record<Source, Localized> = {
  subject: { kk: 'Дербес деректер субъектісінің өзінен', ru: 'Непосредственно от субъекта', en: 'From the subject' },
  representative: { kk: 'Субъектінің өкілінен', ru: 'От представителя субъекта', en: 'From the subject’s representative' },
  automatic: { kk: 'Автоматты түрде (веб-ресурстар арқылы)', ru: 'Автоматически (через веб-ресурсы)', en: 'Automatically (through web resources)' },
  third_party: { kk: 'Үшінші тұлғалардан', ru: 'От третьих лиц', en: 'From third parties' },
  public_source: { kk: 'Жалпыға қолжетімді дереккөздерден', ru: 'Из общедоступных источников', en: 'From public sources' },
  state_system: { kk: 'Мемлекеттік ақпараттық жүйелерден', ru: 'Из государственных информационных систем', en: 'From state information systems' },
  operator: { kk: 'Оператордың өзі жасаған', ru: 'Создаются оператором', en: 'Created by the operator' },
}

export const SUBJECT_ROLE_LABELS: Record<(typeof SUBJECT_ROLES)[number], Localized> = {
  person: { kk: 'жеке тұлға', ru: 'физическое лицо', en: 'individual' },
  representative: { kk: 'өкіл (сенімхат бойынша)', ru: 'представитель (по доверенности)', en: 'representative (power of attorney)' },
  legal_entity_representative: { kk: 'заңды тұлғаның өкілі', ru: 'представитель юридического лица', en: 'representative of a legal entity' },
  parent: { kk: 'ата-ана', ru: 'родитель', en: 'parent' },
  guardian: { kk: 'қорғаншы', ru: 'опекун', en: 'guardian' },
}

export const LEGAL_BASIS_LABELS: Record<LegalBasis, Localized> = {
  consent: { kk: 'Дербес деректер субъектісінің келісімі', ru: 'Согласие субъекта персональных данных', en: 'The data subject’s consent' },
  contract: { kk: 'Субъект тарап болып табылатын шартты жасасу және орындау', ru: 'Заключение и исполнение договора, стороной которого является субъект', en: 'A contract to which the subject is party' },
  legal_obligation: { kk: 'Заңнамада белгіленген міндет', ru: 'Обязанность, установленная законодательством', en: 'A duty set by law' },
  other_lawful_ground: { kk: 'Заңда көзделген өзге негіз (Заңның 9-бабы)', ru: 'Иное основание, предусмотренное законом (ст. 9 Закона)', en: 'Another lawful ground (art. 9 of the Law)' },
}

export const CHANNEL_LABELS: Record<Channel, Localized> = {
  sms: { kk: 'SMS', ru: 'SMS', en: 'SMS' },
  email: { kk: 'электрондық пошта', ru: 'электронная почта', en: 'e-mail' },
  phone: { kk: 'телефон қоңырауы', ru: 'телефонный звонок', en: 'phone call' },
  messenger: { kk: 'мессенджерлер', ru: 'мессенджеры', en: 'messengers' },
  post: { kk: 'пошта', ru: 'почта', en: 'post' },
  push: { kk: 'push-хабарламалар', ru: 'push-уведомления', en: 'push notifications' },
  in_app: { kk: 'қосымшадағы хабарламалар', ru: 'сообщения в приложении', en: 'in-app messages' },
}

export const RECIPIENT_ROLE_LABELS: Record<RecipientRole, Localized> = {
  processor: { kk: 'Оператордың тапсырмасы бойынша өңдейтін тұлға', ru: 'Обработчик по поручению оператора', en: 'Processor acting for the operator' },
  partner: { kk: 'Серіктес', ru: 'Партнёр', en: 'Partner' },
  state_body: { kk: 'Мемлекеттік орган', ru: 'Государственный орган', en: 'State body' },
  affiliate: { kk: 'Үлестес тұлға', ru: 'Аффилированное лицо', en: 'Affiliate' },
  controller: { kk: 'Дербес деректердің өзге операторы', ru: 'Самостоятельный оператор персональных данных', en: 'Independent operator (controller)' },
  professional_adviser: { kk: 'Кәсіби кеңесші (аудитор, нотариус, заңгер)', ru: 'Профессиональный консультант (аудитор, нотариус, юрист)', en: 'Professional adviser (auditor, notary, lawyer)' },
}

export const CROSS_BORDER_GROUND_LABELS: Record<CrossBorderGround, Localized> = {
  consent: { kk: 'субъектінің келісімі', ru: 'согласие субъекта', en: 'the subject’s consent' },
  adequate_state: { kk: 'дербес деректердің қорғалуын қамтамасыз ететін мемлекет', ru: 'государство, обеспечивающее защиту персональных данных', en: 'a state that ensures the protection of personal data' },
  treaty: { kk: 'Қазақстан Республикасы ратификациялаған халықаралық шарт', ru: 'международный договор, ратифицированный Республикой Казахстан', en: 'an international treaty ratified by Kazakhstan' },
  law: { kk: 'заңда көзделген жағдай', ru: 'случай, предусмотренный законом', en: 'a case provided by law' },
  constitutional_rights: { kk: 'конституциялық құқықтар мен бостандықтарды қорғау', ru: 'защита конституционных прав и свобод', en: 'protection of constitutional rights and freedoms' },
}

export const RETENTION_TRIGGER_LABELS: Record<RetentionTrigger, Localized> = {
  purpose_achieved: { kk: 'өңдеу мақсатына қол жеткізу', ru: 'достижение цели обработки', en: 'achievement of the purpose' },
  relationship_end: { kk: 'қатынастардың аяқталуы', ru: 'окончание отношений', en: 'the end of the relationship' },
  contract_end: { kk: 'шарттың аяқталуы', ru: 'окончание договора', en: 'the end of the contract' },
  consent_withdrawn: { kk: 'келісімді кері қайтарып алу', ru: 'отзыв согласия', en: 'withdrawal of consent' },
  consent_expired: { kk: 'келісім мерзімінің өтуі', ru: 'истечение срока согласия', en: 'expiry of consent' },
  deletion_request: { kk: 'жою туралы өтініш', ru: 'требование об удалении', en: 'a request for deletion' },
  collection: { kk: 'деректерді жинау', ru: 'сбор данных', en: 'collection of the data' },
  account_closed: { kk: 'есептік жазбаның жабылуы', ru: 'закрытие учётной записи', en: 'closure of the account' },
}

/** "after <trigger>" as a phrase: Kazakh puts the verb in the ablative before "кейін", Russian the noun in the genitive. */
export const RETENTION_AFTER: Record<RetentionTrigger, Localized> = {
  purpose_achieved: { kk: 'өңдеу мақсатына қол жеткізілгеннен кейін', ru: 'после достижения цели обработки', en: 'after the purpose is achieved' },
  relationship_end: { kk: 'қатынастар аяқталғаннан кейін', ru: 'после окончания отношений', en: 'after the end of the relationship' },
  contract_end: { kk: 'шарт аяқталғаннан кейін', ru: 'после окончания договора', en: 'after the end of the contract' },
  consent_withdrawn: { kk: 'келісім кері қайтарып алынғаннан кейін', ru: 'после отзыва согласия', en: 'after consent is withdrawn' },
  consent_expired: { kk: 'келісімнің мерзімі өткеннен кейін', ru: 'после истечения срока согласия', en: 'after consent expires' },
  deletion_request: { kk: 'жою туралы өтініш түскеннен кейін', ru: 'после получения требования об удалении', en: 'after a request for deletion' },
  collection: { kk: 'деректер жиналғаннан кейін', ru: 'после сбора данных', en: 'after the data is collected' },
  account_closed: { kk: 'есептік жазба жабылғаннан кейін', ru: 'после закрытия учётной записи', en: 'after the account is closed' },
}

export const RETENTION_ACTION_LABELS: Record<RetentionAction, Localized> = {
  destroy: { kk: 'жойылады', ru: 'уничтожаются', en: 'destroyed' },
  anonymise: { kk: 'иесіздендіріледі', ru: 'обезличиваются', en: 'anonymised' },
  anonymise_then_destroy: { kk: 'иесіздендіріледі, содан кейін жойылады', ru: 'обезличиваются, а затем уничтожаются', en: 'anonymised and then destroyed' },
  destroy_or_anonymise: { kk: 'жойылады немесе иесіздендіріледі', ru: 'уничтожаются или обезличиваются', en: 'destroyed or anonymised' },
}

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, Localized> = {
  paper_signature: { kk: 'қағаз жеткізгіштегі қолтаңба', ru: 'подпись на бумажном носителе', en: 'signature on paper' },
  eds: { kk: 'ЭЦҚ қойылған электрондық құжат', ru: 'электронный документ, подписанный ЭЦП', en: 'electronic document signed with an EDS' },
  phone_confirmation: { kk: 'телефон арқылы растау', ru: 'подтверждение по телефону', en: 'confirmation by phone' },
  call_recording: { kk: 'жазылатын телефон қоңырауы', ru: 'записываемый телефонный звонок', en: 'recorded phone call' },
  checkbox: { kk: 'белгі қою (чекбокс)', ru: 'отметка в поле (чекбокс)', en: 'ticking a box' },
  registration: { kk: 'тіркелу', ru: 'регистрация', en: 'registration' },
  continued_use: { kk: 'ресурсты пайдалануды жалғастыру', ru: 'продолжение использования ресурса', en: 'continuing to use the resource' },
  form_submission: { kk: 'толтырылған нысанды жіберу', ru: 'отправка заполненной формы', en: 'submitting a completed form' },
  sms_code: { kk: 'SMS-кодпен растау', ru: 'подтверждение SMS-кодом', en: 'confirmation by SMS code' },
  state_service: { kk: 'дербес деректерге қол жеткізуді бақылаудың мемлекеттік сервисі', ru: 'государственный сервис контроля доступа к персональным данным', en: 'the state service for control of access to personal data' },
  non_state_service: { kk: 'мемлекеттік емес сервис', ru: 'негосударственный сервис', en: 'a non-state service' },
  application: { kk: 'өтініш беру', ru: 'подача заявления', en: 'submitting an application' },
}

export const CONSENT_GIVER_LABELS: Record<(typeof CONSENT_GIVERS)[number], Localized> = {
  subject: { kk: 'субъектінің өзі', ru: 'сам субъект', en: 'the subject' },
  legal_representative: { kk: 'заңды өкіл (ата-ана, қорғаншы)', ru: 'законный представитель (родитель, опекун)', en: 'the legal representative (parent, guardian)' },
  either: { kk: 'субъект немесе оның заңды өкілі', ru: 'субъект или его законный представитель', en: 'the subject or their legal representative' },
}

export const WITHDRAWAL_CHANNEL_LABELS: Record<WithdrawalChannel, Localized> = {
  registered_mail: { kk: 'тапсырыс хат', ru: 'заказное письмо', en: 'registered letter' },
  post: { kk: 'пошта арқылы хат', ru: 'письмо по почте', en: 'letter by post' },
  courier: { kk: 'курьер арқылы', ru: 'курьером', en: 'by courier' },
  written_application: { kk: 'жазбаша өтініш', ru: 'письменное заявление', en: 'written application' },
  email: { kk: 'электрондық пошта', ru: 'электронная почта', en: 'e-mail' },
  eds_document: { kk: 'ЭЦҚ қойылған электрондық құжат', ru: 'электронный документ с ЭЦП', en: 'electronic document signed with an EDS' },
  portal: { kk: 'жеке кабинет (портал)', ru: 'личный кабинет (портал)', en: 'personal account (portal)' },
  phone: { kk: 'телефон', ru: 'телефон', en: 'phone' },
  in_person: { kk: 'жеке өзі келу', ru: 'лично', en: 'in person' },
  state_service: { kk: 'мемлекеттік сервис', ru: 'государственный сервис', en: 'the state service' },
}

export const WITHDRAWAL_BLOCKER_LABELS: Record<WithdrawalBlocker, Localized> = {
  unfulfilled_obligation: {
    kk: 'субъектінің операторға орындалмаған міндеттемелері болса',
    ru: 'при наличии неисполненных обязательств субъекта перед оператором',
    en: 'while the subject has unfulfilled obligations to the operator',
  },
  contradicts_law: {
    kk: 'кері қайтарып алу Қазақстан Республикасының заңдарына қайшы келсе',
    ru: 'если отзыв противоречит законам Республики Казахстан',
    en: 'where withdrawal would contradict the law',
  },
  other: { kk: 'өзге жағдайлар (төменде сипатталған)', ru: 'иные случаи (описаны ниже)', en: 'other cases (described below)' },
}

export const WITHDRAWAL_CONSEQUENCE_LABELS: Record<WithdrawalConsequence, Localized> = {
  processing_stopped: { kk: 'дербес деректерді өңдеу тоқтатылады', ru: 'обработка персональных данных прекращается', en: 'processing of the personal data stops' },
  account_deleted: { kk: 'есептік жазба және жеке кабинет жойылады', ru: 'учётная запись и личный кабинет удаляются', en: 'the account and personal cabinet are deleted' },
  loyalty_ended: { kk: 'адалдық бағдарламасына қатысу тоқтатылады', ru: 'участие в программе лояльности прекращается', en: 'participation in the loyalty programme ends' },
  loyalty_card_blocked: { kk: 'адалдық картасы бұғатталады', ru: 'карта программы лояльности блокируется', en: 'the loyalty card is blocked' },
  discounts_stopped: { kk: 'жеңілдіктер берілмейді', ru: 'скидки перестают предоставляться', en: 'discounts stop' },
  contract_terminated: { kk: 'шарт бұзылады', ru: 'договор расторгается', en: 'the contract is terminated' },
  service_unavailable: { kk: 'қызметтерді пайдалану мүмкін болмайды', ru: 'услуги становятся недоступны', en: 'the services become unavailable' },
  reconsent_required: {
    kk: 'қызметтерді қайта пайдалану үшін келісімді қайтадан беру қажет',
    ru: 'для повторного пользования услугами нужно снова дать согласие',
    en: 'consent must be given again to use the services again',
  },
}

export const COOKIE_CATEGORY_LABELS: Record<CookieCategory, Localized> = {
  necessary: { kk: 'Қажетті', ru: 'Необходимые', en: 'Necessary' },
  functional: { kk: 'Функционалдық', ru: 'Функциональные', en: 'Functional' },
  analytics: { kk: 'Аналитикалық', ru: 'Аналитические', en: 'Analytics' },
  marketing: { kk: 'Маркетингтік', ru: 'Маркетинговые', en: 'Marketing' },
}

export const REQUEST_KIND_LABELS: Record<RequestKind, Localized> = {
  information: { kk: 'Дербес деректердің бар-жоғы және оларды өңдеу туралы ақпарат', ru: 'Информация о наличии и обработке персональных данных', en: 'Information on whether and how your data is processed' },
  access: { kk: 'Өз дербес деректерімен танысу', ru: 'Ознакомление со своими персональными данными', en: 'Access to your personal data' },
  copy: { kk: 'Дербес деректердің көшірмесін беру', ru: 'Предоставление копии персональных данных', en: 'A copy of your personal data' },
  rectify: { kk: 'Дербес деректерді өзгерту', ru: 'Изменение персональных данных', en: 'Changing your data' },
  supplement: { kk: 'Дербес деректерді толықтыру', ru: 'Дополнение персональных данных', en: 'Supplementing your data' },
  block: { kk: 'Дербес деректерді бұғаттау', ru: 'Блокирование персональных данных', en: 'Blocking your data' },
  unblock: { kk: 'Бұзушылық расталмаса, бұғаттауды алу', ru: 'Снятие блокирования, если нарушение не подтвердилось', en: 'Lifting a block when the breach is not confirmed' },
  destroy_unlawful: { kk: 'Заңсыз өңделген дербес деректерді жою', ru: 'Уничтожение незаконно обрабатываемых персональных данных', en: 'Destroying unlawfully processed data' },
  destroy_purpose_achieved: { kk: 'Мақсатқа қол жеткізілгеннен кейін жою', ru: 'Уничтожение по достижении цели обработки', en: 'Destroying data once the purpose is achieved' },
  anonymise: { kk: 'Дербес деректерді иесіздендіру', ru: 'Обезличивание персональных данных', en: 'Anonymising your data' },
  stop_unlawful_processing: { kk: 'Заңсыз өңдеуді тоқтату', ru: 'Прекращение незаконной обработки', en: 'Stopping unlawful processing' },
  withdraw_consent: { kk: 'Келісімді кері қайтарып алу', ru: 'Отзыв согласия', en: 'Withdrawing consent' },
  complaint: { kk: 'Шағымды қарау', ru: 'Рассмотрение жалобы', en: 'Handling a complaint' },
  marketing_opt_out: { kk: 'Жарнамалық хабарламалардан бас тарту', ru: 'Отказ от рекламных сообщений', en: 'Opting out of marketing messages' },
  automated_decision_objection: { kk: 'Автоматтандырылған өңдеуге қарсылыққа жауап беру', ru: 'Ответ на возражение против автоматизированной обработки', en: 'Answering an objection to automated processing' },
  third_party_transfer_notice: { kk: 'Үшінші тұлғаға беру туралы хабарлау', ru: 'Уведомление о передаче третьему лицу', en: 'Notice of a transfer to a third party' },
  remove_published: { kk: 'Заңсыз жарияланған деректерді жалпыға қолжетімді дереккөздерден алып тастау', ru: 'Удаление незаконно опубликованных данных из общедоступных источников', en: 'Removing unlawfully published data from public sources' },
  breach_notice_authority: { kk: 'Бұзушылық туралы уәкілетті органға хабарлау', ru: 'Уведомление уполномоченного органа о нарушении', en: 'Notifying the authorised body of a breach' },
}

export const DAY_UNIT_LABELS: Record<DayUnit, Localized> = {
  business: { kk: 'жұмыс күндері', ru: 'рабочие дни', en: 'business days' },
  calendar: { kk: 'күнтізбелік күндер', ru: 'календарные дни', en: 'calendar days' },
}

export const REQUEST_CHANNEL_LABELS: Record<(typeof REQUEST_CHANNELS)[number], Localized> = {
  written: { kk: 'жазбаша', ru: 'в письменной форме', en: 'in writing' },
  electronic_document: { kk: 'электрондық құжат', ru: 'электронный документ', en: 'electronic document' },
  email: { kk: 'электрондық пошта', ru: 'электронная почта', en: 'e-mail' },
  portal: { kk: 'жеке кабинет (портал)', ru: 'личный кабинет (портал)', en: 'personal account (portal)' },
  in_person: { kk: 'жеке өзі келу', ru: 'лично', en: 'in person' },
  post: { kk: 'пошта арқылы', ru: 'по почте', en: 'by post' },
}

export const IDENTITY_PROOF_LABELS: Record<(typeof IDENTITY_PROOFS)[number], Localized> = {
  id_document_number: { kk: 'жеке басын куәландыратын құжаттың нөмірі', ru: 'номер документа, удостоверяющего личность', en: 'the number of the identity document' },
  id_document_issue_date: { kk: 'құжаттың берілген күні', ru: 'дата выдачи документа', en: 'its date of issue' },
  id_document_issuer: { kk: 'құжатты берген орган', ru: 'орган, выдавший документ', en: 'the issuing authority' },
  handwritten_signature: { kk: 'өз қолымен қойылған қолтаңба', ru: 'собственноручная подпись', en: 'a handwritten signature' },
  eds: { kk: 'электрондық цифрлық қолтаңба (ЭЦҚ)', ru: 'электронная цифровая подпись (ЭЦП)', en: 'an electronic digital signature (EDS)' },
  sms_code: { kk: 'SMS-код', ru: 'SMS-код', en: 'an SMS code' },
  portal_login: { kk: 'жеке кабинетке кіру', ru: 'вход в личный кабинет', en: 'a login to the personal account' },
}

export const CORRECTIONS_FROM_LABELS: Record<NonNullable<RequestHandling['correctionsFrom']>[number], Localized> = {
  subject: { kk: 'субъектінің өзі', ru: 'сам субъект', en: 'the subject' },
  representative: { kk: 'субъектінің өкілі', ru: 'представитель субъекта', en: 'the subject’s representative' },
  authorised_body: { kk: 'уәкілетті орган', ru: 'уполномоченный орган', en: 'the authorised body' },
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

export const CONSENT_TERM_LABELS: Record<Extract<ConsentTerm, { until: string }>['until'], Localized> = {
  purpose_achieved: { kk: 'өңдеу мақсаттарына қол жеткізілгенге дейін', ru: 'до достижения целей обработки', en: 'until the purposes of processing are achieved' },
  withdrawn: { kk: 'келісім кері қайтарып алынғанға дейін', ru: 'до отзыва согласия', en: 'until consent is withdrawn' },
  relationship_end: { kk: 'оператормен қатынастар (шарт) аяқталғанға дейін', ru: 'на весь срок отношений (договора) с оператором', en: 'for the whole relationship (contract) with the operator' },
}

// ── the version diff: areas, the thing each change is about, and field names ─

export const CHANGE_AREA_LABELS: Record<ChangeArea, Localized> = {
  operator: { kk: 'Оператор', ru: 'Оператор', en: 'Operator' },
  version: { kk: 'Редакция', ru: 'Редакция', en: 'Version' },
  subject_kinds: { kk: 'Субъектілер', ru: 'Субъекты', en: 'Data subjects' },
  categories: { kk: 'Деректер санаттары', ru: 'Категории данных', en: 'Data categories' },
  items: { kk: 'Деректер', ru: 'Данные', en: 'Data items' },
  purposes: { kk: 'Мақсаттар', ru: 'Цели', en: 'Purposes' },
  retention: { kk: 'Сақтау мерзімдері', ru: 'Сроки хранения', en: 'Retention' },
  recipients: { kk: 'Алушылар', ru: 'Получатели', en: 'Recipients' },
  consent_forms: { kk: 'Келісім нысандары', ru: 'Формы согласия', en: 'Consent forms' },
  withdrawal: { kk: 'Келісімді кері қайтарып алу', ru: 'Отзыв согласия', en: 'Withdrawal of consent' },
  deadlines: { kk: 'Мерзімдер', ru: 'Сроки', en: 'Deadlines' },
  cookies: { kk: 'Cookie файлдары', ru: 'Файлы cookie', en: 'Cookies' },
  age_rules: { kk: 'Кәмелетке толмағандар', ru: 'Несовершеннолетние', en: 'Minors' },
  requests: { kk: 'Өтініштер', ru: 'Обращения', en: 'Requests' },
  access: { kk: 'Қызметкерлердің қол жеткізуі', ru: 'Доступ работников', en: 'Staff access' },
  breach: { kk: 'Бұзушылықтар', ru: 'Нарушения', en: 'Breaches' },
  notice: { kk: 'Хабарлама бөлімдері', ru: 'Разделы уведомления', en: 'Notice sections' },
}

/** What a change is about, named inside a sentence; `{name}` is the policy's own name for it. */
export const CHANGE_ENTITIES: Record<ChangeArea, Localized> = {
  operator: { kk: 'оператор', ru: 'оператор', en: 'operator' },
  version: { kk: 'редакция', ru: 'редакция', en: 'version' },
  subject_kinds: { kk: '«{name}» субъектілер түрі', ru: 'вид субъектов «{name}»', en: 'subject kind “{name}”' },
  categories: { kk: '«{name}» деректер санаты', ru: 'категория данных «{name}»', en: 'data category “{name}”' },
  items: { kk: '«{name}» деректері', ru: 'данные «{name}»', en: 'data item “{name}”' },
  purposes: { kk: '«{name}» мақсаты', ru: 'цель «{name}»', en: 'purpose “{name}”' },
  retention: { kk: '«{name}» сақтау ережесі', ru: 'правило хранения «{name}»', en: 'retention rule “{name}”' },
  recipients: { kk: '«{name}» алушысы', ru: 'получатель «{name}»', en: 'recipient “{name}”' },
  consent_forms: { kk: '«{name}» келісім нысаны', ru: 'форма согласия «{name}»', en: 'consent form “{name}”' },
  withdrawal: { kk: '«{name}» келісімін кері қайтарып алу тәртібі', ru: 'порядок отзыва согласия «{name}»', en: 'withdrawal of consent “{name}”' },
  deadlines: { kk: '«{name}» мерзімі', ru: 'срок «{name}»', en: 'deadline for “{name}”' },
  cookies: { kk: '«{name}» cookie', ru: 'cookie «{name}»', en: 'cookies “{name}”' },
  age_rules: { kk: 'кәмелетке толмағандарға қатысты ережелер', ru: 'правила для несовершеннолетних', en: 'rules for minors' },
  requests: { kk: 'өтініштерді қабылдау тәртібі', ru: 'порядок приёма обращений', en: 'request handling' },
  access: { kk: 'қызметкерлердің қол жеткізуі', ru: 'доступ работников', en: 'staff access' },
  breach: { kk: 'бұзушылық туралы хабарлау', ru: 'уведомление о нарушениях', en: 'breach notices' },
  notice: { kk: 'хабарламаның «{name}» бөлімі', ru: 'раздел уведомления «{name}»', en: 'notice section “{name}”' },
}

export const CHANGE_FIELD_LABELS: Record<ChangeField, Localized> = {
  name: { kk: 'атауы', ru: 'наименование', en: 'name' },
  bin: { kk: 'БСН', ru: 'БИН', en: 'BIN' },
  iin: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' },
  address: { kk: 'мекенжайы', ru: 'адрес', en: 'address' },
  postal_address: { kk: 'пошталық мекенжайы', ru: 'почтовый адрес', en: 'postal address' },
  email: { kk: 'электрондық пошта', ru: 'электронная почта', en: 'e-mail' },
  phone: { kk: 'телефон', ru: 'телефон', en: 'phone' },
  website: { kk: 'веб-сайт', ru: 'веб-сайт', en: 'website' },
  responsible_person: { kk: 'жауапты тұлға', ru: 'ответственное лицо', en: 'responsible person' },
  data_location: { kk: 'деректердің сақталатын орны', ru: 'место хранения данных', en: 'where data is stored' },
  legal_acts: { kk: 'құқықтық актілер', ru: 'правовые акты', en: 'legal acts' },
  change_notice: { kk: 'өзгерістер туралы хабарлау', ru: 'порядок извещения об изменениях', en: 'how changes are announced' },
  description: { kk: 'сипаттамасы', ru: 'описание', en: 'description' },
  role: { kk: 'рөлі', ru: 'роль', en: 'role' },
  min_age: { kk: 'ең төменгі жасы', ru: 'минимальный возраст', en: 'minimum age' },
  minor: { kk: 'кәмелетке толмағандар', ru: 'несовершеннолетние', en: 'minors' },
  represents: { kk: 'кімнің атынан әрекет етеді', ru: 'от чьего имени действует', en: 'acts for' },
  citizenship: { kk: 'азаматтығы', ru: 'гражданство', en: 'citizenship' },
  kind: { kk: 'түрі', ru: 'вид', en: 'kind' },
  sensitivity: { kk: 'қолжетімділік санаты', ru: 'категория доступа', en: 'sensitivity' },
  sources: { kk: 'дереккөздері', ru: 'источники', en: 'sources' },
  category: { kk: 'санаты', ru: 'категория', en: 'category' },
  optional: { kk: 'міндетті емес', ru: 'необязательность', en: 'optional' },
  basis: { kk: 'құқықтық негізі', ru: 'правовое основание', en: 'legal basis' },
  basis_note: { kk: 'негізге түсініктеме', ru: 'пояснение к основанию', en: 'note on the basis' },
  categories: { kk: 'деректер санаттары', ru: 'категории данных', en: 'data categories' },
  items: { kk: 'деректер', ru: 'данные', en: 'data items' },
  subject_kinds: { kk: 'субъектілер', ru: 'субъекты', en: 'subjects' },
  marketing: { kk: 'жарнамалық хабарламалар', ru: 'рекламные сообщения', en: 'marketing' },
  transactional: { kk: 'қызметтік хабарламалар', ru: 'сервисные сообщения', en: 'service messages' },
  channels: { kk: 'арналары', ru: 'каналы', en: 'channels' },
  anonymised: { kk: 'иесіздендірілген деректер', ru: 'обезличенные данные', en: 'anonymised data' },
  research: { kk: 'зерттеу және статистика', ru: 'исследования и статистика', en: 'research and statistics' },
  automated_decisions: { kk: 'автоматтандырылған шешімдер', ru: 'автоматизированные решения', en: 'automated decisions' },
  publication: { kk: 'жариялау', ru: 'публикация', en: 'publication' },
  retention: { kk: 'сақтау мерзімі', ru: 'срок хранения', en: 'retention' },
  country: { kk: 'ел', ru: 'страна', en: 'country' },
  purposes: { kk: 'мақсаттары', ru: 'цели', en: 'purposes' },
  cross_border_ground: { kk: 'трансшекаралық беру негізі', ru: 'основание трансграничной передачи', en: 'ground for the cross-border transfer' },
  conditions: { kk: 'шарттары', ru: 'условия', en: 'conditions' },
  title: { kk: 'тақырыбы', ru: 'заголовок', en: 'title' },
  text: { kk: 'мәтіні', ru: 'текст', en: 'text' },
  version: { kk: 'нұсқасы', ru: 'версия', en: 'version' },
  methods: { kk: 'келісім беру тәсілдері', ru: 'способы дать согласие', en: 'consent methods' },
  given_by: { kk: 'келісім береді', ru: 'кто даёт согласие', en: 'given by' },
  term: { kk: 'мерзімі', ru: 'срок', en: 'term' },
  third_party_transfer: { kk: 'үшінші тұлғаларға беру', ru: 'передача третьим лицам', en: 'third-party transfer' },
  cross_border: { kk: 'трансшекаралық беру', ru: 'трансграничная передача', en: 'cross-border transfer' },
  separate: { kk: 'бөлек келісім', ru: 'отдельное согласие', en: 'separate consent' },
  notice_period: { kk: 'алдын ала хабарлау мерзімі', ru: 'срок предварительного уведомления', en: 'notice period' },
  blocked_by: { kk: 'кері қайтарып алуға болмайтын жағдайлар', ru: 'когда отзыв невозможен', en: 'what blocks withdrawal' },
  consequences: { kk: 'салдары', ru: 'последствия', en: 'consequences' },
  deadline: { kk: 'мерзімі', ru: 'срок', en: 'deadline' },
  banner: { kk: 'баннер', ru: 'баннер', en: 'banner' },
  changeable: { kk: 'таңдауды өзгерту мүмкіндігі', ru: 'возможность изменить выбор', en: 'choice can be changed' },
  personal_data: { kk: 'дербес деректер ретінде өңдеу', ru: 'обработка как персональных данных', en: 'treated as personal data' },
  requires_consent: { kk: 'келісім қажет', ru: 'нужно согласие', en: 'consent needed' },
  adult_age: { kk: 'кәмелетке толу жасы', ru: 'возраст совершеннолетия', en: 'age of majority' },
  minimum_age: { kk: 'ең төменгі жас', ru: 'минимальный возраст', en: 'minimum age' },
  under_age: { kk: 'кәмелетке толмаған адамның деректері анықталғанда', ru: 'при выявлении данных несовершеннолетнего', en: 'when under-age data is found' },
  consent_by: { kk: 'кәмелетке толмаған адам үшін келісім береді', ru: 'кто даёт согласие за несовершеннолетнего', en: 'who consents for a minor' },
  restrict_access: { kk: 'кәмелетке толмағандардың қол жеткізуін шектеу', ru: 'ограничение доступа несовершеннолетних', en: 'restricting access of minors' },
  approval_authority: { kk: 'бекітетін тұлға', ru: 'кто утверждает', en: 'approval authority' },
  purpose_lock: { kk: 'мақсатпен шектелген деректер', ru: 'данные, ограниченные целью', en: 'purpose-locked data' },
  identity_proof: { kk: 'өтініште көрсетілетін мәліметтер', ru: 'что указывается в обращении', en: 'what a request must carry' },
  answer_channels: { kk: 'жауап беру тәсілдері', ru: 'способы ответа', en: 'how answers are given' },
  free: { kk: 'тегін', ru: 'бесплатно', en: 'free of charge' },
  corrections_from: { kk: 'түзетуді кім сұрай алады', ru: 'кто может требовать исправления', en: 'who may ask for corrections' },
  notify_recipients: { kk: 'алушыларға хабарлау', ru: 'уведомление получателей', en: 'telling recipients' },
  bases: { kk: 'қол жеткізу негіздері', ru: 'основания доступа', en: 'grounds for access' },
  minimum_necessary: { kk: 'қажетті ең аз көлем', ru: 'минимально необходимый объём', en: 'minimum necessary' },
  monitored: { kk: 'рұқсатсыз қол жеткізуді бақылау', ru: 'контроль несанкционированного доступа', en: 'monitoring of unauthorised access' },
  roles: { kk: 'рөлдер', ru: 'роли', en: 'roles' },
  notify_subjects: { kk: 'субъектілерге хабарлау', ru: 'уведомление субъектов', en: 'telling subjects' },
  exceptions: { kk: 'ерекшеліктер', ru: 'исключения', en: 'exceptions' },
  body: { kk: 'мәтіні', ru: 'текст', en: 'text' },
}
