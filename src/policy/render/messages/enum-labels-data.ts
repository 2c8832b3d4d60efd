import type { ItemKind, Sensitivity, Source, SUBJECT_ROLES } from '../../schema/index.ts'
import type { Localized } from './localized.ts'

// Enum labels for the data and whose it is: item kinds, sensitivities, sources, subject roles.

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
