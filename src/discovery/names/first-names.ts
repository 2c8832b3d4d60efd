/*
 * Given names people in Kazakhstan carry, compiled by the project from common
 * usage (not from any person's data): Kazakh names in Kazakh letters, Russian
 * and other names of the country's families in Cyrillic, English names. The
 * Russian spelling of Kazakh names (Нурлан for Нұрлан) and the Latin one of
 * passports (Nurlan, Yerlan) are derived from these by `given-name-forms.ts`.
 * Kept as whitespace-separated words: a list of hundreds reads better as text.
 */

const words = (text: string): readonly string[] => text.split(/\s+/).filter(Boolean)

export const KAZAKH_MALE = words(`
  Абай Абзал Абылай Адилет Әділ Әділет Әділбек Азамат Айбар Айбек Айбол Айбын Айдар Айдос Айдын Айтжан Айтуар Ақжол Ақылбек
  Алдияр Алихан Әлихан Әлібек Әлішер Алмас Алпамыс Алтай Алтынбек Амангелді Аманжол Анвар Ануар Арлан Арман Арнұр Арсен Арыстан Асан
  Асқар Асылбек Асхат Атымтай Ахмет Аян Бағдат Бағлан Бақберген Бақдәулет Бақыт Бақытжан Балтабай Батыр Бауыржан Бейбарыс Бейбіт
  Бекарыс Бекбол Бекжан Бекзат Бекнұр Бексұлтан Берік Болат Бөкей Ғабит Ғалым Ғани Даниял Данияр Дарын Дархан Дастан Дәулет Дәурен
  Дидар Дінмұхамед Думан Ерасыл Ербол Ерболат Ерғали Ердос Ержан Еркебұлан Еркін Ерлан Ермек Ерназар Ернар Ерсін Ертай Есенжол Есет
  Жақсылық Жалғас Жандос Жанат Жанбол Жанболат Жангелді Жандарбек Жәнібек Жарас Жасұлан Жасқайрат Жеңіс Жомарт Жұмабек Зейнолла
  Ильяс Ислам Исатай Кенжебек Кенес Қайрат Қаныш Қанат Қасым Қуаныш Қуандық Қасымжомарт Қожахмет Құдайберген Құрманғазы Мағжан
  Мақсат Мақсұт Мәди Мәжит Мәлік Манас Марат Мейірбек Мейрам Мирас Мұхтар Мұрат Мұратбек Мұхаммед Мұхамеджан Нариман Нұрбек Нұрбол
  Нұрғали Нұрдәулет Нұржан Нұрлан Нұрлыбек Нұрмұхамед Нұрсұлтан Олжас Оразбек Оспан Өмірзақ Өркен Рамазан Рауан Рақым
  Рүстем Сабыр Сағат Сағындық Сайлау Салауат Самат Санжар Сәбит Сәкен Сейіт Сейітжан Серік Серікбай Серікбол Сұлтан Сүндет Сырым
  Талант Талғат Тамерлан Темір Темірлан Тимур Төлеген Төлеубек Тұрар Тұрсын Ұлан Ұлықбек Уәлихан Хамит Шамиль Шерхан Шоқан Ықылас
  Ілияс Ісләм Адиль Бекмұрат Бақытбек Ерқанат Жандәулет Қайсар Мейіржан Нұрасыл Нұрислам Нұртас Нұрым Ризабек Ринат Темірхан Шыңғыс
  Ақан Ақтай Ақбар Алибек Әлімжан Аманкелді Бекет Бейсен Ғазиз Дүйсен Жұмағали Қалдыбек Қадыр Мұқағали Мұхит Серғазы Тоқтар Шәкен
`)

