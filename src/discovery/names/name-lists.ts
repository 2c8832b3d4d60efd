/**
 * Given names people in Kazakhstan carry, in the Cyrillic spelling of the ID
 * card and the Latin one of the passport — Kazakh, Russian and English ones.
 * Compiled by the project from common usage, not from any person's data. A
 * known given name next to a surname-shaped word is what makes a name.
 */
export const KAZAKH_GIVEN = [
  'Абай', 'Абылай', 'Адиль', 'Әділет', 'Әлібек', 'Әлия', 'Әсел', 'Әсем', 'Айбек', 'Айбол', 'Айгерім', 'Айдана', 'Айдар', 'Айдос', 'Айжан',
  'Айнұр', 'Айсұлу', 'Айым', 'Ақбота', 'Ақмарал', 'Алмас', 'Алтынай', 'Аружан', 'Арман', 'Арсен', 'Асель', 'Асқар', 'Асхат', 'Аяжан', 'Аян',
  'Бауыржан', 'Бағдат', 'Бақыт', 'Балжан', 'Батыр', 'Бейбіт', 'Бекзат', 'Берік', 'Болат', 'Ботагөз', 'Гүлмира', 'Гүлнар', 'Гүлнара', 'Гүлжан',
  'Дана', 'Даниял', 'Дархан', 'Дастан', 'Даурен', 'Дәурен', 'Дидар', 'Динара', 'Дінмұхамед', 'Ержан', 'Еркебұлан', 'Ерлан', 'Ермек', 'Ерназар',
  'Жазира', 'Жайна', 'Жанар', 'Жандос', 'Жанна', 'Жансая', 'Жасұлан', 'Зарина', 'Зере', 'Индира', 'Ислам', 'Қайрат', 'Қанат', 'Қарлыға',
  'Құралай', 'Қуаныш', 'Ләззат', 'Мадина', 'Мақсат', 'Марат', 'Мәди', 'Меруерт', 'Мирас', 'Молдир', 'Мөлдір', 'Мұрат', 'Мұхтар', 'Назерке',
  'Нұрбол', 'Нұрлан', 'Нұржан', 'Нұрсұлтан', 'Нұргүл', 'Нұрия', 'Олжас', 'Раушан', 'Рүстем', 'Салтанат', 'Сәбит', 'Сәуле', 'Самал', 'Санжар',
  'Серік', 'Сұлтан', 'Сымбат', 'Талғат', 'Тимур', 'Томирис', 'Ұлжан', 'Ұлболсын', 'Шолпан', 'Ырысты', 'Іңкәр', 'Эльмира', 'Әйгерім',
]

export const RUSSIAN_GIVEN = [
  'Александр', 'Александра', 'Алексей', 'Алёна', 'Алина', 'Анастасия', 'Анатолий', 'Андрей', 'Анна', 'Антон', 'Артём', 'Артем', 'Валентина',
  'Валерий', 'Василий', 'Вера', 'Виктор', 'Виктория', 'Виталий', 'Владимир', 'Владислав', 'Галина', 'Геннадий', 'Григорий', 'Дарья', 'Денис',
  'Дмитрий', 'Евгений', 'Евгения', 'Екатерина', 'Елена', 'Елизавета', 'Иван', 'Игорь', 'Илья', 'Ирина', 'Кирилл', 'Константин', 'Ксения',
  'Лариса', 'Людмила', 'Максим', 'Марина', 'Мария', 'Михаил', 'Надежда', 'Наталья', 'Никита', 'Николай', 'Нина', 'Оксана', 'Олег', 'Ольга',
  'Павел', 'Полина', 'Роман', 'Светлана', 'Сергей', 'София', 'Софья', 'Станислав', 'Степан', 'Татьяна', 'Юлия', 'Юрий', 'Ярослав', 'Айгуль',
  'Алла', 'Борис', 'Вадим', 'Вячеслав', 'Глеб', 'Дарина', 'Диана', 'Егор', 'Жанна', 'Зоя', 'Инна', 'Карина', 'Лилия', 'Любовь', 'Майя',
  'Марк', 'Матвей', 'Нелли', 'Петр', 'Пётр', 'Раиса', 'Регина', 'Тамара', 'Федор', 'Фёдор', 'Эдуард', 'Элеонора', 'Яна', 'Эльвира', 'Ирина',
  'Асем', 'Айдын', 'Руслан', 'Рустам', 'Ринат', 'Данияр', 'Галым', 'Гульнара', 'Гульмира', 'Нурлан', 'Ержан', 'Айжан', 'Мадияр', 'Кайрат',
]

