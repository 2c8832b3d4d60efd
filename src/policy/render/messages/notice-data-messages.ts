import type { Localized } from './localized.ts'

/** The notice on the data itself: the list (Тізбе), purposes, recipients and retention. */
export const NOTICE_DATA_MESSAGES = {
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
  listPurposeNumbers: {
    kk: '{column} бағанындағы сандар – {section} бөліміндегі мақсаттардың реттік нөмірлері. Дереккөзі, мақсаттары және сақтау мерзімі бірдей деректер бір жолға біріктірілген.',
    ru: 'Числа в столбце {column} – порядковые номера целей в разделе {section}. Данные с одинаковыми источниками, целями и сроком хранения объединены в одну строку.',
    en: 'The numbers in the {column} column are the numbers of the purposes in the section {section}. Data with the same sources, purposes and retention share a row.',
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
} as const satisfies Record<string, Localized>
