import { chance, pick, weighted, type Random } from './random.ts'

/*
 * People of Kazakhstan as its records write them: Kazakh names in Kazakh
 * letters and, as often, in Russian spelling without them (Нурлан, Сарсенбаев);
 * Russian, Korean, German and Ukrainian families; Latin forms as passports
 * and e-mail senders spell them; an expatriate now and then. These lists are
 * the evaluation set's own — some names are in the detectors' dictionaries
 * and some are not, so recall is not flattered.
 */

export type Language = 'kk' | 'ru' | 'en'
export type Gender = 'm' | 'f'

export interface Person {
  gender: Gender
  given: string
  surname: string
  /** Ұлы/қызы or -ович/-овна, in the person's own tradition; absent for expatriates. */
  patronymic?: string
  /** Kazakh letters kept (Нұрлан) or written the Russian way (Нурлан). */
  kazakhLetters: boolean
  /** An English name: never spelled in Cyrillic. */
  foreign: boolean
}

const KK_GIVEN_M = ['Нұрлан', 'Дәурен', 'Ерлан', 'Қайрат', 'Бекжан', 'Ерасыл', 'Темірлан', 'Ақжол', 'Бауыржан', 'Арман', 'Ержан', 'Асхат', 'Жандос', 'Данияр', 'Ерболат', 'Нұрсұлтан', 'Әлихан', 'Серік', 'Мұрат', 'Талғат', 'Ғалым', 'Руслан', 'Азамат', 'Олжас', 'Санжар', 'Мағжан', 'Бақытжан', 'Ілияс']
const KK_GIVEN_F = ['Айгерім', 'Гүлнар', 'Әсел', 'Жанар', 'Аружан', 'Мөлдір', 'Назгүл', 'Інжу', 'Самал', 'Динара', 'Мадина', 'Сәуле', 'Айдана', 'Алия', 'Гаухар', 'Ботагөз', 'Ақмарал', 'Жұлдыз', 'Ләззат', 'Күнсұлу', 'Дана', 'Томирис', 'Балжан', 'Райхан', 'Айсұлу', 'Меруерт']
/** Stems: + ов/ев for men, + ова/ева for women, or a surname that does not change. */
const KK_SURNAMES = ['Сәрсенбаев', 'Ахметов', 'Қасымов', 'Нұрланов', 'Жақсыбеков', 'Серіков', 'Әбдірахманов', 'Төлеуов', 'Омаров', 'Байжанов', 'Есенов', 'Мұқанов', 'Оспанов', 'Исабеков', 'Жұмабаев', 'Тоқтаров', 'Бекмұхамбетов', 'Құдайбергенов', 'Әлімжанов', 'Ермеков', 'Нұрпейісов', 'Сұлтанбеков', 'Кенжебаев', 'Мусин', 'Ыбыраев', 'Шәріпов', 'Дүйсенов', 'Рахимов', 'Смағұлов', 'Тұрсынбаев']
const KK_SURNAMES_FIXED = ['Сейтқали', 'Төлеген', 'Жұмаділ', 'Серікбай', 'Әлібек', 'Нұрғали']
const RU_GIVEN_M = ['Сергей', 'Дмитрий', 'Игорь', 'Виктор', 'Геннадий', 'Александр', 'Андрей', 'Владимир', 'Евгений', 'Николай', 'Павел', 'Константин', 'Всеволод', 'Артём']
const RU_GIVEN_F = ['Мария', 'Ольга', 'Татьяна', 'Анна', 'Людмила', 'Елена', 'Наталья', 'Светлана', 'Юлия', 'Ирина', 'Зинаида', 'Валентина', 'Ксения', 'Оксана']
const RU_SURNAMES = ['Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Попов', 'Соколов', 'Лебедев', 'Новиков', 'Морозов', 'Волков', 'Фёдоров', 'Захаров', 'Белов', 'Романов', 'Голубев', 'Тарасов']
const RU_SURNAMES_FIXED = ['Ким', 'Пак', 'Цой', 'Ли', 'Шевченко', 'Бойко', 'Шмидт', 'Вагнер', 'Гребенюк', 'Мельниченко']
const RU_FATHERS = ['Пётр', 'Иван', 'Сергей', 'Виктор', 'Александр', 'Николай', 'Юрий', 'Владимир', 'Анатолий']
const RU_PATRONYMIC: Record<string, [string, string]> = {
  Пётр: ['Петрович', 'Петровна'], Иван: ['Иванович', 'Ивановна'], Сергей: ['Сергеевич', 'Сергеевна'], Виктор: ['Викторович', 'Викторовна'],
  Александр: ['Александрович', 'Александровна'], Николай: ['Николаевич', 'Николаевна'], Юрий: ['Юрьевич', 'Юрьевна'],
  Владимир: ['Владимирович', 'Владимировна'], Анатолий: ['Анатольевич', 'Анатольевна'],
}
const EN_GIVEN_M = ['John', 'Michael', 'David', 'James', 'Thomas', 'Daniel', 'Mark']
const EN_GIVEN_F = ['Emily', 'Sarah', 'Laura', 'Jessica', 'Anna', 'Rachel', 'Claire']
const EN_SURNAMES = ['Smith', 'Brown', 'Johnson', 'Williams', 'Taylor', 'Miller', 'Chen', 'Müller', 'Rossi', 'Fischer']

