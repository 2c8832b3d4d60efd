import type { Language, LocalizedText } from '../../policy/index.ts'

interface ReasonDefinition {
  /** The article of Law 94-V (or the Civil Code) the rule rests on. */
  readonly clause: string
  readonly message: LocalizedText
}

/**
 * Every reason a decision can deny for, defined once: its stable code, the
 * article it comes from and its text in kk, ru and en. docs/api.md
 * ("Decisions") lists the same table; a test keeps the two in step.
 * law.md asks that article numbers be re-checked against the live text before
 * user-facing output cites them — these were, against law.md.
 */
export const DECISION_REASONS = {
  'subject.unknown': {
    clause: 'art. 7',
    message: { kk: 'Субъект тіркелмеген: келісім де, өзге заңды негіз де белгісіз.', ru: 'Субъект не зарегистрирован: ни согласие, ни иное законное основание неизвестны.', en: 'The subject is not registered: neither a consent nor another lawful ground is known.' },
  },
  'subject.blocked': {
    clause: 'art. 25(2)(8)',
    message: { kk: 'Субъектінің дербес деректері бұғатталған: оларды пайдалануға болмайды.', ru: 'Персональные данные субъекта заблокированы: их нельзя использовать.', en: "The subject's personal data is blocked and may not be used." },
  },
  'subject.destroyed': {
    clause: 'art. 18',
    message: { kk: 'Субъектінің дербес деректері жойылған.', ru: 'Персональные данные субъекта уничтожены.', en: "The subject's personal data has been destroyed." },
  },
  'subject.anonymised': {
    clause: 'art. 18',
    message: { kk: 'Субъектінің дербес деректері иесіздендірілген: оларды енді субъектімен байланыстыруға болмайды.', ru: 'Персональные данные субъекта обезличены: их больше нельзя связать с субъектом.', en: "The subject's personal data has been anonymised and can no longer be linked to the subject." },
  },
  'subject.kind_outside_purpose': {
    clause: 'art. 25(2)(1-1)',
    message: { kk: 'Саясат бұл мақсатты субъектінің осы санаты үшін көздемейді.', ru: 'Политика не предусматривает эту цель для данной категории субъектов.', en: "The policy does not declare this purpose for the subject's kind." },
  },
  'subject.under_age': {
    clause: 'Civil Code art. 17(1), 22(1)',
    message: { kk: 'Субъект кәмелетке толмаған, ал саясат кәмелетке толмағандардың деректерін өңдемейді.', ru: 'Субъект несовершеннолетний, а политика не допускает обработку данных несовершеннолетних.', en: 'The subject is under age and the policy does not process the data of minors.' },
  },
  'purpose.unknown': {
    clause: 'art. 25(2)(1-1)',
    message: { kk: 'Жарияланған саясатта мұндай мақсат жоқ.', ru: 'В опубликованной политике нет такой цели.', en: 'The published policy declares no such purpose.' },
  },
  'items.unknown': {
    clause: 'art. 25(2)(1)',
    message: { kk: 'Бұл деректер дербес деректер тізбесінде жоқ.', ru: 'Этих данных нет в перечне персональных данных.', en: 'These items are not in the list of personal data.' },
  },
  'items.outside_purpose': {
    clause: 'art. 7(9)',
    message: { kk: 'Бұл деректер мақсат үшін қажет деректерге кірмейді (артық деректер).', ru: 'Эти данные не входят в данные, необходимые для цели (избыточные данные).', en: 'These items are not among the data the purpose needs (excess data).' },
  },
  'channel.outside_purpose': {
    clause: 'art. 25(2)(1-1)',
    message: { kk: 'Бұл байланыс арнасы мақсат үшін көзделмеген.', ru: 'Этот канал связи не предусмотрен для цели.', en: 'This channel is not declared for the purpose.' },
  },
  'channel.required': {
    clause: 'art. 7',
    message: { kk: 'Жарнамалық хабарламаларға келісім әр арна бойынша бөлек беріледі: арнаны көрсетіңіз.', ru: 'Согласие на рекламные сообщения даётся отдельно по каждому каналу: укажите канал.', en: 'Marketing consent is given per channel: name the channel.' },
  },
  'channel.not_consented': {
    clause: 'art. 7',
    message: { kk: 'Субъект осы арна арқылы жарнамалық хабарламалар алуға келісім бермеген.', ru: 'Субъект не давал согласия на рекламные сообщения по этому каналу.', en: 'The subject has not consented to marketing through this channel.' },
  },
  'consent.missing': {
    clause: 'art. 7',
    message: { kk: 'Бұл мақсатқа келісім жоқ.', ru: 'Согласия на эту цель нет.', en: 'There is no consent for this purpose.' },
  },
  'consent.refused': {
    clause: 'art. 7',
    message: { kk: 'Субъект бұл мақсатқа келісім беруден бас тартқан.', ru: 'Субъект отказал в согласии на эту цель.', en: 'The subject refused consent for this purpose.' },
  },
  'consent.withdrawn': {
    clause: 'art. 8(7), 24(1)(5)',
    message: { kk: 'Субъект келісімін кері қайтарып алды.', ru: 'Субъект отозвал согласие.', en: 'The subject has withdrawn the consent.' },
  },
  'consent.expired': {
    clause: 'art. 8(5)-(6)',
    message: { kk: 'Келісімнің мерзімі өтті.', ru: 'Срок действия согласия истёк.', en: 'The consent has expired.' },
  },
  'consent.form_outdated': {
    clause: 'art. 8(4)',
    message: { kk: 'Келісім келісім нысанының ескі нұсқасы бойынша берілген: қайта келісім қажет.', ru: 'Согласие дано по прежней версии формы согласия: нужно повторное согласие.', en: 'The consent was given on an older version of the consent form: a new consent is needed.' },
  },
  'consent.representative_required': {
    clause: 'art. 8; Civil Code art. 22(1), 26',
    message: { kk: 'Субъект кәмелетке толмаған немесе әрекетке қабілетсіз: келісімді заңды өкілі беруі тиіс.', ru: 'Субъект несовершеннолетний или недееспособен: согласие должен дать законный представитель.', en: "The subject is a minor or lacks legal capacity: the consent must come from the legal representative." },
  },
  'biometrics.purpose_locked': {
    clause: 'art. 7(9)',
    message: { kk: 'Баланың биометриялық деректері тек саясатта аталған мақсаттарға қызмет етеді; өзге пайдалануға ата-ананың қосымша келісімі қажет.', ru: 'Биометрические данные ребёнка служат только целям, названным в политике; иное использование требует дополнительного согласия родителя.', en: "A child's biometric data serves only the purposes the policy names; any other use needs a further consent of the parent." },
  },
  'recipient.unknown': {
    clause: 'art. 7(6)',
    message: { kk: 'Саясатта мұндай алушы жоқ.', ru: 'В политике нет такого получателя.', en: 'The policy declares no such recipient.' },
  },
  'recipient.outside_purpose': {
    clause: 'art. 7(6)',
    message: { kk: 'Бұл алушы деректерді осы мақсат үшін алмайды.', ru: 'Этот получатель не получает данные для этой цели.', en: 'This recipient does not receive data for this purpose.' },
  },
  'recipient.items_outside': {
    clause: 'art. 7(9)',
    message: { kk: 'Бұл деректер алушыға берілетін санаттарға кірмейді.', ru: 'Эти данные не входят в категории, передаваемые получателю.', en: 'These items are outside the categories the recipient receives.' },
  },
  'transfer.third_party_not_consented': {
    clause: 'art. 7(6), 8(4)(4)',
    message: { kk: 'Келісім деректерді үшінші тұлғаларға беруді қамтымайды.', ru: 'Согласие не охватывает передачу данных третьим лицам.', en: 'The consent does not cover transfer to third parties.' },
  },
  'transfer.cross_border_not_consented': {
    clause: 'art. 16',
    message: { kk: 'Бұл елге трансшекаралық беруге келісім де, өзге негіз де жоқ.', ru: 'Для трансграничной передачи в эту страну нет ни согласия, ни иного основания.', en: 'There is neither a consent nor another ground for a cross-border transfer to this country.' },
  },
  'retention.elapsed': {
    clause: 'art. 12(2), 18',
    message: { kk: 'Сақтау мерзімі өтті: деректерді жою немесе иесіздендіру керек.', ru: 'Срок хранения истёк: данные подлежат уничтожению или обезличиванию.', en: 'The retention period has elapsed: the data is due for destruction or anonymisation.' },
  },
} as const satisfies Record<string, ReasonDefinition>

export type ReasonCode = keyof typeof DECISION_REASONS

export const REASON_CODES = Object.keys(DECISION_REASONS) as ReasonCode[]

/** The text of a reason in a language. */
export function reasonMessage(code: ReasonCode, language: Language): string {
  return DECISION_REASONS[code].message[language]
}
