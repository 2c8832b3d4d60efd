import type { Localized } from './localized.ts'

/** The notice on the subject's choices: consent and its withdrawal, the rights of art. 24, deadlines and requests. */
export const NOTICE_RIGHTS_MESSAGES = {
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
} as const satisfies Record<string, Localized>
