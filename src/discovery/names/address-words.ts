/*
 * The words of a Kazakhstan address in Russian, Kazakh and English (issue 7:
 * "addresses in Kazakh, Russian and English text"): street words that come
 * before the street's name (ул. Абая, мкр. Самал-2), after it (Абай даңғылы,
 * Сәтпаев көшесі, Abai Ave), the parts after it (д. 10, 5-пәтер, apt 5), and
 * the city words that may open it (г. Алматы, Алматы қ.).
 */
const BEFORE_NAME = ['ул', 'улица', 'Ул', 'Улица', 'пр', 'Пр', 'пр-т', 'проспект', 'Проспект', 'мкр', 'Мкр', 'микрорайон', 'Микрорайон', 'пер', 'переулок', 'бульвар', 'б-р', 'шоссе', 'трасса', 'тупик']
const AFTER_NAME = ['көшесі', 'көш', 'к-сі', 'даң-лы', 'жолы', 'даңғылы', 'даң', 'шағын', 'ш', 'Street', 'street', 'St', 'Ave', 'ave', 'Avenue', 'avenue', 'Road', 'road', 'Rd', 'Blvd', 'Lane', 'көше']
const PARTS = ['д', 'дом', 'үй', 'кв', 'квартира', 'пәтер', 'корпус', 'корп', 'к', 'офис', 'оф', 'блок', 'строение', 'стр', 'ғимарат', 'apt', 'Apt', 'building', 'flat', 'house', 'ауданы', 'аудан', 'этаж', 'қабат', 'литер', 'н.п', 'уй',
  // Honorifics that are part of a street's name: Төле би, Райымбек батыр, Тәуке хан.
  'би', 'батыр', 'хан', 'ана', 'ата', 'ақын']
const CITY_WORDS = [
  'г', 'город', 'қ', 'қаласы', 'обл', 'область', 'облысы', 'с', 'село', 'ауылы', 'ауыл', 'а', 'пос', 'поселок', 'посёлок', 'кент', 'р-н', 'район', 'ауданы', 'а-ны',
  'Region', 'region', 'District', 'district', 'village', 'Village', 'city', 'City',
]
export const CITIES = [
  'Алматы', 'Астана', 'Шымкент', 'Караганда', 'Қарағанды', 'Актобе', 'Ақтөбе', 'Атырау', 'Павлодар', 'Костанай', 'Қостанай', 'Семей', 'Тараз',
  'Петропавловск', 'Кызылорда', 'Қызылорда', 'Туркестан', 'Түркістан', 'Актау', 'Ақтау', 'Кокшетау', 'Көкшетау', 'Талдыкорган', 'Талдықорған',
  'Уральск', 'Орал', 'Экибастуз', 'Темиртау', 'Жезказган', 'Almaty', 'Astana', 'Shymkent', 'Karaganda', 'Aktobe', 'Atyrau', 'Pavlodar', 'Aktau',
]

export const ADDRESS_WORDS = { BEFORE_NAME, AFTER_NAME, PARTS, CITY_WORDS, CITIES }
