/*
 * The words of a Kazakhstan address in Russian, Kazakh and English (issue 7:
 * "addresses in Kazakh, Russian and English text"): street words that come
 * before the street's name (ул. Абая, мкр. Самал-2, Microdistrict Самал),
 * after it (Абай даңғылы, Сәтпаев көшесі, Abai Ave), the parts after it
 * (д. 10, 5-пәтер, apt 5), the city words that may open it (г. Алматы,
 * Алматы қ.), and the country's cities and regions.
 */
const BEFORE_NAME = [
  'ул', 'улица', 'Ул', 'Улица', 'пр', 'Пр', 'пр-т', 'проспект', 'Проспект', 'мкр', 'Мкр', 'микрорайон', 'Микрорайон', 'пер', 'переулок',
  'бульвар', 'б-р', 'шоссе', 'трасса', 'тупик', 'пл', 'площадь', 'Microdistrict', 'microdistrict', 'mkr', 'Mkr', 'ықшам',
]
const AFTER_NAME = [
  'көшесі', 'көш', 'к-сі', 'даң-лы', 'жолы', 'даңғылы', 'даң', 'шағын', 'ш', 'Street', 'street', 'St', 'Ave', 'ave', 'Avenue', 'avenue',
  'Road', 'road', 'Rd', 'Blvd', 'Lane', 'көше', 'тұйығы', 'алаңы',
]
const PARTS = [
  'д', 'дом', 'үй', 'кв', 'квартира', 'пәтер', 'корпус', 'корп', 'к', 'офис', 'оф', 'блок', 'строение', 'стр', 'ғимарат', 'apt', 'Apt',
  'building', 'bldg', 'Bldg', 'flat', 'Flat', 'house', 'ауданы', 'аудан', 'этаж', 'қабат', 'литер', 'н.п', 'уй', 'office', 'floor', 'suite',
]
/** Honorifics that are part of a street's name (Төле би, Райымбек батыр, Бұқар жырау, ул. Кабанбай батыра). */
const HONORIFICS = ['би', 'батыр', 'батыра', 'хан', 'хана', 'ана', 'ата', 'ақын', 'жырау', 'Batyr', 'batyr', 'Bi', 'bi', 'Zhyrau', 'zhyrau']
const CITY_WORDS = [
  'г', 'город', 'қ', 'қаласы', 'обл', 'область', 'облысы', 'с', 'село', 'ауылы', 'ауыл', 'а', 'пос', 'поселок', 'посёлок', 'кент', 'р-н',
  'район', 'ауданы', 'а-ны', 'Region', 'region', 'District', 'district', 'village', 'Village', 'city', 'City',
]
/** Cities only: a city named after a person (Сатпаев, Қонаев) is left out, or its namesakes would never be names. */
export const CITIES = [
  'Алматы', 'Астана', 'Шымкент', 'Караганда', 'Қарағанды', 'Актобе', 'Ақтөбе', 'Атырау', 'Павлодар', 'Костанай', 'Қостанай', 'Семей', 'Тараз',
  'Петропавловск', 'Петропавл', 'Кызылорда', 'Қызылорда', 'Туркестан', 'Түркістан', 'Актау', 'Ақтау', 'Кокшетау', 'Көкшетау', 'Талдыкорган',
  'Талдықорған', 'Уральск', 'Орал', 'Экибастуз', 'Екібастұз', 'Темиртау', 'Теміртау', 'Жезказган', 'Жезқазған', 'Усть-Каменогорск', 'Өскемен',
  'Капчагай', 'Рудный', 'Балхаш', 'Балқаш', 'Жанаозен', 'Жаңаөзен', 'Кентау', 'Риддер', 'Степногорск',
  'Щучинск', 'Аксай', 'Ақсай', 'Байконур', 'Байқоңыр', 'Аральск', 'Арал', 'Каскелен', 'Қаскелең', 'Талгар', 'Есик', 'Есік', 'Жаркент',
  'Almaty', 'Astana', 'Shymkent', 'Karaganda', 'Karagandy', 'Aktobe', 'Atyrau', 'Pavlodar', 'Aktau', 'Kostanay', 'Kostanai', 'Semey', 'Taraz',
  'Petropavl', 'Petropavlovsk', 'Kyzylorda', 'Turkistan', 'Turkestan', 'Kokshetau', 'Taldykorgan', 'Uralsk', 'Oral', 'Ekibastuz', 'Temirtau',
  'Zhezkazgan', 'Oskemen', 'Ust-Kamenogorsk', 'Kaskelen', 'Talgar', 'Rudny', 'Balkhash', 'Zhanaozen', 'Ridder',
]

export const ADDRESS_WORDS = { BEFORE_NAME, AFTER_NAME, PARTS, HONORIFICS, CITY_WORDS, CITIES }