const RUSSIAN_SPELLING: Record<string, string> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', Ә: 'А', Ғ: 'Г', Қ: 'К', Ң: 'Н', Ө: 'О', Ұ: 'У', Ү: 'У', Һ: 'Х', І: 'И' }
/** Kazakh letters written the Russian way, as most ru-language records do (Сәрсенбаев → Сарсенбаев). */
export const russianSpelling = (s: string) => s.replace(/[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g, (c) => RUSSIAN_SPELLING[c]!)

const LATIN: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', і: 'i', к: 'k', қ: 'k', л: 'l', м: 'm',
  н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
}
/** Cyrillic to Latin the way KZ passports and e-mail addresses spell names (Сәрсенбаев → Sarsenbayev). */
export function latin(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    const lower = c.toLowerCase()
    const before = i === 0 ? '' : s[i - 1]!.toLowerCase()
    let t = LATIN[lower] ?? c
    if (lower === 'е' && (i === 0 || 'аәеиоөуұүыіэюя'.includes(before))) t = 'ye'
    out += c !== lower && t.length > 0 ? t[0]!.toUpperCase() + t.slice(1) : t
  }
  return out
}

export function person(r: Random): Person {
  const gender: Gender = chance(r, 0.5) ? 'm' : 'f'
  const origin = weighted(r, [[65, 'kk'], [28, 'ru'], [7, 'en']] as const)
  if (origin === 'en') return { gender, given: pick(r, gender === 'm' ? EN_GIVEN_M : EN_GIVEN_F), surname: pick(r, EN_SURNAMES), kazakhLetters: false, foreign: true }
  if (origin === 'ru') {
    const fixed = chance(r, 0.25)
    const stem = pick(r, fixed ? RU_SURNAMES_FIXED : RU_SURNAMES)
    const [m, f] = RU_PATRONYMIC[pick(r, RU_FATHERS)]!
    return { gender, given: pick(r, gender === 'm' ? RU_GIVEN_M : RU_GIVEN_F), surname: fixed || gender === 'm' ? stem : `${stem}а`, patronymic: gender === 'm' ? m : f, kazakhLetters: false, foreign: false }
  }
  const kazakhLetters = chance(r, 0.5)
  const fixed = chance(r, 0.15)
  const stem = pick(r, fixed ? KK_SURNAMES_FIXED : KK_SURNAMES)
  const father = pick(r, KK_GIVEN_M)
  // Kazakh patronymics: «Қайратұлы»/«Қайратқызы» in Kazakh records, «Кайратович» in many Russian ones.
  const patronymic = kazakhLetters || chance(r, 0.3) ? `${father}${gender === 'm' ? 'ұлы' : 'қызы'}` : `${father}${gender === 'm' ? 'ович' : 'овна'}`
  const p: Person = { gender, given: pick(r, gender === 'm' ? KK_GIVEN_M : KK_GIVEN_F), surname: fixed || gender === 'm' ? stem : `${stem}а`, patronymic, kazakhLetters, foreign: false }
  return kazakhLetters ? p : { ...p, given: russianSpelling(p.given), surname: russianSpelling(p.surname), patronymic: russianSpelling(patronymic) }
}