export const KAZAKH_FEMALE = words(`
  Ажар Айару Айбану Айгерім Айгүл Айдана Айжан Айзада Айым Айнұр Айсұлу Айша Айымгүл Ақбота Ақерке Ақмарал Ақнұр Ақтоты Алма Алтынай
  Алуа Әлия Аманкүл Анар Аружан Арайлым Асель Әсел Әсем Асия Аяжан Аягөз Ая Балжан Балнұр Бибігүл Ботагөз Гауһар Гүлжан Гүлзат Гүлмира
  Гүлнар Гүлнара Гүлнұр Гүлсім Гүлшат Гүлден Дана Дариға Дильназ Динара Жазира Жайна Жайдарман Жамал Жанар Жанерке Жаннұр Жансая
  Жанат Жібек Зәуре Зарина Зере Зейнеп Инабат Індира Индира Інжу Іңкәр Камила Қарақат Қарлыға Күләш Күнсұлу Ләззат Ләйла Мадина
  Мақпал Мәдина Мариям Меруерт Мейрамгүл Мөлдір Молдир Назгүл Назерке Назым Нәзира Нұргүл Нұрай Нұрия Нұржамал Нұрсұлу Перизат
  Раушан Роза Сабина Сағыныш Салтанат Самал Сания Сара Сәуле Сымбат Сырға Толқын Томирис Тоғжан Ұлбосын Ұлболсын Ұлжан Ұлдана Ұлпан Үміт Фариза
  Шынар Шолпан Шырын Әйгерім Эльмира Айсәуле Аққу Балауса Бақытгүл Гүлбану Гүлназ Данагүл Динагүл Еркежан Жаңыл Жұлдыз Күмісай
  Қымбат Қаламқас Ләйлім Мәрзия Меңдігүл Нәзипа Нұрбике Нұрайым Сандуғаш Сәбира Талшын Тұмар Ұлмекен Шапағат Ақжүніс Айнагүл Айман
  Әлима Бағила Гүлфайруз Дәмелі Жания Зұлфия Қуралай Құралай Ләйлә Мәншүк Мөлдіргүл Райхан Рысжан Сәлима Сәния Фатима Хадиша Хафиза Әмина
`)

/** Russian, Ukrainian, Tatar, Uzbek, Uighur and other given names of Kazakhstan's families, in Russian spelling. */
export const RUSSIAN_MALE = words(`
  Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артём Артем Артур Богдан Борис Вадим Валентин Валерий Василий Вениамин Виктор
  Виталий Владимир Владислав Всеволод Вячеслав Гавриил Геннадий Георгий Герман Глеб Григорий Давид Даниил Денис Дмитрий Евгений Егор
  Елисей Емельян Захар Иван Игнат Игорь Илья Иннокентий Иосиф Кирилл Климент Константин Лев Леонид Макар Максим Марк Матвей Мирон
  Михаил Назар Никита Никифор Николай Олег Павел Пётр Петр Платон Прохор Радик Роберт Родион Роман Ростислав Руслан Савва Семён Семен
  Сергей Станислав Степан Тарас Тимофей Трофим Фёдор Федор Филипп Эдуард Эмиль Юлиан Юрий Яков Ярослав Альберт Ринат Рустам Ренат
  Фарид Рафаэль Рафаэль Равиль Марсель Ильдар Ильнур Айдар Тагир Тимур Шамиль Азат Камиль Рамиль Рашид Ильяс Ахмед Анвар Алишер
  Бахтияр Бахтиёр Улугбек Фаррух Шухрат Джамшид Дильшод Рахим Карим Хамид Али Омар Эрик Виль Вильгельм Генрих Густав Фридрих
  Карл Отто Эдгар Эрнест Арнольд Рудольф Эльдар Артемий Святослав Мстислав Остап Панас Тарас Юлий Аристарх Герасим Данила Добрыня
  Нурлан Ержан Кайрат Данияр Галым Мадияр Айдын Бауыржан Серик Берик Болат Ерлан Марат Мурат Асхат Аскар Канат Талгат Бахыт Арман
`)

