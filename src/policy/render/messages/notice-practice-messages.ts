import type { Localized } from './localized.ts'

/** The notice on the operator's practice: cookies, minors, protection and staff access, breaches, and the version block. */
export const NOTICE_PRACTICE_MESSAGES = {
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
} as const satisfies Record<string, Localized>
