import type { LanguageTemplates } from './genres.ts'

/** Kazakh-language documents as KZ operators keep them (slots: see render-template.ts and hard-negatives.ts). */
export const KK: LanguageTemplates = {
  support_ticket: {
    separator: '\n\n',
    oneSubject: false,
    body: [
      'Өтініш {ticket}, {date}. Клиент {name} (ЖСН {iin}) қосымшаға кіре алмай жүр. [Қайта қоңырау шалуды сұрайды|Байланыс телефоны]: {phone}.',
      'Сәлеметсіз бе! Менің атым {name}, телефоным {phone}. {order} тапсырысым әлі келген жоқ. Электрондық поштам: {email}.',
      'Картамнан {price} екі рет алынды, карта нөмірі {card}. Операция {code16}, {date}.',
      'Жеке кабинетке {ip} мекенжайынан кіру болды, құрылғы {mac}, {time}. Пайдаланушы {email} бұл сессияны танымайды.',
      'Клиент {name} телефон нөмірін {phone} деп өзгертуді сұрайды. ЖСН: {iin}.',
      '{name} қоңырау шалды, тел.: {phone}. {invoice} шот бойынша сұрақ, сомасы {price}.',
    ],
  },
  contract: {
    separator: '\n\n',
    oneSubject: true,
    opening: ['ҚЫЗМЕТ КӨРСЕТУ ШАРТЫ {contract}\n{city} қ., {date}'],
    body: [
      '{company}, БСН {bin}, бұдан әрі «Орындаушы», директор {name2} атынан, және азамат {name}, ЖСН {iin}, жеке куәлік № {idcard}, {date} ҚР ІІМ берген, мекенжайы: {address}, бұдан әрі «Тапсырыс беруші», осы шартты жасасты.',
      'Тараптардың деректемелері. Орындаушы: {company}, БСН {bin}, ЖСК {iban}, {bankcode}. Тапсырыс беруші: {name}, ЖСН {iin}, ЖСК {iban}, тел. {phone}, e-mail: {email}.',
      'Қызмет құны ҚҚС-ты қоса алғанда {price} құрайды. Төлем қол қойылған күннен бастап 10 банктік күн ішінде, бірақ {date} кешіктірілмей жүргізіледі.',
      'Тапсырыс берушінің деректері: төлқұжат {passport}, {date} берілген; туған күні: {dob}; тіркелген мекенжайы: {postcode}, {address}.',
      'Шарт {date} бастап күшіне енеді және {date} дейін қолданылады.',
    ],
  },
  hr_note: {
    separator: '\n\n',
    oneSubject: true,
    body: [
      '№ {hrno} бұйрық, {date}. {name} [сатушы-кеңесші|бухгалтер|жүргізуші] лауазымына {date} бастап жұмысқа қабылдансын. Жалақысы {price}.',
      'Қызметкердің сауалнамасы: Т.А.Ә. — {name}; туған күні — {dob}; ЖСН — {iin}; телефоны — {phone}; поштасы — {email}; мекенжайы — {address}.',
      '{name_kk_gen} еңбек демалысы {date} бастап келісілді. Орнына {name2} қалады.',
      'Қызметкер {name}, {dob_numeric} ж.т., {city} қаласындағы филиалға ауыстырылды.',
      'Жеке куәлік № {idcard}, {date} берілген, ЖСН {iin}. Туған күні {dob}.',
      'Жалақы аудару үшін: ЖСК {iban}, жалақы картасы {card}.',
    ],
  },
  delivery_note: {
    separator: '\n\n',
    oneSubject: false,
    body: [
      'Жүкқұжат {invoice}, {date}. Алушы: {name}, тел. {phone}. Жеткізу мекенжайы: {postcode}, {address}. Тауар: {product}, {qty} дана, сомасы {price}.',
      'Курьер {name2} {order} тапсырысын {time} жеткізді. Трек-нөмір {tracking}.',
      'Мекенжай: {address}, домофон {qty}. Бір сағат бұрын хабарласыңыз: {phone}.',
      '{order} тапсырысы: {product}, карта {masked} арқылы төленді, сомасы {price}. Алушы {name}.',
    ],
  },
  bank_statement: {
    separator: '\n',
    oneSubject: true,
    opening: ['{iban} шоты бойынша үзінді көшірме, {date} – {date}\nШот иесі: {name}, ЖСН {iin}\nКүні;Операция;Толығырақ;Сомасы;Ескерту'],
    body: [
      '{date};Сатып алу;{company};-{price};карта {masked}',
      '{date};Аударым;{name2};+{price};телефон нөмірі бойынша {phone}',
      '{date};Картаға аударым;{name2};-{price};{card}',
      '{date};Толықтыру;Терминал {terminal};+{price};',
      '{date};Төлем;{company}, {bankcode};-{price};шот {invoice}',
      '{date};Аударым;{name2}, ЖСН {iin2};-{price};{iban}',
    ],
  },
  chat_log: {
    separator: '\n',
    oneSubject: true,
    body: [
      '[{time}] {name}: сәлеметсіз бе, нөмірім {phone}, хабарласыңызшы',
      '[{time}] Оператор: Сәлеметсіз бе! ЖСН-іңізді жазыңызшы',
      '[{time}] {name}: {iin}',
      '[{time}] {name}: {card} картасына аудардым, тексеріңізші',
      '[{time}] {name}: мекенжайым {address}',
      '[{time}] Оператор: Рахмет! {order} тапсырысы рәсімделді, сомасы {price}',
      '[{time}] {name}: поштам {email}',
    ],
  },
  negatives: [
    'Тапсырыс нөмірі {num12}, төлем {price}, күні {date}.',
    'Шот-фактура {invoice}, {date}, сомасы {price}.',
    'Қосымшаны {version} нұсқасына жаңартыңыз.',
    '{city} қаласындағы филиал 9:00-ден 18:00-ге дейін жұмыс істейді.',
    'Жеткізуші — {company}, шарт {contract}, {date}.',
    'Операция коды {code16}, терминал {terminal}.',
    'Өтінішіңіз үшін рахмет! 24 сағат ішінде жауап береміз.',
    '{masked} картасы сіздің өтінішіңіз бойынша бұғатталды.',
    'Анықтама телефоны {service}.',
    'Сыртқы идентификатор {num12}.',
    'Барлығы: {price}. Төлеу мерзімі — {date} дейін.',
  ],
}