const initial = (s: string) => `${s[0]}.`

/**
 * A person's name in one of the forms records use, for a text in `language`:
 * surname-first with patronymic (Сәрсенбаев Нұрлан Қайратұлы), given-first,
 * initials (Иванова М. П., Иванова М.П., М.П. Иванова), Latin forms (Aigerim
 * Seitkali, SARSENBAYEV NURLAN) — English texts use the Latin ones.
 */
export function nameForm(r: Random, p: Person, language: Language): string {
  const latinForm = p.foreign || language === 'en' || chance(r, 0.06)
  if (latinForm) {
    const [g, s] = p.foreign ? [p.given, p.surname] : [latin(p.given), latin(p.surname)]
    return weighted(r, [
      [5, `${g} ${s}`], [2, `${s} ${g}`], [1, `${s.toUpperCase()} ${g.toUpperCase()}`], [1, `${initial(g)} ${s}`], [1, `${s} ${initial(g)}`],
    ])
  }
  const { given: g, surname: s, patronymic: pa } = p
  return weighted(r, [
    [4, pa ? `${s} ${g} ${pa}` : `${s} ${g}`],
    [3, `${s} ${g}`],
    [3, `${g} ${s}`],
    [2, pa ? `${s} ${initial(g)} ${initial(pa)}` : `${s} ${initial(g)}`],
    [1, pa ? `${s} ${initial(g)}${initial(pa)}` : `${s} ${initial(g)}`],
    [1, pa ? `${initial(g)}${initial(pa)} ${s}` : `${initial(g)} ${s}`],
    [1, `${s.toUpperCase()} ${g.toUpperCase()}${pa ? ` ${pa.toUpperCase()}` : ''}`],
  ])
}

/**
 * A surname with initials in a Russian case, as HR orders and letters write
 * it («приказ о приёме Сарсенбаева Н. К.», «выдать Ивановой М. П.»). Surnames
 * in -ов/-ев/-ин change; Kazakh «-ұлы» surnames and Ким, Шевченко do not.
 */
export function russianCaseForm(p: Person, grammaticalCase: 'genitive' | 'dative'): string {
  const s = p.surname
  let declined = s
  if (/(ов|ев|ин)$/.test(s)) declined = s + (grammaticalCase === 'genitive' ? 'а' : 'у')
  else if (/(ова|ева|ина)$/.test(s)) declined = `${s.slice(0, -1)}ой`
  const pa = p.patronymic && !p.foreign ? ` ${initial(p.patronymic)}` : ''
  return `${declined} ${initial(p.given)}${pa}`
}

/** «Нұрлан Сәрсенбаевтың» — Kazakh genitive on the last word, by its last sound and vowel harmony. */
export function kazakhGenitive(p: Person): string {
  const base = `${p.given} ${p.surname}`
  const last = base[base.length - 1]!
  const front = /[әеіөү][^аәеиоөуұүыіэюя]*$/i.test(base)
  const vowel = front ? 'і' : 'ы'
  const consonant = /[аәеиоөуұүыіэюя]/i.test(last) ? 'н' : /[лрйуwмнңжз]/i.test(last) ? 'д' : 'т'
  return `${base}${consonant}${vowel}ң`
}
