import { chance, int, pick, weighted, type Random } from './random.ts'
import type { Language } from './people.ts'

/*
 * Kazakhstan addresses the way people and systems write them in Russian,
 * Kazakh and English: city, street or microdistrict, house and flat; Aktau's
 * street-less microdistricts; villages under a district and region. Also the
 * places and companies a text names without anyone's address in it.
 */

/** [ru, kk, en] */
type Names = readonly [string, string, string]
const at = (names: Names, language: Language) => names[language === 'ru' ? 0 : language === 'kk' ? 1 : 2]

export const CITIES: readonly Names[] = [
  ['Алматы', 'Алматы', 'Almaty'], ['Астана', 'Астана', 'Astana'], ['Шымкент', 'Шымкент', 'Shymkent'], ['Караганда', 'Қарағанды', 'Karaganda'],
  ['Актобе', 'Ақтөбе', 'Aktobe'], ['Павлодар', 'Павлодар', 'Pavlodar'], ['Усть-Каменогорск', 'Өскемен', 'Oskemen'], ['Атырау', 'Атырау', 'Atyrau'],
  ['Костанай', 'Қостанай', 'Kostanay'], ['Тараз', 'Тараз', 'Taraz'], ['Семей', 'Семей', 'Semey'], ['Кызылорда', 'Қызылорда', 'Kyzylorda'],
  ['Уральск', 'Орал', 'Uralsk'], ['Петропавловск', 'Петропавл', 'Petropavl'], ['Туркестан', 'Түркістан', 'Turkistan'], ['Кокшетау', 'Көкшетау', 'Kokshetau'],
]
/** Street names in the forms of [ru, kk, en] with their kind of street. */
const STREETS: readonly (readonly [Names, 'street' | 'avenue'])[] = [
  [['Абая', 'Абай', 'Abay'], 'avenue'], [['Толе би', 'Төле би', 'Tole Bi'], 'street'], [['Достык', 'Достық', 'Dostyk'], 'avenue'],
  [['Кабанбай батыра', 'Қабанбай батыр', 'Kabanbay Batyr'], 'street'], [['Сатпаева', 'Сәтпаев', 'Satpayev'], 'street'],
  [['Жибек жолы', 'Жібек жолы', 'Zhibek Zholy'], 'street'], [['Гоголя', 'Гоголь', 'Gogol'], 'street'], [['Розыбакиева', 'Розыбакиев', 'Rozybakiyev'], 'street'],
  [['Байтурсынова', 'Байтұрсынов', 'Baitursynov'], 'street'], [['Ауэзова', 'Әуезов', 'Auezov'], 'street'], [['Сейфуллина', 'Сейфуллин', 'Seifullin'], 'avenue'],
  [['Кенесары', 'Кенесары', 'Kenesary'], 'street'], [['Республики', 'Республика', 'Respubliki'], 'avenue'], [['Туран', 'Тұран', 'Turan'], 'avenue'],
  [['Мангилик Ел', 'Мәңгілік Ел', 'Mangilik El'], 'avenue'], [['Жандосова', 'Жандосов', 'Zhandosov'], 'street'], [['Бухар жырау', 'Бұқар жырау', 'Bukhar Zhyrau'], 'avenue'],
  [['Пушкина', 'Пушкин', 'Pushkin'], 'street'], [['Ленина', 'Ленин', 'Lenin'], 'street'], [['Момышулы', 'Момышұлы', 'Momyshuly'], 'avenue'],
]
const MICRODISTRICTS = ['Самал-2', 'Аксай-4', 'Орбита-3', 'Жетысу-2', 'Мамыр-4', 'Нурсат', 'Шанырак-1', 'Коктем-1', 'Алгабас']
const VILLAGES: readonly (readonly [Names, Names, Names])[] = [
  [['Алматинская обл.', 'Алматы облысы', 'Almaty Region'], ['Карасайский р-н', 'Қарасай ауданы', 'Karasay District'], ['с. Каскелен', 'Қаскелең ауылы', 'Kaskelen village']],
  [['Туркестанская обл.', 'Түркістан облысы', 'Turkistan Region'], ['Сайрамский р-н', 'Сайрам ауданы', 'Sayram District'], ['с. Аксу', 'Ақсу ауылы', 'Aksu village']],
  [['Акмолинская обл.', 'Ақмола облысы', 'Akmola Region'], ['Целиноградский р-н', 'Целиноград ауданы', 'Tselinograd District'], ['с. Косшы', 'Қосшы ауылы', 'Kosshy village']],
  [['Жамбылская обл.', 'Жамбыл облысы', 'Zhambyl Region'], ['Байзакский р-н', 'Байзақ ауданы', 'Baizak District'], ['с. Сарыкемер', 'Сарыкемер ауылы', 'Sarykemer village']],
]