export const LATIN_GIVEN = [
  'Abai', 'Adil', 'Aibek', 'Aidana', 'Aidar', 'Aidos', 'Aigerim', 'Aigul', 'Aizhan', 'Akbota', 'Alibek', 'Aliya', 'Almas', 'Arman', 'Aruzhan',
  'Askar', 'Assel', 'Asel', 'Aset', 'Azamat', 'Baurzhan', 'Bekzat', 'Berik', 'Bolat', 'Dana', 'Daniyar', 'Darkhan', 'Dastan', 'Dauren', 'Dinara',
  'Erlan', 'Yerlan', 'Ermek', 'Yermek', 'Gulnara', 'Gulmira', 'Indira', 'Kairat', 'Kanat', 'Madina', 'Maksat', 'Marat', 'Meruert', 'Miras',
  'Moldir', 'Murat', 'Nurbol', 'Nurlan', 'Nurzhan', 'Nursultan', 'Olzhas', 'Rustem', 'Saltanat', 'Sanzhar', 'Serik', 'Sultan', 'Symbat',
  'Talgat', 'Timur', 'Tomiris', 'Ulzhan', 'Zhanar', 'Zhandos', 'Zarina', 'Alexander', 'Alexey', 'Anastasia', 'Andrey', 'Anna', 'Dmitry',
  'Elena', 'Ekaterina', 'Irina', 'Ivan', 'Maria', 'Mikhail', 'Natalia', 'Olga', 'Pavel', 'Sergey', 'Svetlana', 'Tatiana', 'Vladimir', 'Yulia',
  'Aleksandr', 'Aleksey', 'Alexei', 'Andrei', 'Dmitriy', 'Dmitrii', 'Sergei', 'Yevgeniy', 'Evgeny', 'Nikolay', 'Viktor', 'Igor', 'Oleg', 'Roman',
  'Tatyana', 'Natalya', 'Natalia', 'Yekaterina', 'Yelena', 'Yuliya', 'Anastasiya', 'Mariya', 'Lyudmila', 'Galina', 'Larisa', 'Oksana', 'Valentina',
  'Aigul', 'Aizada', 'Akmaral', 'Alua', 'Altynai', 'Asem', 'Balzhan', 'Botagoz', 'Gaukhar', 'Kamila', 'Laura', 'Saule', 'Zhanna', 'Zhansaya',
  'Yerzhan', 'Yerbol', 'Yerassyl', 'Temirlan', 'Nurlybek', 'Abylai', 'Bakhyt', 'Galym', 'Rinat', 'Ruslan', 'Rustam', 'Zhanibek', 'Kuanysh',
  'James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Thomas', 'Daniel', 'Matthew', 'Mary', 'Patricia', 'Jennifer', 'Linda',
  'Elizabeth', 'Sarah', 'Emily', 'Emma', 'Olivia', 'Sophia', 'Peter', 'George', 'Paul', 'Mark', 'Laura', 'Anne', 'Kate', 'Helen', 'Jane',
]

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
]

export const PATRONYMIC_ENDINGS = ['ович', 'евич', 'вич', 'овна', 'евна', 'вна', 'ична', 'инична', 'ұлы', 'улы', 'қызы', 'кызы', 'ovich', 'evich', 'ovna', 'evna', 'uly', 'kyzy']

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