export const RUSSIAN_FEMALE = words(`
  Августа Аврора Агата Агния Аделина Алевтина Александра Алёна Алена Алина Алиса Алла Альбина Анастасия Ангелина Анжела Анна Антонина
  Арина Валентина Валерия Варвара Вера Вероника Виктория Виолетта Галина Дарина Дарья Диана Ева Евгения Евдокия Екатерина Елена
  Елизавета Есения Жанна Зинаида Злата Зоя Инга Инесса Инна Ираида Ирина Камилла Карина Кира Клавдия Кристина Ксения Лариса Лидия
  Лилия Любовь Людмила Майя Маргарита Марианна Марина Мария Марта Милана Мирослава Надежда Наталия Наталья Нелли Нина Нонна Оксана
  Олеся Ольга Полина Раиса Регина Римма Роза Светлана Серафима Снежана София Софья Стелла Таисия Тамара Татьяна Ульяна Эвелина
  Элеонора Элина Эльвира Эмилия Юлиана Юлия Яна Ярослава Гульнара Гульмира Гульнур Гульшат Айгуль Алсу Лейла Ляйсан Зульфия Венера
  Эльмира Фарида Дильназ Наргиза Нигора Малика Севара Гузель Резеда Динара Асель Асем Айжан Айгерим Жанар Мадина Зарина Камила Амина
  Ирма Ида Эльза Герда Фрида Эмма Луиза Ангелика Виталина Владислава Станислава Ярина Богдана Лада Лана Анфиса Василиса Глафира
  Пелагея Прасковья Ольга Руфина Эльвина Эльнара Назгуль Салтанат Гаухар Меруерт Молдир Назерке Шолпан Сауле Жазира Ботагоз Алия
`)

export const ENGLISH_GIVEN = words(`
  Aaron Adam Adrian Alan Albert Alex Alexander Alfred Andrew Anthony Arthur Austin Benjamin Bernard Brandon Brian Bruce Carl Charles
  Christian Christopher Colin Craig Daniel David Dennis Donald Douglas Dylan Edward Eric Ethan Eugene Frank Frederick Gary George Gerald
  Gordon Gregory Harold Harry Henry Howard Ian Jack Jacob Jake James Jason Jeffrey Jeremy Jerry Jesse Joel John Jonathan Jordan Joseph
  Joshua Justin Keith Kenneth Kevin Kyle Larry Lawrence Leonard Liam Louis Luke Martin Matthew Michael Nathan Neil Nicholas Noah Oliver
  Oscar Patrick Paul Peter Philip Ralph Raymond Richard Robert Roger Ronald Ross Russell Ryan Samuel Scott Sean Simon Stephen Steven
  Stuart Terry Thomas Timothy Tyler Victor Vincent Walter Wayne William Zachary Abigail Alice Alison Amanda Amelia Amy Andrea Angela
  Anne Ashley Barbara Betty Beverly Brenda Caroline Carol Catherine Charlotte Chloe Christina Christine Claire Clara Deborah Denise
  Diana Donna Dorothy Eleanor Elizabeth Ellen Emily Emma Evelyn Fiona Frances Grace Hannah Heather Helen Isabella Jacqueline Janet Jane
  Jennifer Jessica Joan Joanna Judith Julia Julie Karen Kate Katherine Kathleen Kelly Kimberly Laura Lauren Linda Lisa Lucy Madison
  Margaret Maria Marie Martha Mary Megan Melissa Michelle Monica Nancy Natalie Nicole Olivia Pamela Patricia Rachel Rebecca Rose Ruth
  Samantha Sandra Sarah Sharon Sophia Sophie Stephanie Susan Teresa Victoria Virginia Wendy Zoe Hans Klaus Jürgen Stefan Markus Giulia
  Marco Luca Giovanni Francesca Pierre Jean Marie François Sophie Carlos Juan Jose Miguel Ahmed Mohammed Ali Fatima Yusuf Mehmet Emre
`)

/** Passport spellings that no letter-by-letter rule gives (Бауыржан → Baurzhan, Әсел → Assel). */
export const PASSPORT_SPELLINGS = words(`
  Baurzhan Bauirzhan Assel Yerassyl Nurassyl Aiymgul Sabina Zhuldyz Kuralay Kuralai Gaukhar Dariga Dinmukhamed Kassym Kassymzhomart
  Abilay Bakytzhan Nurlybek Zhanibek Daniyar Aidyn Aliya Aizhan Ainur Yerkebulan Yerbolat Yessen Assylbek Assan Assiya Anel Adil Ruslan
`)
