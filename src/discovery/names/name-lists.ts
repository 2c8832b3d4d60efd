/**
 * Surnames without a telling ending, common in Kazakhstan: Korean, German,
 * Kazakh and others. A word of this list counts as a surname.
 */
export const SURNAMES = [
  'Ким', 'Пак', 'Ли', 'Цой', 'Тен', 'Хан', 'Шин', 'Югай', 'Нам', 'Огай', 'Kim', 'Pak', 'Park', 'Li', 'Lee', 'Tsoi', 'Ten', 'Khan', 'Shin', 'Nam',
  'Шмидт', 'Миллер', 'Вебер', 'Шнайдер', 'Шульц', 'Майер', 'Schmidt', 'Miller', 'Muller', 'Müller', 'Weber', 'Schneider', 'Meyer',
  'Смит', 'Smith', 'Brown', 'Johnson', 'Williams', 'Jones', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Chen', 'Wang', 'Zhang', 'Liu',
  'Сейткали', 'Омар', 'Абдрахман', 'Seitkali', 'Omar', 'Abdrakhman', 'Кожа', 'Kozha', 'Жумагали', 'Zhumagali', 'Мухтар', 'Mukhtar',
]

/**
 * Endings of surnames and patronymics (KZ ID cards: Сәрсенбаев, Ахметова,
 * Нұрланқызы; passports: Sarsenbayev, Akhmetova, Nurlanuly). Longer endings
 * first, so the most specific one decides.
 */
export const SURNAME_ENDINGS = [
  'ов', 'ова', 'ев', 'ева', 'ёв', 'ёва', 'ин', 'ина', 'ын', 'ына', 'ский', 'ская', 'цкий', 'цкая', 'енко', 'ук', 'юк', 'ич', 'баев', 'баева',
  'бекова', 'беков', 'ұлы', 'улы', 'қызы', 'кызы', 'ova', 'ov', 'eva', 'ev', 'yev', 'yeva', 'ina', 'in', 'sky', 'skaya', 'enko', 'uly', 'kyzy',
  'bayev', 'bayeva', 'bekov', 'bekova', 'baev', 'baeva',
  // The cases of a Russian sentence: Иванову, с Ивановым, у Ивановой, о Петрове, Пушкину, Достоевского.
  'ову', 'овым', 'овой', 'ове', 'еву', 'евым', 'евой', 'еве', 'ину', 'иным', 'иной', 'ского', 'скому', 'ским', 'ской', 'скую',
]

export const PATRONYMIC_ENDINGS = [
  'ович', 'евич', 'вич', 'овна', 'евна', 'вна', 'ична', 'инична', 'ұлы', 'улы', 'қызы', 'кызы', 'ovich', 'evich', 'ovna', 'evna', 'uly', 'kyzy',
  'вича', 'вичу', 'вичем', 'вны', 'вне', 'вной', 'вну', 'ичны', 'ичне', 'ичной',
]

/**
 * Kazakh case endings a name takes in a sentence (Сәрсенбаевтың, Нұрланға,
 * Алматыда): the word without one is looked up again, so an inflected name
 * is still a name and an inflected city still a city.
 */
export const KAZAKH_CASE_ENDINGS = [
  'ның', 'нің', 'дың', 'дің', 'тың', 'тің', 'ға', 'ге', 'қа', 'ке', 'на', 'не', 'ны', 'ні', 'ды', 'ді', 'ты', 'ті', 'да', 'де', 'та', 'те',
  'нда', 'нде', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'мен', 'бен', 'пен', 'ға', 'ымен', 'імен',
]

/**
 * Capitalised words that end like surnames or stand where names stand but are
 * not people: cities, regions, streets' namesakes as places, months and
 * weekdays, company and document words. They never start a name.
 */
export const NOT_NAMES = [
  'Алматы', 'Астана', 'Шымкент', 'Караганда', 'Қарағанды', 'Актобе', 'Ақтөбе', 'Атырау', 'Павлодар', 'Костанай', 'Қостанай', 'Семей', 'Тараз',
  'Петропавловск', 'Кызылорда', 'Қызылорда', 'Туркестан', 'Түркістан', 'Актау', 'Ақтау', 'Кокшетау', 'Көкшетау', 'Талдыкорган', 'Талдықорған',
  'Уральск', 'Орал', 'Экибастуз', 'Темиртау', 'Жезказган', 'Казахстан', 'Қазақстан', 'Kazakhstan', 'Almaty', 'Astana', 'Shymkent', 'Karaganda',
  'Россия', 'Москва', 'Russia', 'Moscow', 'Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь',
  'Ноябрь', 'Декабрь', 'Қаңтар', 'Ақпан', 'Наурыз', 'Сәуір', 'Мамыр', 'Маусым', 'Шілде', 'Тамыз', 'Қыркүйек', 'Қазан', 'Қараша', 'Желтоқсан',
  'January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday',
  'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье',
  'ТОО', 'АО', 'ИП', 'LLP', 'JSC', 'Казахтелеком', 'Kaspi', 'Halyk', 'Заказ', 'Order', 'Договор', 'Шарт', 'Клиент', 'Client', 'Рахмет',
  // Roles written before a name: they lead it, they are not part of it (`Курьер Пак А.`, `Customer Chen M.`).
  'Курьер', 'Courier', 'Customer', 'Recipient', 'Holder', 'User', 'Manager', 'Employee', 'Sender', 'Payer', 'Получатель', 'Отправитель',
  'Пользователь', 'Менеджер', 'Сотрудник', 'Оператор', 'Плательщик', 'Владелец', 'Заявитель', 'Алушы', 'Жіберуші', 'Пайдаланушы', 'Қызметкер',
  'Менеджер', 'Өтініш', 'Иесі', 'Dear', 'Hello', 'Hi', 'Mr', 'Mrs', 'Ms', 'Dr', 'Уважаемый', 'Уважаемая', 'Құрметті', 'Сәлеметсіз',
  'Astana', 'Air', 'Bank', 'Банк', 'Банкі',
]
