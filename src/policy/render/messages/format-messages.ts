import type { Localized } from './localized.ts'

/** Templates shared by every document: words and dates, law citations, durations, deadlines and retention terms. */
export const FORMAT_MESSAGES = {
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
  retentionStatutoryMinimum: {
    kk: 'Заң талап ететін ең аз мерзім – {after} {duration} ({law}); бұл мерзім өтпейінше деректер жойылмайды.',
    ru: 'Минимальный срок, который требует закон, – {duration} {after} ({law}); до его истечения данные не уничтожаются.',
    en: 'The law requires keeping them at least {duration} {after} ({law}); they are not destroyed before that.',
  },
  retentionStatutoryUnconfirmed: {
    kk: 'Бұл мерзімді оператор заңнан өзі анықтаған, ол расталмаған.',
    ru: 'Этот срок определён оператором по закону и не подтверждён.',
    en: 'The operator read this term from the law; it is not confirmed.',
  },
  retentionCategories: { kk: 'Санаттар: {categories}', ru: 'Категории: {categories}', en: 'Categories: {categories}' },
  consentTermDuration: {
    kk: 'Келісім алынған күннен бастап {duration}',
    ru: '{duration} с момента получения согласия',
    en: '{duration} from the day consent is given',
  },
} as const satisfies Record<string, Localized>