export const city = (r: Random, language: Language) => at(pick(r, CITIES), language)

function street(r: Random, language: Language): string {
  const [names, kind] = pick(r, STREETS)
  if (language === 'ru') return `${kind === 'avenue' ? pick(r, ['пр.', 'пр-т', 'проспект']) : pick(r, ['ул.', 'ул.', 'улица'])} ${names[0]}`
  if (language === 'kk') return `${names[1]} ${kind === 'avenue' ? 'даңғылы' : pick(r, ['көшесі', 'к-сі'])}`
  return `${names[2]} ${kind === 'avenue' ? pick(r, ['Ave', 'Avenue']) : pick(r, ['St', 'Street', 'St.'])}`
}

const house = (r: Random) => (chance(r, 0.2) ? `${int(r, 1, 250)}/${int(r, 1, 9)}` : chance(r, 0.1) ? `${int(r, 1, 250)}${pick(r, ['А', 'Б'])}` : String(int(r, 1, 250)))

/** A full address, in the forms records in `language` use. */
export function address(r: Random, language: Language): string {
  const h = house(r)
  const flat = int(r, 1, 240)
  if (language === 'ru') {
    const c = city(r, 'ru')
    return weighted(r, [
      [5, `г. ${c}, ${street(r, 'ru')}, д. ${h}, кв. ${flat}`],
      [3, `${c}, ${street(r, 'ru')} ${h}, кв. ${flat}`],
      [2, `г. ${c}, мкр. ${pick(r, MICRODISTRICTS)}, д. ${h}, кв. ${flat}`],
      [2, `${street(r, 'ru')}, ${h}-${flat}`],
      [1, `г. Актау, ${int(r, 1, 34)} мкр., д. ${int(r, 1, 60)}, кв. ${flat}`],
      [1, `${street(r, 'ru')}, д. ${h}, офис ${int(r, 1, 900)}`],
      [1, (([o, d, v]) => `${o[0]}, ${d[0]}, ${v[0]}, ул. ${pick(r, ['Райымбека', 'Абая', 'Жамбыла'])}, ${int(r, 1, 120)}`)(pick(r, VILLAGES))],
    ])
  }
  if (language === 'kk') {
    const c = city(r, 'kk')
    return weighted(r, [
      [5, `${c} қ., ${street(r, 'kk')}, ${h}-үй, ${flat}-пәтер`],
      [3, `${c} қаласы, ${street(r, 'kk')}, ${h} үй, ${flat} пәтер`],
      [2, `${c} қ., ${pick(r, MICRODISTRICTS)} шағын ауданы, ${h}-үй, ${flat}-пәтер`],
      [2, `${street(r, 'kk')} ${h}, ${flat}`],
      [1, (([o, d, v]) => `${o[1]}, ${d[1]}, ${v[1]}, ${pick(r, ['Бейбітшілік', 'Абай', 'Жамбыл'])} көшесі, ${int(r, 1, 120)}`)(pick(r, VILLAGES))],
    ])
  }
  const c = city(r, 'en')
  return weighted(r, [
    [5, `${h} ${street(r, 'en')}, apt ${flat}, ${c}`],
    [3, `Apt. ${flat}, ${h} ${street(r, 'en')}, ${c}, Kazakhstan`],
    [2, `${c}, ${street(r, 'en')} ${h}, flat ${flat}`],
    [1, `Microdistrict ${pick(r, MICRODISTRICTS)}, bldg ${h}, apt ${flat}, ${c}`],
  ])
}

export const COMPANIES = [
  'ТОО «Нұр-Сауда»', 'АО «Казахтелеком»', 'ТОО «Алма-Трейд»', 'Kaspi Bank', 'Halyk Bank', 'АО «ForteBank»', 'ТОО «Береке Строй»', 'Air Astana',
  'ТОО «Magnum Cash&Carry»', 'ТОО «Технодом Оператор»', 'ТОО «Sulpak»', 'Kcell', 'Beeline Казахстан', 'АО «Казпочта»', 'ТОО «Алтын Дала Агро»',
  'ЖШС «Самұрық Логистика»', 'АҚ «Қазақстан темір жолы»', 'KazMunayGas', 'ТОО «Glovo Kazakhstan»', 'Wildberries KZ',
]
export const PRODUCTS = [
  'Apple iPhone 15 128 GB', 'Samsung Galaxy A54', 'молоко «Избёнка» 2,5%', 'шай «Пиала» 100 пак.', 'кофе Lavazza 1 кг', 'стиральная машина LG F2V5',
  'ноутбук Lenovo IdeaPad 3', 'детское кресло Britax Römer', 'Philips Series 3000', 'кондиционер Midea 12000 BTU', 'Xiaomi Redmi Note 13',
]
